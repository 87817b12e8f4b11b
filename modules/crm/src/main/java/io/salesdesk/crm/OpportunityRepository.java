package io.salesdesk.crm;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY_STAGE;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.records.OpportunityRecord;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

/**
 * Opportunities in the database. Every read applies the viewer's {@link Visibility} (by deal
 * owner); every change bumps the version and writes one audit entry.
 */
public final class OpportunityRepository {

    static final String ENTITY = "opportunity";

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private OpportunityRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static OpportunityRepository using(Configuration configuration, Clock clock) {
        return new OpportunityRepository(configuration, clock);
    }

    /** The pipeline's stages in funnel order. */
    public List<OpportunityStage> stages() {
        return dsl.selectFrom(OPPORTUNITY_STAGE).orderBy(OPPORTUNITY_STAGE.SORT_ORDER)
                .fetch(r -> new OpportunityStage(r.getCode(), r.getNameZh(), r.getNameEn(), r.getSortOrder(),
                        r.getProbability(), OpportunityStage.Outcome.valueOf(r.getOutcome()), r.getRequiresAmount(),
                        r.getRequiresCloseDate(), r.getColour()));
    }

    /** The deal if it is live and the viewer may see it. */
    public Optional<Opportunity> find(Actor viewer, UUID id) {
        return select().where(OPPORTUNITY.ID.eq(id), OPPORTUNITY.DELETED_AT.isNull(),
                Visibility.ownedBy(OPPORTUNITY.OWNER_ID, viewer)).fetchOptional(OpportunityRepository::toOpportunity);
    }

    /** The live deal regardless of visibility (a conflict report: where the card really is). */
    public Optional<Opportunity> findAny(UUID id) {
        return select().where(OPPORTUNITY.ID.eq(id), OPPORTUNITY.DELETED_AT.isNull())
                .fetchOptional(OpportunityRepository::toOpportunity);
    }

    /** The customer's live deals the viewer may see, newest first. */
    public List<Opportunity> forCustomer(Actor viewer, UUID customerId) {
        return select().where(OPPORTUNITY.CUSTOMER_ID.eq(customerId), OPPORTUNITY.DELETED_AT.isNull(),
                        Visibility.ownedBy(OPPORTUNITY.OWNER_ID, viewer))
                .orderBy(OPPORTUNITY.CREATED_AT.desc()).fetch(OpportunityRepository::toOpportunity);
    }

    /** One board column: the stage's deals the viewer sees through the filter, in rank order. */
    public List<Opportunity> column(Actor viewer, String stage, OpportunityFilter filter, int limit) {
        return select().where(conditions(viewer, filter), OPPORTUNITY.STAGE.eq(stage))
                .orderBy(OPPORTUNITY.BOARD_RANK, OPPORTUNITY.ID).limit(limit)
                .fetch(OpportunityRepository::toOpportunity);
    }

    /** Count and summed amount per stage, in one query. */
    public Map<String, StageTotal> totals(Actor viewer, OpportunityFilter filter) {
        Map<String, StageTotal> totals = new HashMap<>();
        dsl.select(OPPORTUNITY.STAGE, DSL.count(), DSL.sum(OPPORTUNITY.AMOUNT))
                .from(OPPORTUNITY).join(CUSTOMER).on(CUSTOMER.ID.eq(OPPORTUNITY.CUSTOMER_ID))
                .where(conditions(viewer, filter))
                .groupBy(OPPORTUNITY.STAGE)
                .forEach(r -> totals.put(r.value1(), new StageTotal(r.value2(),
                        r.value3() == null ? BigDecimal.ZERO : r.value3())));
        return totals;
    }

    /** The rank of the top (or bottom) deal of a stage, over every deal: ranks are per column. */
    public Optional<String> edgeRank(String stage, boolean top) {
        return Optional.ofNullable(dsl.select(top ? DSL.min(OPPORTUNITY.BOARD_RANK) : DSL.max(OPPORTUNITY.BOARD_RANK))
                .from(OPPORTUNITY).where(OPPORTUNITY.STAGE.eq(stage), OPPORTUNITY.DELETED_AT.isNull())
                .fetchOne(0, String.class));
    }

