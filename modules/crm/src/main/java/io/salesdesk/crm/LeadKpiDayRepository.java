package io.salesdesk.crm;

import static io.salesdesk.db.jooq.Tables.LEAD;
import static io.salesdesk.db.jooq.Tables.LEAD_KPI_DAY;
import static io.salesdesk.db.jooq.Tables.LEAD_KPI_MONTH;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY_STAGE;

import io.salesdesk.db.BusinessDates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Leads per creation day (Asia/Shanghai), owner and exact response minutes, with how many became
 * won deals and the days that took ({@code lead_kpi_day}): the KPI dashboard's response median and
 * P90, lead conversion and lead cycle read a quarter of these instead of the quarter's leads joined
 * to their deals; and the same per month ({@code lead_kpi_month}) for a period's whole months.
 *
 * <p>A write that can change what a lead counts (the lead's insert, update or delete; its deal's
 * stage, close time or delete) takes the {@link Snapshot} of the leads it touches before and after,
 * and {@link #apply} adds the difference. Deltas, not recounts, so concurrent writers add up.
 */
public final class LeadKpiDayRepository {

    /** owner_id of an unassigned lead: the key has no null. */
    public static final UUID NO_OWNER = new UUID(0, 0);

    private final DSLContext dsl;

    private LeadKpiDayRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    public static LeadKpiDayRepository using(Configuration configuration) {
        return new LeadKpiDayRepository(configuration);
    }

    /** What some leads add to the roll-up at one moment: counts per key. */
    public record Snapshot(Map<Key, long[]> counts) {
    }

    /** One row's key; ordered so that concurrent writers lock rows in the same order. */
    public record Key(LocalDate day, UUID owner, boolean responded, int minutes) implements Comparable<Key> {

        @Override
        public int compareTo(Key o) {
            int c = day.compareTo(o.day);
            if (c == 0) {
                c = owner.compareTo(o.owner);
            }
            if (c == 0) {
                c = Boolean.compare(responded, o.responded);
            }
            return c != 0 ? c : Integer.compare(minutes, o.minutes);
        }
    }

    /** What the live leads {@code leadIds} count now. */
    public Snapshot ofLeads(Collection<UUID> leadIds) {
        return leadIds.isEmpty() ? new Snapshot(Map.of()) : snapshot(LEAD.ID.in(leadIds));
    }

    /** What the live leads of the deals {@code opportunityIds} count now. */
    public Snapshot ofDeals(Collection<UUID> opportunityIds) {
        return opportunityIds.isEmpty() ? new Snapshot(Map.of()) : snapshot(LEAD.OPPORTUNITY_ID.in(opportunityIds));
    }

    /** Moves the roll-up from what {@code before} counted to what {@code after} counts. */
    public void apply(Snapshot before, Snapshot after) {
        Map<Key, long[]> deltas = new TreeMap<>();
        after.counts().forEach((k, v) -> add(deltas, k, v, 1));
        before.counts().forEach((k, v) -> add(deltas, k, v, -1));
        deltas.forEach((k, d) -> {
            if (d[0] != 0 || d[1] != 0 || d[2] != 0) {
                upsert(k, d);
            }
        });
    }

    /** Counts every lead again: for leads or deals written past the repositories (a bulk load). */
    public int rebuild() {
        dsl.deleteFrom(LEAD_KPI_MONTH).execute();
        dsl.deleteFrom(LEAD_KPI_DAY).execute();
        Field<LocalDate> day = BusinessDates.of(LEAD.CREATED_AT);
        Field<UUID> owner = owner();
        Field<Boolean> responded = responded();
        Field<Integer> minutes = minutes();
        int days = dsl.insertInto(LEAD_KPI_DAY, LEAD_KPI_DAY.DAY, LEAD_KPI_DAY.OWNER_ID, LEAD_KPI_DAY.RESPONDED,
                        LEAD_KPI_DAY.RESPONSE_MINUTES, LEAD_KPI_DAY.LEADS, LEAD_KPI_DAY.WON, LEAD_KPI_DAY.WON_DAYS)
                .select(DSL.select(day, owner, responded, minutes, DSL.count(), wonSum(), wonDaysSum())
                        .from(leadsWithDeals()).where(LEAD.DELETED_AT.isNull())
                        .groupBy(day, owner, responded, minutes))
                .execute();
        Field<Integer> month = BusinessDates.monthNo(LEAD_KPI_DAY.DAY);
        dsl.insertInto(LEAD_KPI_MONTH, LEAD_KPI_MONTH.MONTH_NO, LEAD_KPI_MONTH.OWNER_ID, LEAD_KPI_MONTH.RESPONDED,
                        LEAD_KPI_MONTH.RESPONSE_MINUTES, LEAD_KPI_MONTH.LEADS, LEAD_KPI_MONTH.WON,
                        LEAD_KPI_MONTH.WON_DAYS)
                .select(DSL.select(month, LEAD_KPI_DAY.OWNER_ID, LEAD_KPI_DAY.RESPONDED, LEAD_KPI_DAY.RESPONSE_MINUTES,
                                DSL.sum(LEAD_KPI_DAY.LEADS).cast(Integer.class),
                                DSL.sum(LEAD_KPI_DAY.WON).cast(Integer.class),
                                DSL.sum(LEAD_KPI_DAY.WON_DAYS).cast(Long.class))
                        .from(LEAD_KPI_DAY)
                        .groupBy(month, LEAD_KPI_DAY.OWNER_ID, LEAD_KPI_DAY.RESPONDED, LEAD_KPI_DAY.RESPONSE_MINUTES))
                .execute();
        return days;
    }

    private Snapshot snapshot(Condition which) {
        Field<LocalDate> day = BusinessDates.of(LEAD.CREATED_AT);
        Field<UUID> owner = owner();
        Field<Boolean> responded = responded();
        Field<Integer> minutes = minutes();
        Field<Integer> won = wonSum();
        Field<Long> wonDays = wonDaysSum();
        Map<Key, long[]> counts = new TreeMap<>();
        dsl.select(day, owner, responded, minutes, DSL.count(), won, wonDays).from(leadsWithDeals())
                .where(which, LEAD.DELETED_AT.isNull())
                .groupBy(day, owner, responded, minutes)
                .forEach(r -> counts.put(new Key(r.value1(), r.value2(), r.value3(), r.value4()),
                        new long[] {r.value5(), r.value6() == null ? 0 : r.value6(),
                                r.value7() == null ? 0 : r.value7()}));
        return new Snapshot(counts);
    }

    private static void add(Map<Key, long[]> deltas, Key k, long[] v, int sign) {
        long[] d = deltas.computeIfAbsent(k, x -> new long[3]);
        for (int i = 0; i < 3; i++) {
            d[i] += sign * v[i];
        }
    }

    private void upsert(Key k, long[] d) {
        dsl.insertInto(LEAD_KPI_DAY).set(LEAD_KPI_DAY.DAY, k.day()).set(LEAD_KPI_DAY.OWNER_ID, k.owner())
                .set(LEAD_KPI_DAY.RESPONDED, k.responded()).set(LEAD_KPI_DAY.RESPONSE_MINUTES, k.minutes())
                .set(LEAD_KPI_DAY.LEADS, (int) d[0]).set(LEAD_KPI_DAY.WON, (int) d[1])
                .set(LEAD_KPI_DAY.WON_DAYS, d[2])
                .onDuplicateKeyUpdate()
                .set(LEAD_KPI_DAY.LEADS, LEAD_KPI_DAY.LEADS.plus((int) d[0]))
                .set(LEAD_KPI_DAY.WON, LEAD_KPI_DAY.WON.plus((int) d[1]))
                .set(LEAD_KPI_DAY.WON_DAYS, LEAD_KPI_DAY.WON_DAYS.plus(d[2]))
                .execute();
        dsl.insertInto(LEAD_KPI_MONTH).set(LEAD_KPI_MONTH.MONTH_NO, BusinessDates.monthNo(k.day()))
                .set(LEAD_KPI_MONTH.OWNER_ID, k.owner()).set(LEAD_KPI_MONTH.RESPONDED, k.responded())
                .set(LEAD_KPI_MONTH.RESPONSE_MINUTES, k.minutes())
                .set(LEAD_KPI_MONTH.LEADS, (int) d[0]).set(LEAD_KPI_MONTH.WON, (int) d[1])
                .set(LEAD_KPI_MONTH.WON_DAYS, d[2])
                .onDuplicateKeyUpdate()
                .set(LEAD_KPI_MONTH.LEADS, LEAD_KPI_MONTH.LEADS.plus((int) d[0]))
                .set(LEAD_KPI_MONTH.WON, LEAD_KPI_MONTH.WON.plus((int) d[1]))
                .set(LEAD_KPI_MONTH.WON_DAYS, LEAD_KPI_MONTH.WON_DAYS.plus(d[2]))
                .execute();
    }

    /** A lead with its deal (when not deleted) and the deal's stage. */
    private static Table<?> leadsWithDeals() {
        return LEAD.leftJoin(OPPORTUNITY).on(OPPORTUNITY.ID.eq(LEAD.OPPORTUNITY_ID), OPPORTUNITY.DELETED_AT.isNull())
                .leftJoin(OPPORTUNITY_STAGE).on(OPPORTUNITY_STAGE.CODE.eq(OPPORTUNITY.STAGE));
    }

    // Inlined constants: both databases match a grouped expression to its select only when both read the same text.
    private static Field<UUID> owner() {
        return DSL.coalesce(LEAD.OWNER_ID, DSL.inline(NO_OWNER));
    }

    private static Field<Boolean> responded() {
        return DSL.field(LEAD.RESPONSE_MINUTES.isNotNull());
    }

    private static Field<Integer> minutes() {
        return DSL.coalesce(LEAD.RESPONSE_MINUTES, DSL.inline(0));
    }

    private static Condition wonDeal() {
        return OPPORTUNITY_STAGE.OUTCOME.eq(DSL.inline("WON")).and(OPPORTUNITY.CLOSED_AT.isNotNull());
    }

    private static Field<Integer> wonSum() {
        return DSL.sum(DSL.when(wonDeal(), DSL.inline(1)).otherwise(DSL.inline(0))).cast(Integer.class);
    }

    private static Field<Long> wonDaysSum() {
        Field<Integer> days = DSL.localDateDiff(BusinessDates.of(OPPORTUNITY.CLOSED_AT), BusinessDates.of(LEAD.CREATED_AT));
        return DSL.coalesce(DSL.sum(DSL.when(wonDeal(), days)), DSL.inline(BigDecimal.ZERO)).cast(Long.class);
    }
}
