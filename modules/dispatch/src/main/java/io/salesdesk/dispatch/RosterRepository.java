package io.salesdesk.dispatch;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;
import static io.salesdesk.db.jooq.Tables.ORG_UNIT;
import static io.salesdesk.db.jooq.Tables.POOL_ACCESS_GRANT;
import static io.salesdesk.db.jooq.Tables.REP_PROFILE;
import static io.salesdesk.db.jooq.Tables.REP_TERRITORY;
import static io.salesdesk.db.jooq.Tables.TASK;
import static io.salesdesk.db.jooq.Tables.TERRITORY;
import static io.salesdesk.db.jooq.Tables.TERRITORY_REGION;

import io.salesdesk.core.Role;
import io.salesdesk.crm.lead.LeadRepository;
import io.salesdesk.db.Rows;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Reads the roster dispatch weighs: every active rep with their territories, capacity, leave,
 * current load and track record, in a handful of grouped queries however many reps there are.
 */
public final class RosterRepository {

    private final DSLContext dsl;
    private final Configuration configuration;

    private RosterRepository(Configuration configuration) {
        this.configuration = configuration;
        this.dsl = DSL.using(configuration);
    }

    public static RosterRepository using(Configuration configuration) {
        return new RosterRepository(configuration);
    }

    /** Every active rep as of {@code today}, by name. */
    public List<RepCandidate> roster(LocalDate today, DispatchWeights weights, java.time.Clock clock) {
        Map<UUID, List<String>> territories = effectiveRegions(Rows.now(clock));
        Map<UUID, Integer> openLeads = LeadRepository.using(configuration, clock).openByOwner();
        Map<UUID, Integer> overdue = new HashMap<>();
        dsl.select(CUSTOMER.OWNER_ID, DSL.count()).from(CUSTOMER)
                .where(CUSTOMER.DELETED_AT.isNull(), CUSTOMER.OWNER_ID.isNotNull(), CUSTOMER.NEXT_FOLLOW_UP_ON.lt(today))
                .groupBy(CUSTOMER.OWNER_ID).forEach(r -> overdue.put(r.value1(), r.value2()));
        Map<UUID, Integer> tasks = new HashMap<>();
        dsl.select(TASK.ASSIGNEE_ID, DSL.count()).from(TASK)
                .where(TASK.DELETED_AT.isNull(), TASK.STATUS.ne("DONE"))
                .groupBy(TASK.ASSIGNEE_ID).forEach(r -> tasks.put(r.value1(), r.value2()));
        Map<UUID, TrackRecords> records = trackRecords();

        List<RepCandidate> roster = new ArrayList<>();
        dsl.select(APP_USER.ID, APP_USER.DISPLAY_NAME, REP_PROFILE.MONTHLY_CAPACITY, REP_PROFILE.AWAY_FROM,
                        REP_PROFILE.AWAY_UNTIL, REP_PROFILE.LAST_ASSIGNED_AT)
                .from(APP_USER).leftJoin(REP_PROFILE).on(REP_PROFILE.USER_ID.eq(APP_USER.ID))
                .where(APP_USER.DELETED_AT.isNull(), APP_USER.ACTIVE.isTrue(), APP_USER.ROLE.eq(Role.REP.name()))
                .orderBy(APP_USER.DISPLAY_NAME, APP_USER.ID)
                .forEach(r -> {
                    UUID id = r.value1();
                    LocalDate from = r.value4();
                    LocalDate until = r.value5();
                    boolean away = from != null && !today.isBefore(from) && (until == null || !today.isAfter(until));
                    TrackRecords rec = records.getOrDefault(id, new TrackRecords());
                    OffsetDateTime last = r.value6();
                    roster.add(new RepCandidate(id, r.value2(), territories.getOrDefault(id, List.of()),
                            r.value3() == null ? weights.defaultCapacity() : r.value3(), openLeads.getOrDefault(id, 0),
                            overdue.getOrDefault(id, 0), tasks.getOrDefault(id, 0), away,
                            last == null ? null : last.toInstant(), rec.byIndustry(), rec.overall()));
                });
        return roster;
    }

    /**
     * Each user's effective regions at {@code now}, sorted: the places set on their dispatch profile
     * ({@code rep_territory}), the territories they own, the territories owned by their org unit or
     * a unit above it (a team's or a region's territory), and the regions of their pool access
     * grants that have started and not expired or been revoked (a rep lent to a surging region).
     * One query however many reps there are.
     */
    public Map<UUID, List<String>> effectiveRegions(OffsetDateTime now) {
        var ownerUnit = ORG_UNIT.as("owner_unit");
        var memberUnit = ORG_UNIT.as("member_unit");
        var own = DSL.select(REP_TERRITORY.USER_ID, REP_TERRITORY.REGION_CODE).from(REP_TERRITORY);
        var owned = DSL.select(TERRITORY.OWNER_USER_ID, TERRITORY_REGION.REGION_CODE).from(TERRITORY)
                .join(TERRITORY_REGION).on(TERRITORY_REGION.TERRITORY_ID.eq(TERRITORY.ID))
                .where(TERRITORY.DELETED_AT.isNull(), TERRITORY.OWNER_USER_ID.isNotNull());
        var team = DSL.select(APP_USER.ID, TERRITORY_REGION.REGION_CODE).from(TERRITORY)
                .join(TERRITORY_REGION).on(TERRITORY_REGION.TERRITORY_ID.eq(TERRITORY.ID))
                .join(ownerUnit).on(ownerUnit.ID.eq(TERRITORY.OWNER_ORG_UNIT_ID))
                .join(memberUnit).on(memberUnit.PATH.startsWith(ownerUnit.PATH))
                .join(APP_USER).on(APP_USER.ORG_UNIT_ID.eq(memberUnit.ID))
                .where(TERRITORY.DELETED_AT.isNull(), memberUnit.DELETED_AT.isNull());
        var granted = DSL.select(POOL_ACCESS_GRANT.USER_ID, POOL_ACCESS_GRANT.REGION_CODE).from(POOL_ACCESS_GRANT)
                .where(POOL_ACCESS_GRANT.STARTS_AT.le(now), POOL_ACCESS_GRANT.EXPIRES_AT.gt(now),
                        POOL_ACCESS_GRANT.REVOKED_AT.isNull());
        Map<UUID, TreeSet<String>> sets = new HashMap<>();
        dsl.selectFrom(own.union(owned).union(team).union(granted).asTable("effective"))
                .forEach(r -> sets.computeIfAbsent(r.get(0, UUID.class), k -> new TreeSet<>())
                        .add(r.get(1, String.class)));
        Map<UUID, List<String>> regions = new HashMap<>();
        sets.forEach((user, codes) -> regions.put(user, new ArrayList<>(codes)));
        return regions;
    }

