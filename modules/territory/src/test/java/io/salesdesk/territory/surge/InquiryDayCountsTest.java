package io.salesdesk.territory.surge;

import static io.salesdesk.db.jooq.Tables.LEAD_DAY_COUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.core.BoardRank;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadDayCountRepository;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.crm.lead.LeadRepository;
import io.salesdesk.crm.lead.LeadStatus;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The surge scan's counts from the per-day inquiry counts (and the leads at the windows' edges)
 * equal a count over every lead, at any time of day, in every window mode, after leads are
 * deleted or moved to another region.
 */
class InquiryDayCountsTest {

    private static final List<String> REGIONS = List.of("330106", "320508", "440106", "110101");
    private static final Instant START = Instant.parse("2026-11-27T02:00:00Z");

    @TempDir
    Path dataDir;

    Database db;
    SalesOrgFixture f;
    final TestClock clock = new TestClock(START);
    final List<UUID> ids = new ArrayList<>();
    private String rank = BoardRank.first();

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new SalesOrgFixture(db, clock);
        // 600 inquiries over the 45 days before START and a day after it, at any minute.
        SplittableRandom random = new SplittableRandom(7);
        List<LeadRepository.NewLead> leads = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            OffsetDateTime at = START.atOffset(ZoneOffset.UTC).minusMinutes(random.nextInt(45 * 24 * 60))
                    .plusMinutes(random.nextInt(24 * 60));
            String region = REGIONS.get(random.nextInt(REGIONS.size()));
            leads.add(lead(random.nextInt(10) == 0 ? null : region, at));
        }
        insert(leads);
    }

    /** The database the tests run on: HSQLDB here, PostgreSQL in the subclass. */
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            2026-11-27T02:00:00Z, ROLLING,      7
            2026-11-27T06:31:17Z, ROLLING,      7
            2026-11-26T15:59:59Z, ROLLING,      7
            2026-11-26T16:00:00Z, ROLLING,      7
            2026-11-27T23:45:00Z, ROLLING,      1
            2026-11-27T09:10:00Z, ROLLING,      3
            2026-11-27T02:00:00Z, SAME_WEEKDAY, 7
            2026-11-26T16:30:00Z, SAME_WEEKDAY, 7
            2026-11-27T13:00:00Z, SAME_WEEKDAY, 7
            """)
    void dayCountsGiveTheSameCountsAsReadingEveryLead(Instant now, WindowMode mode, int windowDays) {
        SurgeWindows windows = SurgeWindows.at(now, new SurgeSettings(mode, windowDays, 4, 300, 20, 50, 3, 7));

        assertThat(fromDayCounts(windows)).isEqualTo(fromLeads(windows)).isNotEmpty();
    }

    @Test
    void deletedAndMovedLeadsCountWhereTheyAreNow() {
        SurgeWindows windows = SurgeWindows.at(START, SurgeSettings.DEFAULTS);
        Map<String, List<Integer>> before = fromDayCounts(windows);
        List<Lead> recentZhejiang = db.transactionResult(cfg -> {
            LeadRepository rows = LeadRepository.using(cfg, clock);
            return ids.stream().map(id -> rows.findAny(id).orElseThrow())
                    .filter(l -> "330106".equals(l.regionCode()))
                    .filter(l -> !l.createdAt().isBefore(windows.recent().from()) && l.createdAt().isBefore(
                            windows.recent().to()))
                    .limit(5).toList();
        });
        db.transaction(cfg -> {
            LeadRepository rows = LeadRepository.using(cfg, clock);
            for (Lead l : recentZhejiang.subList(0, 3)) {
                rows.delete(null, ChangeReason.user(), l.id(), l.version());
            }
            for (Lead l : recentZhejiang.subList(3, 5)) {
                LeadDraft d = l.toDraft();
                rows.update(null, ChangeReason.user(), l.id(), l.version(), fields -> fields.withDraft(
                        new LeadDraft(d.name(), d.contactName(), d.phone(), d.address(), "440106", d.industry(),
                                d.tier(), d.source(), d.note())));
            }
        });

        Map<String, List<Integer>> after = fromDayCounts(windows);
        assertThat(after).isEqualTo(fromLeads(windows));
        assertThat(after.get("33").get(0)).isEqualTo(before.get("33").get(0) - 5);
        assertThat(after.get("44").get(0)).isEqualTo(before.get("44").get(0) + 2);
        assertThat(after.get("32")).isEqualTo(before.get("32"));
    }

    @Test
    void aLeadLosingItsRegionStopsCountingAndOneGainingItStarts() {
        SurgeWindows windows = SurgeWindows.at(START, SurgeSettings.DEFAULTS);
        Lead some = db.transactionResult(cfg -> {
            LeadRepository rows = LeadRepository.using(cfg, clock);
            return ids.stream().map(id -> rows.findAny(id).orElseThrow())
                    .filter(l -> l.regionCode() == null && l.createdAt().isAfter(windows.recent().from())
                            && l.createdAt().isBefore(windows.recent().to())).findFirst().orElseThrow();
        });
        int before = fromDayCounts(windows).get("11").get(0);
        db.transaction(cfg -> LeadRepository.using(cfg, clock).update(null, ChangeReason.user(), some.id(),
                some.version(), fields -> fields.withDraft(new LeadDraft(some.name(), null, null, null, "110101",
                        null, null, null, null))));

        assertThat(fromDayCounts(windows).get("11").get(0)).isEqualTo(before + 1);
        assertThat(fromDayCounts(windows)).isEqualTo(fromLeads(windows));
    }

    @Test
    void rebuildingFromTheLeadTableGivesTheRowsTheWritesKept() {
        Map<String, Integer> kept = dayRows();

        int rows = db.transactionResult(cfg -> LeadDayCountRepository.using(cfg).rebuild());

        assertThat(rows).isEqualTo(kept.size());
        assertThat(dayRows()).isEqualTo(kept);
    }

    private Map<String, Integer> dayRows() {
        Map<String, Integer> rows = new TreeMap<>();
        db.transaction(cfg -> DSL.using(cfg).selectFrom(LEAD_DAY_COUNT).where(LEAD_DAY_COUNT.INQUIRIES.ne(0))
                .forEach(r -> rows.put(r.getDay() + " " + r.getProvince(), r.getInquiries())));
        return rows;
    }

    private Map<String, List<Integer>> fromDayCounts(SurgeWindows windows) {
        return db.transactionResult(cfg -> comparable(SurgeRepository.using(cfg, clock).countsByProvince(windows)));
    }

    private Map<String, List<Integer>> fromLeads(SurgeWindows windows) {
        return db.transactionResult(cfg -> comparable(SurgeRepository.using(cfg, clock).countsFromLeads(windows)));
    }

    private static Map<String, List<Integer>> comparable(Map<String, int[]> counts) {
        Map<String, List<Integer>> out = new TreeMap<>();
        counts.forEach((p, c) -> {
            if (Arrays.stream(c).anyMatch(n -> n != 0)) {
                out.put(p, Arrays.stream(c).boxed().toList());
            }
        });
        return out;
    }

    private LeadRepository.NewLead lead(String region, OffsetDateTime at) {
        rank = BoardRank.between(null, rank);
        UUID id = Ids.newId(clock);
        ids.add(id);
        return new LeadRepository.NewLead(id, new LeadDraft("询盘 " + rank, null, null, null, region, "HOSPITAL", null,
                "官网表单", null), LeadStatus.NEW, null, null, null, null, rank, at);
    }

    private void insert(List<LeadRepository.NewLead> leads) {
        db.transaction(cfg -> LeadRepository.using(cfg, clock).insertAll(null,
                ChangeReason.of(ChangeReason.Kind.SYSTEM, "fixture"), leads));
    }
}
