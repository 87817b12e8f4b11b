package io.salesdesk.insight.funnel;

import static io.salesdesk.db.jooq.Tables.ACTIVITY;
import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.CHANGE_LOG;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.FUNNEL_OUTCOME;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY_STAGE;

import io.salesdesk.crm.ActivityKind;
import io.salesdesk.db.jooq.tables.Activity;
import io.salesdesk.db.jooq.tables.Opportunity;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Measures funnel nodes on deals in SQL: for each deal a funnel applies to, when it reached a
 * stage (from its stage moves in the change log, or its current stage), its customer's matching
 * activities, and the customer's questions with the first reply to each. Only live deals still
 * open or closed within {@link #CLOSED_WITHIN_DAYS} days are measured.
 */
public final class FunnelFactsRepository {

    static final int CLOSED_WITHIN_DAYS = 90;

    private final DSLContext dsl;

    private FunnelFactsRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    public static FunnelFactsRepository using(Configuration configuration) {
        return new FunnelFactsRepository(configuration);
    }

    /** The facts of every deal the funnel applies to, for one node. */
    public List<DealFacts> facts(Funnel funnel, Measure measure, OffsetDateTime now) {
        return facts(funnel, new FunnelNode(null, 0, "", measure), now, null);
    }

    /**
     * The facts of the deals the funnel applies to whose outcome on the node may differ from the
     * one stored: with {@code since} null every deal; else the deals not evaluated on the node yet,
     * those whose deal, customer or customer's activities changed since then, and those whose
     * outcome moves with the clock alone (see {@link #timeSensitive}).
     */
    public List<DealFacts> facts(Funnel funnel, FunnelNode node, OffsetDateTime now, OffsetDateTime since) {
        Measure measure = node.measure();
        Opportunity o = OPPORTUNITY.as("o");
        Condition which = since == null ? applies(o, funnel, now)
                : applies(o, funnel, now).and(mayHaveChanged(o, node, since, now));
        String stage = stageOf(measure);
        Field<OffsetDateTime> reached = stage == null ? DSL.inline((OffsetDateTime) null) : reachedAt(o, stage);
        Field<OffsetDateTime> reachedF = reached.as("reached");
        Table<?> deals = dsl.select(o.ID, o.NAME, o.OWNER_ID, o.CUSTOMER_ID, o.CREATED_AT, APP_USER.MANAGER_ID,
                        reachedF)
                .from(o).join(CUSTOMER).on(CUSTOMER.ID.eq(o.CUSTOMER_ID))
                .join(APP_USER).on(APP_USER.ID.eq(o.OWNER_ID))
                .where(which).asTable("d");
        Field<UUID> id = deals.field(o.ID);
        Field<UUID> customer = deals.field(o.CUSTOMER_ID);
        Field<OffsetDateTime> opened = deals.field(o.CREATED_AT);
        Field<OffsetDateTime> dReached = deals.field(reachedF);

        if (measure instanceof Measure.ReplyWithin w) {
            return replies(deals, id, customer, opened, w);
        }
        Activity a = ACTIVITY.as("a");
        Condition match = a.CUSTOMER_ID.eq(customer).and(a.DELETED_AT.isNull())
                .and(matches(a, kindOf(measure), keywordOf(measure)));
        Field<OffsetDateTime> firstMatch = DSL.inline((OffsetDateTime) null);
        Field<Integer> count = DSL.inline(0);
        if (measure instanceof Measure.ActivityBeforeStage) {
            firstMatch = DSL.field(DSL.select(DSL.min(a.OCCURRED_AT)).from(a)
                    .where(match, a.OCCURRED_AT.ge(opened)));
        } else if (measure instanceof Measure.ActivityCount c) {
            Field<OffsetDateTime> start = c.fromStage() == null ? opened : dReached;
            count = DSL.field(DSL.selectCount().from(a)
                    .where(match, a.OCCURRED_AT.ge(start), a.OCCURRED_AT.lt(start.plus(c.days()))));
        }
        return dsl.select(deals.fields()).select(firstMatch.as("first_match"), count.as("match_count"))
                .from(deals).orderBy(id)
                .fetch(r -> new DealFacts(r.get(id), r.get(deals.field(o.NAME)), r.get(deals.field(o.OWNER_ID)),
                        r.get(deals.field(APP_USER.MANAGER_ID)), r.get(opened), r.get(dReached),
                        r.get("first_match", OffsetDateTime.class), r.get("match_count", Integer.class), List.of()));
    }

    /** Each question of a deal's customer since the deal opened with its first reply, grouped per deal. */
    private List<DealFacts> replies(Table<?> deals, Field<UUID> id, Field<UUID> customer, Field<OffsetDateTime> opened,
                                    Measure.ReplyWithin w) {
        Activity q = ACTIVITY.as("q");
        Activity r = ACTIVITY.as("r");
        Opportunity o = OPPORTUNITY.as("o");
        Field<OffsetDateTime> replied = DSL.min(r.OCCURRED_AT).as("replied");
        List<Field<?>> group = new ArrayList<>(List.of(deals.fields()));
        group.add(q.ID);
        group.add(q.OCCURRED_AT);
        Map<UUID, DealFacts> byDeal = new LinkedHashMap<>();
        Map<UUID, List<DealFacts.Question>> questions = new LinkedHashMap<>();
        dsl.select(deals.fields()).select(q.OCCURRED_AT, replied)
                .from(deals)
                .join(q).on(q.CUSTOMER_ID.eq(customer), q.DELETED_AT.isNull(), q.OCCURRED_AT.ge(opened),
                        matches(q, w.activityKind(), w.keyword()))
                .leftJoin(r).on(r.CUSTOMER_ID.eq(q.CUSTOMER_ID), r.DELETED_AT.isNull(),
                        r.OCCURRED_AT.gt(q.OCCURRED_AT), DSL.not(matches(r, w.activityKind(), w.keyword())))
                .groupBy(group).orderBy(id, q.OCCURRED_AT)
                .forEach(rec -> {
                    UUID deal = rec.get(id);
                    byDeal.computeIfAbsent(deal, k -> new DealFacts(deal, rec.get(deals.field(o.NAME)),
                            rec.get(deals.field(o.OWNER_ID)), rec.get(deals.field(APP_USER.MANAGER_ID)),
                            rec.get(opened), null, null, 0, List.of()));
                    questions.computeIfAbsent(deal, k -> new ArrayList<>())
                            .add(new DealFacts.Question(rec.get(q.OCCURRED_AT), rec.get(replied)));
                });
        return byDeal.values().stream().map(f -> new DealFacts(f.opportunityId(), f.opportunityName(), f.ownerId(),
                f.managerId(), f.openedAt(), null, null, 0, questions.get(f.opportunityId()))).toList();
    }

    private static Condition mayHaveChanged(Opportunity o, FunnelNode node, OffsetDateTime since, OffsetDateTime now) {
        Activity changed = ACTIVITY.as("changed");
        Condition evaluated = DSL.exists(DSL.selectOne().from(FUNNEL_OUTCOME)
                .where(FUNNEL_OUTCOME.NODE_ID.eq(node.id()), FUNNEL_OUTCOME.OPPORTUNITY_ID.eq(o.ID)));
        return DSL.not(evaluated)
                .or(o.UPDATED_AT.gt(since))
                .or(CUSTOMER.UPDATED_AT.gt(since))
                .or(o.CUSTOMER_ID.in(DSL.select(changed.CUSTOMER_ID).from(changed).where(changed.UPDATED_AT.gt(since))))
                .or(timeSensitive(o, node, now));
    }

    /**
     * Deals whose outcome on the node changes as time passes without any record changing: a count
     * window that has closed since (pending, its start, the evidence, a window's length ago), a
     * stage not reached yet (its days grow, its deadline passes), a customer question not answered
     * yet (its wait grows). Material before a stage, and a window not started, depend on records only.
     */
    private static Condition timeSensitive(Opportunity o, FunnelNode node, OffsetDateTime now) {
        Measure m = node.measure();
        Condition outcome = FUNNEL_OUTCOME.NODE_ID.eq(node.id()).and(FUNNEL_OUTCOME.OPPORTUNITY_ID.eq(o.ID));
        if (m instanceof Measure.ActivityCount c) {
            return DSL.exists(DSL.selectOne().from(FUNNEL_OUTCOME)
                    .where(outcome, FUNNEL_OUTCOME.STATUS.eq(NodeStatus.PENDING.name()),
                            FUNNEL_OUTCOME.EVIDENCE_AT.le(now.minusDays(c.days()))));
        }
        if (m instanceof Measure.StageWithin) {
            return DSL.exists(DSL.selectOne().from(FUNNEL_OUTCOME).where(outcome,
                    FUNNEL_OUTCOME.STATUS.eq(NodeStatus.PENDING.name()).or(FUNNEL_OUTCOME.EVIDENCE_AT.isNull())));
        }
        if (m instanceof Measure.ReplyWithin w) {
            Activity q = ACTIVITY.as("open_q");
            Activity r = ACTIVITY.as("open_r");
            return DSL.exists(DSL.selectOne().from(q).where(q.CUSTOMER_ID.eq(o.CUSTOMER_ID), q.DELETED_AT.isNull(),
                    q.OCCURRED_AT.ge(o.CREATED_AT), matches(q, w.activityKind(), w.keyword()),
                    DSL.notExists(DSL.selectOne().from(r).where(r.CUSTOMER_ID.eq(q.CUSTOMER_ID), r.DELETED_AT.isNull(),
                            r.OCCURRED_AT.gt(q.OCCURRED_AT), DSL.not(matches(r, w.activityKind(), w.keyword()))))));
        }
        return DSL.falseCondition();
    }

    /** Live deals of live customers the funnel applies to, open or closed recently. */
    private static Condition applies(Opportunity o, Funnel funnel, OffsetDateTime now) {
        Condition c = o.DELETED_AT.isNull().and(CUSTOMER.DELETED_AT.isNull())
                .and(o.CLOSED_AT.isNull().or(o.CLOSED_AT.ge(now.minusDays(CLOSED_WITHIN_DAYS))));
        if (funnel.productFilter() != null && !funnel.productFilter().isBlank()) {
            c = c.and(o.PRODUCTS.contains(funnel.productFilter().strip()));
        }
        return c;
    }

    /**
     * When the deal first entered {@code stage} or a later stage that is not a loss: the earliest such
     * move in the change log, or its entry into its current stage when that qualifies, whichever is
     * earlier (deals made by an import or the demo carry their backdated stage entry only).
     */
    private Field<OffsetDateTime> reachedAt(Opportunity o, String stage) {
        Integer order = dsl.select(OPPORTUNITY_STAGE.SORT_ORDER).from(OPPORTUNITY_STAGE)
                .where(OPPORTUNITY_STAGE.CODE.eq(stage)).fetchOne(OPPORTUNITY_STAGE.SORT_ORDER);
        List<String> codes = order == null ? List.of() : dsl.select(OPPORTUNITY_STAGE.CODE).from(OPPORTUNITY_STAGE)
                .where(OPPORTUNITY_STAGE.SORT_ORDER.ge(order), OPPORTUNITY_STAGE.OUTCOME.ne("LOST"))
                .fetch(OPPORTUNITY_STAGE.CODE);
        if (codes.isEmpty()) {
            return DSL.inline((OffsetDateTime) null);
        }
        // The audit trail stores a change as {"stage":{"oldValue":..,"newValue":"QUOTE"},...}.
        Condition moved = DSL.or(codes.stream()
                .map(code -> CHANGE_LOG.CHANGES.like("%\"stage\":{%\"newValue\":\"" + code + "\"%")).toList());
        Field<OffsetDateTime> logged = DSL.field(DSL.select(DSL.min(CHANGE_LOG.CHANGED_AT)).from(CHANGE_LOG)
                .where(CHANGE_LOG.ENTITY.eq("opportunity"), CHANGE_LOG.ENTITY_ID.eq(o.ID), moved));
        Field<OffsetDateTime> current = DSL.when(o.STAGE.in(codes), o.STAGE_CHANGED_AT);
        return DSL.when(logged.isNull(), current).when(current.isNull(), logged)
                .when(logged.lt(current), logged).otherwise(current);
    }

    private static Condition matches(Activity a, ActivityKind kind, String keyword) {
        Condition c = kind == null ? DSL.trueCondition() : a.KIND.eq(kind.name());
        if (keyword != null && !keyword.isBlank()) {
            c = c.and(DSL.coalesce(a.NOTE, "").contains(keyword.strip()));
        }
        return c;
    }

    private static String stageOf(Measure m) {
        if (m instanceof Measure.ActivityBeforeStage b) {
            return b.stage();
        }
        if (m instanceof Measure.ActivityCount c) {
            return c.fromStage();
        }
        return m instanceof Measure.StageWithin s ? s.stage() : null;
    }

    private static ActivityKind kindOf(Measure m) {
        if (m instanceof Measure.ActivityBeforeStage b) {
            return b.activityKind();
        }
        return m instanceof Measure.ActivityCount c ? c.activityKind() : null;
    }

    private static String keywordOf(Measure m) {
        if (m instanceof Measure.ActivityBeforeStage b) {
            return b.keyword();
        }
        return m instanceof Measure.ActivityCount c ? c.keyword() : null;
    }
}
