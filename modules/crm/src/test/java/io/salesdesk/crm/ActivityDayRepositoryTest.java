package io.salesdesk.crm;

import static io.salesdesk.db.jooq.Tables.ACTIVITY_DAY;
import static io.salesdesk.db.jooq.Tables.ACTIVITY_MONTH;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.BusinessDates;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

/**
 * The per-day activity roll-up the KPI dashboard sums, kept by the repositories' own writes,
 * against a count of the same follow-ups done by hand in Java, and against a rebuild from scratch.
 */
class ActivityDayRepositoryTest {

    private static final ChangeReason REASON = ChangeReason.of(ChangeReason.Kind.SYSTEM, "test");
    private static final String[] KINDS = {"CALL", "VISIT", "MEETING", "DEMO", "NOTE"};

    @TempDir
    Path dir;
    private Database db;
    private TestClock clock;
    private SalesOrgFixture org;
    private final List<Written> written = new ArrayList<>();

    /** A follow-up as written, and whether it should still count. */
    private record Written(UUID id, UUID customer, UUID owner, String kind, OffsetDateTime at, Integer minutes) {
    }

    /** The database the tests run on; the PostgreSQL variant overrides it. */
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @BeforeEach
    void open() {
        db = open(dir);
        clock = new TestClock(Instant.parse("2026-05-03T02:00:00Z"));
        org = new SalesOrgFixture(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void rollUpCountsExactlyTheLiveActivitiesOfLiveCustomers() {
        List<UUID> customers = List.of(
                org.customer(org.wang, "杭州一院", Tier.A, SalesOrgFixture.HANGZHOU, null),
                org.customer(org.li, "西湖医院", Tier.B, SalesOrgFixture.XIHU, null),
                org.customer(org.zhang, "苏州二院", Tier.B, SalesOrgFixture.SUZHOU, null));
        SplittableRandom random = new SplittableRandom(20);
        for (int batch = 0; batch < 6; batch++) {
            write(customers, random, 40);
        }
        // Delete every seventh follow-up, then the whole third customer.
        for (int i = 0; i < written.size(); i += 7) {
            UUID id = written.get(i).id();
            db.transaction(cfg -> ActivityRepository.using(cfg, clock).delete(null, REASON, id, 1L));
        }
        long version = db.transactionResult(cfg -> DSL.using(cfg).select(CUSTOMER.VERSION).from(CUSTOMER)
                .where(CUSTOMER.ID.eq(customers.get(2))).fetchOne(CUSTOMER.VERSION));
        db.transaction(cfg -> CustomerRepository.using(cfg, clock, code -> code).delete(null, REASON, customers.get(2),
                version));
        // Follow-ups logged on a deleted customer (an import of old rows) do not count either.
        write(customers, random, 20);

        Map<String, long[]> expected = new TreeMap<>();
        for (int i = 0; i < written.size(); i++) {
            Written w = written.get(i);
            boolean deleted = i % 7 == 0 && i < 240;
            if (!deleted && !w.customer().equals(customers.get(2))) {
                long[] sums = expected.computeIfAbsent(key(w.at().atZoneSameInstant(BusinessTime.ZONE).toLocalDate()
                        .toString(), w.owner(), w.kind(), ActivityDayRepository.shortMinutes(w.minutes())),
                        k -> new long[2]);
                sums[0]++;
                sums[1] += w.minutes() == null ? 0 : w.minutes();
            }
        }
        assertThat(rows()).isEqualTo(render(expected));
    }

    @Test
    void rebuildFromTheActivitiesGivesTheSameRowsAsTheUpkeep() {
        List<UUID> customers = List.of(org.customer(org.wang, "杭州一院", Tier.A, SalesOrgFixture.HANGZHOU, null),
                org.customer(org.zhang, "苏州二院", Tier.B, SalesOrgFixture.SUZHOU, null));
        SplittableRandom random = new SplittableRandom(7);
        write(customers, random, 120);
        UUID gone = written.get(3).id();
        db.transaction(cfg -> ActivityRepository.using(cfg, clock).delete(null, REASON, gone, 1L));
        Map<String, String> upkept = rows();
        Map<String, String> upkeptMonths = monthRows();

        db.transaction(cfg -> ActivityDayRepository.using(cfg).rebuild());

        assertThat(rows()).isEqualTo(upkept).isNotEmpty();
        // The follow-ups straddle 30 April and May: two months, each the sum of its days.
        assertThat(monthRows()).isEqualTo(upkeptMonths).isNotEmpty();
        assertThat(upkeptMonths.keySet()).anyMatch(k -> k.startsWith(BusinessDates.monthNo(LocalDate.of(2026, 4, 30)) + " "))
                .anyMatch(k -> k.startsWith(BusinessDates.monthNo(LocalDate.of(2026, 5, 1)) + " "));
    }

    @Test
    void shortMinutesKeepsEveryThresholdUpToTheCapApart() {
        assertThat(ActivityDayRepository.shortMinutes((Integer) null)).isEqualTo(ActivityDayRepository.UNTIMED);
        assertThat(ActivityDayRepository.shortMinutes(-3)).isEqualTo(ActivityDayRepository.NEGATIVE);
        assertThat(ActivityDayRepository.shortMinutes(0)).isZero();
        assertThat(ActivityDayRepository.shortMinutes(9)).isEqualTo(9);
        assertThat(ActivityDayRepository.shortMinutes(10)).isEqualTo(ActivityDayRepository.SHORT_CAP);
        assertThat(ActivityDayRepository.shortMinutes(240)).isEqualTo(ActivityDayRepository.SHORT_CAP);
    }

    /** {@code n} follow-ups in batches as the app logs them, around the Shanghai midnights of three days. */
    private void write(List<UUID> customers, SplittableRandom random, int n) {
        List<ActivityRepository.NewActivity> batch = new ArrayList<>();
        OffsetDateTime start = OffsetDateTime.of(2026, 4, 30, 12, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < n; i++) {
            UUID customer = customers.get(random.nextInt(customers.size()));
            UUID owner = random.nextBoolean() ? org.wang.id() : org.zhang.id();
            String kind = KINDS[random.nextInt(KINDS.length)];
            OffsetDateTime at = start.plusMinutes(random.nextInt(3 * 24 * 60));
            int roll = random.nextInt(20);
            Integer minutes = roll == 0 ? null : roll == 1 ? -5 : random.nextInt(40);
            UUID id = Ids.newId(clock);
            written.add(new Written(id, customer, owner, kind, at, minutes));
            batch.add(new ActivityRepository.NewActivity(id, customer, owner,
                    new ActivityDraft(ActivityKind.valueOf(kind), at, null, minutes, "跟进", null, null, null)));
        }
        db.transaction(cfg -> ActivityRepository.using(cfg, clock).insertAll(null, REASON, batch));
    }

    /** The roll-up's rows that count something, as key → "activities/minutes". */
    private Map<String, String> rows() {
        Map<String, String> rows = new TreeMap<>();
        db.transactionResult(cfg -> DSL.using(cfg).selectFrom(ACTIVITY_DAY).fetch()).forEach(r -> {
            if (r.getActivities() != 0 || r.getMinutes() != 0) {
                rows.put(key(r.getDay().toString(), r.getOwnerId(), r.getKind(), r.getShortMinutes()),
                        r.getActivities() + "/" + r.getMinutes());
            }
        });
        return rows;
    }

    /** The monthly roll-up's rows that count something, as key → "activities/minutes". */
    private Map<String, String> monthRows() {
        Map<String, String> rows = new TreeMap<>();
        db.transactionResult(cfg -> DSL.using(cfg).selectFrom(ACTIVITY_MONTH).fetch()).forEach(r -> {
            if (r.getActivities() != 0 || r.getMinutes() != 0) {
                rows.put(key(String.valueOf(r.getMonthNo()), r.getOwnerId(), r.getKind(), r.getShortMinutes()),
                        r.getActivities() + "/" + r.getMinutes());
            }
        });
        return rows;
    }

    private static Map<String, String> render(Map<String, long[]> sums) {
        Map<String, String> rows = new TreeMap<>();
        sums.forEach((k, v) -> rows.put(k, v[0] + "/" + v[1]));
        return rows;
    }

    private static String key(String day, UUID owner, String kind, int shortMinutes) {
        return day + " " + owner + " " + kind + " " + shortMinutes;
    }
}