    /** The current ranks of these live deals (a drop between two cards reads fresh ranks). */
    public Map<UUID, String> ranks(Collection<UUID> ids) {
        Map<UUID, String> ranks = new HashMap<>();
        if (!ids.isEmpty()) {
            dsl.select(OPPORTUNITY.ID, OPPORTUNITY.BOARD_RANK).from(OPPORTUNITY)
                    .where(OPPORTUNITY.ID.in(ids), OPPORTUNITY.DELETED_AT.isNull())
                    .forEach(r -> ranks.put(r.value1(), r.value2()));
        }
        return ranks;
    }

    /** Ids of a stage's live deals in rank order, over every deal (to spread a crowded column). */
    public List<UUID> idsInRankOrder(String stage) {
        return dsl.select(OPPORTUNITY.ID).from(OPPORTUNITY)
                .where(OPPORTUNITY.STAGE.eq(stage), OPPORTUNITY.DELETED_AT.isNull())
                .orderBy(OPPORTUNITY.BOARD_RANK, OPPORTUNITY.ID).fetch(OPPORTUNITY.ID);
    }

    /** The live deals among {@code ids} the viewer may see (an exported ledger imported back). */
    public List<Opportunity> findLiveByIds(Actor viewer, Collection<UUID> ids) {
        return inChunks(ids, chunk -> select().where(OPPORTUNITY.ID.in(chunk), OPPORTUNITY.DELETED_AT.isNull(),
                Visibility.ownedBy(OPPORTUNITY.OWNER_ID, viewer)).fetch(OpportunityRepository::toOpportunity));
    }

    /** The live deals of these customers the viewer may see (import: deals already on record). */
    public List<Opportunity> findLiveByCustomerIds(Actor viewer, Collection<UUID> customerIds) {
        return inChunks(customerIds, chunk -> select().where(OPPORTUNITY.CUSTOMER_ID.in(chunk),
                OPPORTUNITY.DELETED_AT.isNull(), Visibility.ownedBy(OPPORTUNITY.OWNER_ID, viewer))
                .orderBy(OPPORTUNITY.ID).fetch(OpportunityRepository::toOpportunity));
    }

    /** How many live deals the viewer sees on the customers the viewer sees with this query. */
    public int count(Actor viewer, CustomerQuery query) {
        return dsl.fetchCount(dsl.selectOne().from(OPPORTUNITY).join(CUSTOMER).on(CUSTOMER.ID.eq(OPPORTUNITY.CUSTOMER_ID))
                .where(OPPORTUNITY.DELETED_AT.isNull(), Visibility.ownedBy(OPPORTUNITY.OWNER_ID, viewer),
                        CustomerRepository.conditions(viewer, query)));
    }

    /**
     * The deals the viewer sees on the customers the viewer sees with this query, by customer name,
     * then stage and board order, one at a time as one query reads them (the export).
     */
    public void forEach(Actor viewer, CustomerQuery query, Consumer<Opportunity> action) {
        try (var cursor = select().join(OPPORTUNITY_STAGE).on(OPPORTUNITY_STAGE.CODE.eq(OPPORTUNITY.STAGE))
                .where(OPPORTUNITY.DELETED_AT.isNull(), Visibility.ownedBy(OPPORTUNITY.OWNER_ID, viewer),
                        CustomerRepository.conditions(viewer, query))
                .orderBy(CUSTOMER.NAME, CUSTOMER.ID, OPPORTUNITY_STAGE.SORT_ORDER, OPPORTUNITY.BOARD_RANK, OPPORTUNITY.ID)
                .fetchSize(Rows.FETCH_SIZE).fetchLazy()) {
            cursor.forEach(r -> action.accept(toOpportunity(r)));
        }
    }