    /** Records that the rep got a lead now: ties go to whoever waited longest. */
    public void stampAssigned(Collection<UUID> repIds, OffsetDateTime at) {
        for (UUID id : repIds) {
            int updated = dsl.update(REP_PROFILE).set(REP_PROFILE.LAST_ASSIGNED_AT, at)
                    .where(REP_PROFILE.USER_ID.eq(id)).execute();
            if (updated == 0) {
                dsl.insertInto(REP_PROFILE).set(REP_PROFILE.USER_ID, id).set(REP_PROFILE.LAST_ASSIGNED_AT, at).execute();
            }
        }
    }

    /**
     * The active managers whose org unit's region covers {@code regionCode}; every active manager
     * when none does or the region is unknown, so someone always hears of a lead nobody can take.
     */
    public List<UUID> managersCovering(String regionCode) {
        List<UUID> covering = new ArrayList<>();
        List<UUID> all = new ArrayList<>();
        dsl.select(APP_USER.ID, ORG_UNIT.REGION_CODE).from(APP_USER).join(ORG_UNIT).on(ORG_UNIT.ID.eq(APP_USER.ORG_UNIT_ID))
                .where(APP_USER.DELETED_AT.isNull(), APP_USER.ACTIVE.isTrue(), APP_USER.ROLE.eq(Role.MANAGER.name()))
                .orderBy(APP_USER.USERNAME)
                .forEach(r -> {
                    all.add(r.value1());
                    if (regionCode != null && RegionMatch.of(r.value2(), regionCode) != RegionMatch.NONE) {
                        covering.add(r.value1());
                    }
                });
        return covering.isEmpty() ? all : covering;
    }

    /** Won and lost deals per rep and industry, with the median days from creation to a win. */
    private Map<UUID, TrackRecords> trackRecords() {
        Map<UUID, Map<String, List<Double>>> cycles = new HashMap<>();
        Map<UUID, Map<String, int[]>> counts = new HashMap<>();
        dsl.select(OPPORTUNITY.OWNER_ID, CUSTOMER.INDUSTRY, OPPORTUNITY.STAGE, OPPORTUNITY.CREATED_AT,
                        OPPORTUNITY.CLOSED_AT)
                .from(OPPORTUNITY).join(CUSTOMER).on(CUSTOMER.ID.eq(OPPORTUNITY.CUSTOMER_ID))
                .where(OPPORTUNITY.DELETED_AT.isNull(), OPPORTUNITY.STAGE.in("WON", "LOST"))
                .forEach(r -> {
                    String industry = r.value2() == null ? "" : r.value2();
                    int[] c = counts.computeIfAbsent(r.value1(), k -> new HashMap<>())
                            .computeIfAbsent(industry, k -> new int[2]);
                    if ("WON".equals(r.value3())) {
                        c[0]++;
                        // A deal closed before it was created is bad data (a backdated import): no cycle.
                        if (r.value5() != null && r.value5().isAfter(r.value4())) {
                            double days = Duration.between(r.value4(), r.value5()).toHours() / 24.0;
                            cycles.computeIfAbsent(r.value1(), k -> new HashMap<>())
                                    .computeIfAbsent(industry, k -> new ArrayList<>()).add(days);
                        }
                    } else {
                        c[1]++;
                    }
                });
        Map<UUID, TrackRecords> records = new HashMap<>();
        counts.forEach((rep, byIndustry) -> {
            TrackRecords rec = new TrackRecords();
            int won = 0;
            int lost = 0;
            List<Double> all = new ArrayList<>();
            for (var e : byIndustry.entrySet()) {
                List<Double> c = cycles.getOrDefault(rep, Map.of()).getOrDefault(e.getKey(), List.of());
                all.addAll(c);
                won += e.getValue()[0];
                lost += e.getValue()[1];
                if (!e.getKey().isEmpty()) {
                    rec.byIndustry.put(e.getKey(), new TrackRecord(e.getValue()[0], e.getValue()[1], median(c)));
                }
            }
            rec.overall = new TrackRecord(won, lost, median(all));
            records.put(rep, rec);
        });
        return records;
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static final class TrackRecords {
        private final Map<String, TrackRecord> byIndustry = new HashMap<>();
        private TrackRecord overall = TrackRecord.NONE;

        Map<String, TrackRecord> byIndustry() {
            return byIndustry;
        }

        TrackRecord overall() {
            return overall;
        }
    }
}
