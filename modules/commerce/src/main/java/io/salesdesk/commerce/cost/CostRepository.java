package io.salesdesk.commerce.cost;

import static io.salesdesk.db.jooq.Tables.COST_ENTRY;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.CUSTOMER_FIRST_WON;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;

import io.salesdesk.core.Actor;
import io.salesdesk.crm.Visibility;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.CustomerFirstWon;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.CaseConditionStep;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Cost entries in the database, their totals per kind, and the customer acquisition cost: each
 * report one aggregate query over the customers won in the period and their acquisition costs.
 */
public final class CostRepository {

    static final String ENTITY = "cost_entry";
    private static final List<String> ACQUIRING = List.of(CostKind.ACQUISITION.name(), CostKind.PRESALES.name());

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private CostRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static CostRepository using(Configuration configuration, Clock clock) {
        return new CostRepository(configuration, clock);
    }

    /** The customer of a live deal. */
    public Optional<UUID> customerOfOpportunity(UUID opportunityId) {
        return dsl.select(OPPORTUNITY.CUSTOMER_ID).from(OPPORTUNITY)
                .where(OPPORTUNITY.ID.eq(opportunityId), OPPORTUNITY.DELETED_AT.isNull())
                .fetchOptional(OPPORTUNITY.CUSTOMER_ID);
    }

    /** Inserts checked cost entries with one audit entry each. */
    public void insertAll(Actor actor, ChangeReason reason, List<CostEntry> entries) {
        OffsetDateTime now = Rows.now(clock);
        List<ChangeLog.Pending> audit = new ArrayList<>(entries.size());
        var insert = dsl.batch(dsl.insertInto(COST_ENTRY, COST_ENTRY.ID, COST_ENTRY.KIND, COST_ENTRY.SUBKIND,
                COST_ENTRY.OPPORTUNITY_ID, COST_ENTRY.CUSTOMER_ID, COST_ENTRY.CHANNEL, COST_ENTRY.AMOUNT,
                COST_ENTRY.HOURS, COST_ENTRY.HOURLY_RATE, COST_ENTRY.INCURRED_ON, COST_ENTRY.BASIS, COST_ENTRY.NOTE,
                COST_ENTRY.VERSION, COST_ENTRY.CREATED_AT, COST_ENTRY.CREATED_BY, COST_ENTRY.UPDATED_AT,
                COST_ENTRY.UPDATED_BY).values((UUID) null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null));
        for (CostEntry e : entries) {
            insert.bind(e.id(), e.kind().name(), e.subkind() == null ? null : e.subkind().name(), e.opportunityId(),
                    e.customerId(), e.channel(), e.amount(), e.hours(), e.hourlyRate(), e.incurredOn(),
                    e.basis().name(), e.note(), 1L, now, Rows.userId(actor), now, Rows.userId(actor));
            audit.add(new ChangeLog.Pending(ENTITY, e.id(), ChangeEntry.Operation.INSERT,
                    FieldChange.diff(Map.of(), snapshot(e))));
        }
        if (!entries.isEmpty()) {
            insert.execute();
            changeLog.recordAll(actor, reason, audit);
        }
    }

    /** A live entry. */
    public Optional<CostEntry> find(UUID id) {
        return dsl.selectFrom(COST_ENTRY).where(COST_ENTRY.ID.eq(id), COST_ENTRY.DELETED_AT.isNull())
                .fetchOptional(CostRepository::toEntry);
    }

