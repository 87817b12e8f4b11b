package io.salesdesk.workflow.approval;

import static io.salesdesk.db.jooq.Tables.APPROVAL_REQUEST;
import static io.salesdesk.db.jooq.Tables.CONTRACT;
import static io.salesdesk.db.jooq.Tables.CONTRACT_KPI_DAY;

import io.salesdesk.db.BusinessDates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record7;
import org.jooq.SelectHavingStep;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Signed contracts per signing day and owner ({@code contract_kpi_day}): count, amount and the
 * cycle submit → signed, so the KPI dashboard's signed amount, contract cycle and monthly bars read
 * a quarter of these instead of the quarter's contracts and each one's first approval request.
 *
 * <p>Here, not in commerce, because two modules write what it counts: commerce's contracts (status,
 * signing day, amount, owner) and this module's approval requests (a contract's submission). Each
 * such write takes the {@link Snapshot} of its contracts before and after, and {@link #apply} adds
 * the difference (deltas, so concurrent writers add up).
 */
public final class ContractKpiDayRepository {

    /** approval_request.entity of a contract's requests. */
    public static final String ENTITY = "contract";
    /** The statuses of a signed contract, as the KPIs count them. */
    public static final List<String> SIGNED_STATUSES = List.of("SIGNED", "EXECUTING", "CLOSED");

    private final DSLContext dsl;

    private ContractKpiDayRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    public static ContractKpiDayRepository using(Configuration configuration) {
        return new ContractKpiDayRepository(configuration);
    }

    /** What some contracts add to the roll-up: per (day, owner) contracts, amount, Σ cycle, cycled, excluded. */
    public record Snapshot(Map<Key, BigDecimal[]> counts) {

        public static final Snapshot EMPTY = new Snapshot(Map.of());
    }

    /** One row's key; ordered so that concurrent writers lock rows in the same order. */
    public record Key(LocalDate day, UUID owner) implements Comparable<Key> {

        @Override
        public int compareTo(Key o) {
            int c = day.compareTo(o.day);
            return c != 0 ? c : owner.compareTo(o.owner);
        }
    }

    /** What the contracts {@code contractIds} count now (only the signed, live ones count). */
    public Snapshot of(Collection<UUID> contractIds) {
        if (contractIds.isEmpty()) {
            return Snapshot.EMPTY;
        }
        Map<Key, BigDecimal[]> counts = new TreeMap<>();
        totals(CONTRACT.ID.in(contractIds)).forEach(r -> counts.put(new Key(r.value1(), r.value2()), new BigDecimal[] {
                BigDecimal.valueOf(r.value3()), r.value4(), BigDecimal.valueOf(r.value5()), BigDecimal.valueOf(r.value6()),
                BigDecimal.valueOf(r.value7())}));
        return new Snapshot(counts);
    }

    /** Moves the roll-up from what {@code before} counted to what {@code after} counts. */
    public void apply(Snapshot before, Snapshot after) {
        Map<Key, BigDecimal[]> deltas = new TreeMap<>();
        after.counts().forEach((k, v) -> add(deltas, k, v, BigDecimal.ONE));
        before.counts().forEach((k, v) -> add(deltas, k, v, BigDecimal.ONE.negate()));
        deltas.forEach((k, d) -> {
            for (BigDecimal x : d) {
                if (x.signum() != 0) {
                    upsert(k, d);
                    return;
                }
            }
        });
    }

    /** Counts every contract again: for contracts or requests written past the repositories. */
    public int rebuild() {
        dsl.deleteFrom(CONTRACT_KPI_DAY).execute();
        return dsl.insertInto(CONTRACT_KPI_DAY, CONTRACT_KPI_DAY.DAY, CONTRACT_KPI_DAY.OWNER_ID,
                        CONTRACT_KPI_DAY.CONTRACTS, CONTRACT_KPI_DAY.AMOUNT, CONTRACT_KPI_DAY.CYCLE_DAYS,
                        CONTRACT_KPI_DAY.CYCLED, CONTRACT_KPI_DAY.EXCLUDED)
                .select(totals(DSL.noCondition()))
                .execute();
    }

    /** Per signing day and owner, the signed live contracts matching {@code which}. */
    private SelectHavingStep<Record7<LocalDate, UUID, Integer, BigDecimal, Long, Integer, Integer>> totals(
            Condition which) {
        Field<Integer> days = cycleDays().as("cycle_days");
        Table<?> signed = DSL.select(CONTRACT.SIGNED_ON, CONTRACT.OWNER_ID, CONTRACT.AMOUNT, days).from(CONTRACT)
                .where(which, CONTRACT.DELETED_AT.isNull(), CONTRACT.STATUS.in(SIGNED_STATUSES),
                        CONTRACT.SIGNED_ON.isNotNull())
                .asTable("signed");
        Field<LocalDate> day = signed.field(CONTRACT.SIGNED_ON);
        Field<UUID> owner = signed.field(CONTRACT.OWNER_ID);
        Field<Integer> d = signed.field(days);
        return dsl.select(day, owner, DSL.count(), DSL.sum(signed.field(CONTRACT.AMOUNT)),
                        DSL.coalesce(DSL.sum(DSL.when(d.ge(0), d)), DSL.inline(BigDecimal.ZERO)).cast(Long.class),
                        DSL.count(DSL.when(d.ge(0), d)), DSL.count(DSL.when(d.lt(0), d)))
                .from(signed).groupBy(day, owner);
    }

    /**
     * Days from submission to signing: the contract's first approval request, or its creation when
     * it never went through a flow, to contract.signed_on.
     */
    private static Field<Integer> cycleDays() {
        Field<OffsetDateTime> submitted = DSL.field(DSL.select(DSL.min(APPROVAL_REQUEST.SUBMITTED_AT))
                .from(APPROVAL_REQUEST)
                .where(APPROVAL_REQUEST.ENTITY.eq(ENTITY), APPROVAL_REQUEST.RECORD_ID.eq(CONTRACT.ID)));
        return DSL.localDateDiff(CONTRACT.SIGNED_ON, BusinessDates.of(DSL.coalesce(submitted, CONTRACT.CREATED_AT)));
    }

    private static void add(Map<Key, BigDecimal[]> deltas, Key k, BigDecimal[] v, BigDecimal sign) {
        BigDecimal[] d = deltas.computeIfAbsent(k, x -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        for (int i = 0; i < d.length; i++) {
            d[i] = d[i].add(v[i].multiply(sign));
        }
    }

    private void upsert(Key k, BigDecimal[] d) {
        int contracts = d[0].intValueExact();
        long cycleDays = d[2].longValueExact();
        int cycled = d[3].intValueExact();
        int excluded = d[4].intValueExact();
        dsl.insertInto(CONTRACT_KPI_DAY).set(CONTRACT_KPI_DAY.DAY, k.day()).set(CONTRACT_KPI_DAY.OWNER_ID, k.owner())
                .set(CONTRACT_KPI_DAY.CONTRACTS, contracts).set(CONTRACT_KPI_DAY.AMOUNT, d[1])
                .set(CONTRACT_KPI_DAY.CYCLE_DAYS, cycleDays).set(CONTRACT_KPI_DAY.CYCLED, cycled)
                .set(CONTRACT_KPI_DAY.EXCLUDED, excluded)
                .onDuplicateKeyUpdate()
                .set(CONTRACT_KPI_DAY.CONTRACTS, CONTRACT_KPI_DAY.CONTRACTS.plus(contracts))
                .set(CONTRACT_KPI_DAY.AMOUNT, CONTRACT_KPI_DAY.AMOUNT.plus(d[1]))
                .set(CONTRACT_KPI_DAY.CYCLE_DAYS, CONTRACT_KPI_DAY.CYCLE_DAYS.plus(cycleDays))
                .set(CONTRACT_KPI_DAY.CYCLED, CONTRACT_KPI_DAY.CYCLED.plus(cycled))
                .set(CONTRACT_KPI_DAY.EXCLUDED, CONTRACT_KPI_DAY.EXCLUDED.plus(excluded))
                .execute();
    }
}