    private <T> List<T> inChunks(Collection<UUID> ids, Function<List<UUID>, List<T>> query) {
        List<UUID> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        List<T> found = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += CustomerRepository.LOOKUP_CHUNK) {
            found.addAll(query.apply(distinct.subList(from, Math.min(distinct.size(), from + CustomerRepository.LOOKUP_CHUNK))));
        }
        return found;
    }

    /**
     * A new deal, already validated by the service.
     *
     * @param inStageSince when it entered its stage; null for now (the demo backdates its deals)
     */
    public record NewOpportunity(UUID id, OpportunityDraft draft, int probability, String rank,
                                 OffsetDateTime inStageSince) {
    }

    /** Inserts deals with one audit entry each. */
    public void insertAll(Actor actor, ChangeReason reason, List<NewOpportunity> rows) {
        if (rows.isEmpty()) {
            return;
        }
        OffsetDateTime now = Rows.now(clock);
        List<OpportunityRecord> records = new ArrayList<>(rows.size());
        List<ChangeLog.Pending> audit = new ArrayList<>(rows.size());
        for (NewOpportunity row : rows) {
            OpportunityDraft d = row.draft();
            OpportunityRecord r = dsl.newRecord(OPPORTUNITY);
            r.setId(row.id());
            r.setCustomerId(d.customerId());
            r.setName(d.name());
            r.setOwnerId(d.ownerId());
            r.setStage(d.stage());
            r.setAmount(d.amount());
            r.setExpectedCloseOn(d.expectedCloseOn());
            r.setProbability(row.probability());
            r.setProducts(Rows.blankToNull(d.products()));
            r.setCloseReason(Rows.blankToNull(d.closeReason()));
            r.setStageChangedAt(row.inStageSince() == null ? now : row.inStageSince());
            r.setClosedAt(d.closeReason() == null ? null : r.getStageChangedAt());
            r.setBoardRank(row.rank());
            r.setVersion(1L);
            r.setCreatedAt(now);
            r.setCreatedBy(Rows.userId(actor));
            r.setUpdatedAt(now);
            r.setUpdatedBy(Rows.userId(actor));
            records.add(r);
            audit.add(new ChangeLog.Pending(ENTITY, row.id(), ChangeEntry.Operation.INSERT,
                    FieldChange.diff(Map.of(), snapshot(r))));
        }
        dsl.batchInsert(records).execute();
        // A new deal has no lead yet (a lead links to it later); only a deal made closed can be a first win.
        CustomerFirstWonRepository.using(dsl.configuration()).recount(records.stream()
                .filter(r -> r.getClosedAt() != null).map(OpportunityRecord::getCustomerId).toList());
        changeLog.recordAll(actor, reason, audit);
    }

    /**
     * Writes a change made on {@code expectedVersion}: the deal's fields, its stage and its rank.
     * A stage change stamps when the deal entered the stage, and closing or reopening it sets or
     * clears the close time.
     *
     * @throws StaleRecordException if the deal changed or went away meanwhile
     */
    public Opportunity update(Actor actor, ChangeReason reason, UUID id, long expectedVersion, OpportunityDraft draft,
                              int probability, boolean closes, String rank) {
        OpportunityRecord current = dsl.selectFrom(OPPORTUNITY)
                .where(OPPORTUNITY.ID.eq(id), OPPORTUNITY.DELETED_AT.isNull()).fetchOne();
        if (current == null || current.getVersion() != expectedVersion) {
            throw stale(id, expectedVersion);
        }
        OffsetDateTime now = Rows.now(clock);
        OpportunityRecord changed = current.copy();
        changed.setCustomerId(draft.customerId());
        changed.setName(draft.name());
        changed.setOwnerId(draft.ownerId());
        changed.setAmount(draft.amount());
        changed.setExpectedCloseOn(draft.expectedCloseOn());
        changed.setProbability(probability);
        changed.setProducts(Rows.blankToNull(draft.products()));
        changed.setCloseReason(closes ? Rows.blankToNull(draft.closeReason()) : null);
        if (!draft.stage().equals(current.getStage())) {
            changed.setStage(draft.stage());
            changed.setStageChangedAt(now);
            changed.setClosedAt(closes ? now : null);
        }
        changed.setBoardRank(rank);
        Map<String, FieldChange> changes = FieldChange.diff(snapshot(current), snapshot(changed));
        if (changes.isEmpty()) {
            return findAny(id).orElseThrow();
        }
        // What the KPI roll-ups count of a deal: its stage and close time (its leads' conversion),
        // and for the first wins also its customer and owner.
        boolean outcome = !Objects.equals(current.getStage(), changed.getStage())
                || !Objects.equals(current.getClosedAt(), changed.getClosedAt());
        boolean firstWin = outcome || !Objects.equals(current.getCustomerId(), changed.getCustomerId())
                || !Objects.equals(current.getOwnerId(), changed.getOwnerId());
        LeadKpiDayRepository leadDays = LeadKpiDayRepository.using(dsl.configuration());
        LeadKpiDayRepository.Snapshot before = outcome ? leadDays.ofDeals(List.of(id)) : null;
        int updated = dsl.update(OPPORTUNITY)
                .set(OPPORTUNITY.CUSTOMER_ID, changed.getCustomerId())
                .set(OPPORTUNITY.NAME, changed.getName())
                .set(OPPORTUNITY.OWNER_ID, changed.getOwnerId())
                .set(OPPORTUNITY.STAGE, changed.getStage())
                .set(OPPORTUNITY.AMOUNT, changed.getAmount())
                .set(OPPORTUNITY.EXPECTED_CLOSE_ON, changed.getExpectedCloseOn())
                .set(OPPORTUNITY.PROBABILITY, changed.getProbability())
                .set(OPPORTUNITY.PRODUCTS, changed.getProducts())
                .set(OPPORTUNITY.CLOSE_REASON, changed.getCloseReason())
                .set(OPPORTUNITY.STAGE_CHANGED_AT, changed.getStageChangedAt())
                .set(OPPORTUNITY.CLOSED_AT, changed.getClosedAt())
                .set(OPPORTUNITY.BOARD_RANK, changed.getBoardRank())
                .set(OPPORTUNITY.VERSION, expectedVersion + 1)
                .set(OPPORTUNITY.UPDATED_AT, now)
                .set(OPPORTUNITY.UPDATED_BY, Rows.userId(actor))
                .where(OPPORTUNITY.ID.eq(id), OPPORTUNITY.VERSION.eq(expectedVersion), OPPORTUNITY.DELETED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw stale(id, expectedVersion);
        }
        if (outcome) {
            leadDays.apply(before, leadDays.ofDeals(List.of(id)));
        }
        if (firstWin) {
            CustomerFirstWonRepository.using(dsl.configuration())
                    .recount(new HashSet<>(List.of(current.getCustomerId(), changed.getCustomerId())));
        }
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.UPDATE, changes);
        return findAny(id).orElseThrow();
    }

    /** Soft-deletes a deal changed last at {@code expectedVersion}. */
    public void delete(Actor actor, ChangeReason reason, UUID id, long expectedVersion) {
        OffsetDateTime now = Rows.now(clock);
        LeadKpiDayRepository leadDays = LeadKpiDayRepository.using(dsl.configuration());
        LeadKpiDayRepository.Snapshot before = leadDays.ofDeals(List.of(id));
        int deleted = dsl.update(OPPORTUNITY)
                .set(OPPORTUNITY.DELETED_AT, now)
                .set(OPPORTUNITY.VERSION, expectedVersion + 1)
                .set(OPPORTUNITY.UPDATED_AT, now)
                .set(OPPORTUNITY.UPDATED_BY, Rows.userId(actor))
                .where(OPPORTUNITY.ID.eq(id), OPPORTUNITY.VERSION.eq(expectedVersion), OPPORTUNITY.DELETED_AT.isNull())
                .execute();
        if (deleted == 0) {
            throw stale(id, expectedVersion);
        }
        leadDays.apply(before, leadDays.ofDeals(List.of(id)));
        dsl.select(OPPORTUNITY.CUSTOMER_ID).from(OPPORTUNITY).where(OPPORTUNITY.ID.eq(id)).fetchOptional(OPPORTUNITY.CUSTOMER_ID)
                .ifPresent(c -> CustomerFirstWonRepository.using(dsl.configuration()).recount(List.of(c)));
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.DELETE, Map.of());
    }

    private StaleRecordException stale(UUID id, long expectedVersion) {
        return new StaleRecordException(ENTITY, id, expectedVersion, findAny(id).orElse(null));
    }

    private Condition conditions(Actor viewer, OpportunityFilter filter) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(OPPORTUNITY.DELETED_AT.isNull());
        conditions.add(Visibility.ownedBy(OPPORTUNITY.OWNER_ID, viewer));
        if (filter.ownerIds() != null) {
            conditions.add(OPPORTUNITY.OWNER_ID.in(filter.ownerIds()));
        }
        if (filter.regionPrefix() != null && !filter.regionPrefix().isBlank()) {
            conditions.add(CUSTOMER.REGION_CODE.startsWith(filter.regionPrefix().strip()));
        }
        if (filter.products() != null && !filter.products().isBlank()) {
            conditions.add(OPPORTUNITY.PRODUCTS.containsIgnoreCase(filter.products().strip()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String text = filter.text().strip();
            conditions.add(OPPORTUNITY.NAME.containsIgnoreCase(text).or(CUSTOMER.NAME.containsIgnoreCase(text)));
        }
        if (filter.tier() != null) {
            conditions.add(CUSTOMER.TIER.eq(filter.tier().name()));
        }
        return DSL.and(conditions);
    }

    private SelectOnConditionStep<Record> select() {
        return dsl.select(OPPORTUNITY.fields())
                .select(CUSTOMER.NAME, CUSTOMER.TIER, CUSTOMER.REGION_CODE, APP_USER.DISPLAY_NAME)
                .from(OPPORTUNITY)
                .join(CUSTOMER).on(CUSTOMER.ID.eq(OPPORTUNITY.CUSTOMER_ID))
                .join(APP_USER).on(APP_USER.ID.eq(OPPORTUNITY.OWNER_ID));
    }

    private static Opportunity toOpportunity(Record r) {
        return new Opportunity(r.get(OPPORTUNITY.ID), r.get(OPPORTUNITY.CUSTOMER_ID), r.get(CUSTOMER.NAME),
                Tier.valueOf(r.get(CUSTOMER.TIER)), r.get(CUSTOMER.REGION_CODE), r.get(OPPORTUNITY.NAME),
                r.get(OPPORTUNITY.OWNER_ID), r.get(APP_USER.DISPLAY_NAME), r.get(OPPORTUNITY.STAGE),
                r.get(OPPORTUNITY.AMOUNT), r.get(OPPORTUNITY.EXPECTED_CLOSE_ON), r.get(OPPORTUNITY.PROBABILITY),
                r.get(OPPORTUNITY.PRODUCTS), r.get(OPPORTUNITY.CLOSE_REASON), r.get(OPPORTUNITY.STAGE_CHANGED_AT),
                r.get(OPPORTUNITY.CLOSED_AT), r.get(OPPORTUNITY.BOARD_RANK), r.get(OPPORTUNITY.VERSION),
                r.get(OPPORTUNITY.UPDATED_AT));
    }

    private static Map<String, Object> snapshot(OpportunityRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customerId", r.getCustomerId());
        m.put("name", r.getName());
        m.put("ownerId", r.getOwnerId());
        m.put("stage", r.getStage());
        m.put("amount", r.getAmount());
        m.put("expectedCloseOn", r.getExpectedCloseOn());
        m.put("probability", r.getProbability());
        m.put("products", r.getProducts());
        m.put("closeReason", r.getCloseReason());
        m.put("boardRank", r.getBoardRank());
        return m;
    }
}