    /** Soft-deletes an entry last changed at {@code expectedVersion}. */
    public void delete(Actor actor, ChangeReason reason, UUID id, long expectedVersion) {
        OffsetDateTime now = Rows.now(clock);
        int deleted = dsl.update(COST_ENTRY).set(COST_ENTRY.DELETED_AT, now)
                .set(COST_ENTRY.VERSION, expectedVersion + 1).set(COST_ENTRY.UPDATED_AT, now)
                .set(COST_ENTRY.UPDATED_BY, Rows.userId(actor))
                .where(COST_ENTRY.ID.eq(id), COST_ENTRY.VERSION.eq(expectedVersion), COST_ENTRY.DELETED_AT.isNull())
                .execute();
        if (deleted == 0) {
            throw new StaleRecordException(ENTITY, id, expectedVersion, find(id).orElse(null));
        }
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.DELETE, Map.of());
    }

    /** Live entries of a deal, or of a customer (directly or through its deals), newest first. */
    public List<CostEntry> list(UUID opportunityId, UUID customerId) {
        Condition of = opportunityId != null ? COST_ENTRY.OPPORTUNITY_ID.eq(opportunityId)
                : COST_ENTRY.CUSTOMER_ID.eq(customerId);
        return dsl.selectFrom(COST_ENTRY).where(of, COST_ENTRY.DELETED_AT.isNull())
                .orderBy(COST_ENTRY.INCURRED_ON.desc(), COST_ENTRY.ID).fetch(CostRepository::toEntry);
    }

    /** Totals per kind and basis of a deal or a customer, one grouped query. */
    public CostTotals totals(UUID opportunityId, UUID customerId) {
        Condition of = opportunityId != null ? COST_ENTRY.OPPORTUNITY_ID.eq(opportunityId)
                : COST_ENTRY.CUSTOMER_ID.eq(customerId);
        Map<CostKind, BigDecimal> byKind = new EnumMap<>(CostKind.class);
        for (CostKind k : CostKind.values()) {
            byKind.put(k, BigDecimal.ZERO.setScale(2));
        }
        BigDecimal measured = BigDecimal.ZERO.setScale(2);
        BigDecimal allocated = BigDecimal.ZERO.setScale(2);
        for (var r : dsl.select(COST_ENTRY.KIND, COST_ENTRY.BASIS, DSL.sum(COST_ENTRY.AMOUNT)).from(COST_ENTRY)
                .where(of, COST_ENTRY.DELETED_AT.isNull()).groupBy(COST_ENTRY.KIND, COST_ENTRY.BASIS).fetch()) {
            BigDecimal sum = r.value3().setScale(2);
            byKind.merge(CostKind.valueOf(r.value1()), sum, BigDecimal::add);
            if (CostBasis.valueOf(r.value2()) == CostBasis.MEASURED) {
                measured = measured.add(sum);
            } else {
                allocated = allocated.add(sum);
            }
        }
        return new CostTotals(byKind, measured, allocated);
    }

    // ------------------------------------------------------------------ CAC

    /** Whose won deals count: everyone's (null), until {@link #seenBy} narrows them to a viewer's team. */
    private Actor viewer;

    /**
     * Narrows the CAC queries to the deals the viewer sees: a regional manager's CAC is that of
     * the customers their team won, not the company's.
     */
    public CostRepository seenBy(Actor viewer) {
        this.viewer = viewer;
        return this;
    }

    private Condition seen(Field<UUID> owner) {
        return viewer == null ? DSL.trueCondition() : Visibility.ownedBy(owner, viewer);
    }

    /**
     * The customers whose first won deal closed in [{@code from}, {@code to}): customer id and
     * when it was won. From customer_first_won (each owner's first win with each customer, kept by
     * crm's OpportunityRepository): the rows of the period of an owner the viewer sees, unless such
     * an owner won the customer earlier. The period's rows come through the won_at index; no
     * grouping of every won deal.
     */
    private Table<?> won(OffsetDateTime from, OffsetDateTime to) {
        CustomerFirstWon w = CUSTOMER_FIRST_WON.as("fw");
        CustomerFirstWon earlier = CUSTOMER_FIRST_WON.as("fw_earlier");
        Field<OffsetDateTime> wonAt = DSL.min(w.WON_AT).as("won_at");
        return DSL.select(w.CUSTOMER_ID.as("customer_id"), wonAt)
                .from(w)
                .where(w.WON_AT.ge(from), w.WON_AT.lt(to), seen(w.OWNER_ID))
                .andNotExists(DSL.selectOne().from(earlier).where(earlier.CUSTOMER_ID.eq(w.CUSTOMER_ID),
                        earlier.WON_AT.lt(from), seen(earlier.OWNER_ID)))
                .groupBy(w.CUSTOMER_ID)
                .asTable("won");
    }

    private static final Field<UUID> WON_CUSTOMER = DSL.field(DSL.name("won", "customer_id"), SQLDataType.UUID);
    private static final Field<OffsetDateTime> WON_AT =
            DSL.field(DSL.name("won", "won_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    /** The acquisition costs of a won customer, incurred up to {@code lastDay}. */
    private static Condition costOf(Field<UUID> customer, Field<LocalDate> lastDay) {
        return COST_ENTRY.CUSTOMER_ID.eq(customer).and(COST_ENTRY.KIND.in(ACQUIRING))
                .and(COST_ENTRY.DELETED_AT.isNull()).and(COST_ENTRY.INCURRED_ON.le(lastDay));
    }

    private static Field<BigDecimal> sumOf(CostBasis basis) {
        Field<BigDecimal> amount = basis == null ? COST_ENTRY.AMOUNT
                : DSL.when(COST_ENTRY.BASIS.eq(basis.name()), COST_ENTRY.AMOUNT).otherwise(BigDecimal.ZERO);
        return DSL.coalesce(DSL.sum(amount), BigDecimal.ZERO);
    }

    /**
     * The customers won in the period that cost most to win, most costly first (then by id), at
     * most {@code limit}; each with its acquisition cost measured and allocated.
     *
     * <p>The costs are summed per customer before the join (one grouping of the cost entries, not
     * of the joined rows), the ranking needs no name, and names are read for the rows returned
     * only: sorting every won customer by name was most of the time on both databases.
     */
    public List<CustomerCac> cacByCustomer(OffsetDateTime from, OffsetDateTime to, LocalDate lastDay, int limit) {
        Table<?> costs = DSL.select(COST_ENTRY.CUSTOMER_ID.as("customer_id"), sumOf(null).as("total"),
                        sumOf(CostBasis.MEASURED).as("measured"), sumOf(CostBasis.ALLOCATED).as("allocated"))
                .from(COST_ENTRY)
                .where(COST_ENTRY.KIND.in(ACQUIRING), COST_ENTRY.DELETED_AT.isNull(), COST_ENTRY.INCURRED_ON.le(lastDay))
                .groupBy(COST_ENTRY.CUSTOMER_ID).asTable("costs");
        Field<UUID> costCustomer = costs.field("customer_id", UUID.class);
        Field<BigDecimal> total = DSL.coalesce(costs.field("total", BigDecimal.class), BigDecimal.ZERO).as("total");
        Field<BigDecimal> measured = DSL.coalesce(costs.field("measured", BigDecimal.class), BigDecimal.ZERO)
                .as("measured");
        Field<BigDecimal> allocated = DSL.coalesce(costs.field("allocated", BigDecimal.class), BigDecimal.ZERO)
                .as("allocated");
        Table<?> ranked = DSL.select(WON_CUSTOMER.as("customer_id"), WON_AT.as("won_at"), total, measured, allocated)
                .from(won(from, to)).leftJoin(costs).on(costCustomer.eq(WON_CUSTOMER))
                .orderBy(total.desc(), WON_CUSTOMER).limit(limit).asTable("ranked");
        Field<UUID> id = ranked.field("customer_id", UUID.class);
        Field<OffsetDateTime> wonAt = ranked.field("won_at", OffsetDateTime.class);
        Field<BigDecimal> rankedTotal = ranked.field("total", BigDecimal.class);
        return dsl.select(id, CUSTOMER.NAME, wonAt, rankedTotal, ranked.field("measured", BigDecimal.class),
                        ranked.field("allocated", BigDecimal.class))
                .from(ranked).join(CUSTOMER).on(CUSTOMER.ID.eq(id))
                .orderBy(rankedTotal.desc(), id)
                .fetch(r -> new CustomerCac(r.value1(), r.value2(), r.value3(), money(r.value4()), money(r.value5()),
                        money(r.value6())));
    }

    /**
     * CAC per period: the periods are consecutive, [starts(i), starts(i+1)) in time with the first
     * and last days given; one query, the period a CASE over when the customer was won.
     */
    public List<Cac> cacByPeriod(List<OffsetDateTime> starts, List<LocalDate> firstDays, List<LocalDate> lastDays) {
        int periods = lastDays.size();
        CaseConditionStep<Integer> index = DSL.when(WON_AT.lt(starts.get(1)), DSL.inline(0));
        CaseConditionStep<LocalDate> lastDay = DSL.when(WON_AT.lt(starts.get(1)), DSL.val(lastDays.get(0)));
        for (int i = 1; i < periods; i++) {
            index = index.when(WON_AT.lt(starts.get(i + 1)), DSL.inline(i));
            lastDay = lastDay.when(WON_AT.lt(starts.get(i + 1)), DSL.val(lastDays.get(i)));
        }
        // The period is worked out in a derived table, so the outer query groups by a plain column.
        Table<?> inPeriod = DSL.select(WON_CUSTOMER.as("customer_id"), index.as("period"), lastDay.as("last_day"))
                .from(won(starts.get(0), starts.get(periods))).asTable("wp");
        Field<UUID> customer = DSL.field(DSL.name("wp", "customer_id"), SQLDataType.UUID);
        Field<Integer> period = DSL.field(DSL.name("wp", "period"), SQLDataType.INTEGER);
        Field<LocalDate> periodEnd = DSL.field(DSL.name("wp", "last_day"), SQLDataType.LOCALDATE);
        Map<Integer, Cac> found = new LinkedHashMap<>();
        dsl.select(period, DSL.countDistinct(customer), sumOf(null), sumOf(CostBasis.MEASURED),
                        sumOf(CostBasis.ALLOCATED))
                .from(inPeriod)
                .leftJoin(COST_ENTRY).on(costOf(customer, periodEnd))
                .groupBy(period)
                .forEach(r -> found.put(r.value1(), new Cac(null, firstDays.get(r.value1()), lastDays.get(r.value1()),
                        r.value2(), money(r.value3()), money(r.value4()), money(r.value5()))));
        List<Cac> all = new ArrayList<>(periods);
        for (int i = 0; i < periods; i++) {
            all.add(found.getOrDefault(i, new Cac(null, firstDays.get(i), lastDays.get(i), 0, money(null), money(null),
                    money(null))));
        }
        return all;
    }

    /**
     * CAC per channel: for each channel, the won customers with acquisition cost in it and that
     * cost; one grouped query. A customer reached through two channels counts in both.
     */
    public List<Cac> cacByChannel(OffsetDateTime from, OffsetDateTime to, LocalDate firstDay, LocalDate lastDay) {
        return dsl.select(COST_ENTRY.CHANNEL, DSL.countDistinct(WON_CUSTOMER), sumOf(null), sumOf(CostBasis.MEASURED),
                        sumOf(CostBasis.ALLOCATED))
                .from(won(from, to))
                .join(COST_ENTRY).on(costOf(WON_CUSTOMER, DSL.val(lastDay)))
                .groupBy(COST_ENTRY.CHANNEL).orderBy(COST_ENTRY.CHANNEL.nullsLast())
                .fetch(r -> new Cac(r.value1(), firstDay, lastDay, r.value2(), money(r.value3()), money(r.value4()),
                        money(r.value5())));
    }

    private static BigDecimal money(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2);
    }

    private static CostEntry toEntry(io.salesdesk.db.jooq.tables.records.CostEntryRecord r) {
        return new CostEntry(r.getId(), CostKind.valueOf(r.getKind()),
                r.getSubkind() == null ? null : CostSubkind.valueOf(r.getSubkind()), r.getOpportunityId(),
                r.getCustomerId(), r.getChannel(), r.getAmount(), r.getHours(), r.getHourlyRate(), r.getIncurredOn(),
                CostBasis.valueOf(r.getBasis()), r.getNote(), r.getVersion());
    }

    private static Map<String, Object> snapshot(CostEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", e.kind());
        m.put("subkind", e.subkind());
        m.put("opportunityId", e.opportunityId());
        m.put("customerId", e.customerId());
        m.put("channel", e.channel());
        m.put("amount", e.amount());
        m.put("hours", e.hours());
        m.put("hourlyRate", e.hourlyRate());
        m.put("incurredOn", e.incurredOn());
        m.put("basis", e.basis());
        m.put("note", e.note());
        return m;
    }
}
