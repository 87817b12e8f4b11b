package io.salesdesk.insight.funnel;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.FUNNEL_NODE;
import static io.salesdesk.db.jooq.Tables.FUNNEL_OUTCOME;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;

import io.salesdesk.core.Actor;
import io.salesdesk.crm.Visibility;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The last evaluation of each node on each deal, and the conversion figures read from it, counted
 * in SQL over the deals the viewer may see (live deals only).
 */
public final class FunnelOutcomeRepository {

    private static final int MISSED_LIMIT = 500;

    private final DSLContext dsl;

    private FunnelOutcomeRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    public static FunnelOutcomeRepository using(Configuration configuration) {
        return new FunnelOutcomeRepository(configuration);
    }

    /** Writes a node's outcome on a deal, keeping when it was prompted. */
    public void put(UUID nodeId, DealFacts deal, NodeOutcome outcome, OffsetDateTime now) {
        int updated = dsl.update(FUNNEL_OUTCOME).set(FUNNEL_OUTCOME.STATUS, outcome.status().name())
                .set(FUNNEL_OUTCOME.OWNER_ID, deal.ownerId()).set(FUNNEL_OUTCOME.MEASURED, outcome.measured())
                .set(FUNNEL_OUTCOME.EVIDENCE_AT, outcome.evidenceAt()).set(FUNNEL_OUTCOME.EVALUATED_AT, now)
                .where(FUNNEL_OUTCOME.NODE_ID.eq(nodeId), FUNNEL_OUTCOME.OPPORTUNITY_ID.eq(deal.opportunityId()))
                .execute();
        if (updated == 0) {
            dsl.insertInto(FUNNEL_OUTCOME).set(FUNNEL_OUTCOME.NODE_ID, nodeId)
                    .set(FUNNEL_OUTCOME.OPPORTUNITY_ID, deal.opportunityId())
                    .set(FUNNEL_OUTCOME.OWNER_ID, deal.ownerId()).set(FUNNEL_OUTCOME.STATUS, outcome.status().name())
                    .set(FUNNEL_OUTCOME.MEASURED, outcome.measured()).set(FUNNEL_OUTCOME.EVIDENCE_AT, outcome.evidenceAt())
                    .set(FUNNEL_OUTCOME.EVALUATED_AT, now).execute();
        }
    }

    /**
     * Claims the coaching prompt of a missed node on a deal: true exactly once per deal and node,
     * whichever scan or client asks first.
     */
    public boolean claimPrompt(UUID nodeId, UUID opportunityId, OffsetDateTime now) {
        return dsl.update(FUNNEL_OUTCOME).set(FUNNEL_OUTCOME.PROMPTED_AT, now)
                .where(FUNNEL_OUTCOME.NODE_ID.eq(nodeId), FUNNEL_OUTCOME.OPPORTUNITY_ID.eq(opportunityId),
                        FUNNEL_OUTCOME.STATUS.eq(NodeStatus.MISSED.name()), FUNNEL_OUTCOME.PROMPTED_AT.isNull())
                .execute() == 1;
    }

    /** Passed, missed and pending deals per node, and how many passed every node up to it. */
    public List<NodeConversion> conversion(Actor viewer, Funnel funnel) {
        List<UUID> nodeIds = funnel.nodes().stream().map(FunnelNode::id).toList();
        if (nodeIds.isEmpty()) {
            return List.of();
        }
        Condition visible = visible(viewer);
        Map<UUID, int[]> counts = dsl.select(FUNNEL_OUTCOME.NODE_ID, count(NodeStatus.PASSED),
                        count(NodeStatus.MISSED), count(NodeStatus.PENDING))
                .from(FUNNEL_OUTCOME).join(OPPORTUNITY).on(OPPORTUNITY.ID.eq(FUNNEL_OUTCOME.OPPORTUNITY_ID))
                .where(FUNNEL_OUTCOME.NODE_ID.in(nodeIds), visible)
                .groupBy(FUNNEL_OUTCOME.NODE_ID)
                .fetchMap(r -> r.value1(), r -> new int[] {r.value2(), r.value3(), r.value4()});
        List<NodeConversion> result = new ArrayList<>();
        for (int i = 0; i < funnel.nodes().size(); i++) {
            FunnelNode node = funnel.nodes().get(i);
            int[] c = counts.getOrDefault(node.id(), new int[3]);
            List<UUID> prefix = nodeIds.subList(0, i + 1);
            int reachedAll = dsl.fetchCount(dsl.select(FUNNEL_OUTCOME.OPPORTUNITY_ID).from(FUNNEL_OUTCOME)
                    .join(OPPORTUNITY).on(OPPORTUNITY.ID.eq(FUNNEL_OUTCOME.OPPORTUNITY_ID))
                    .where(FUNNEL_OUTCOME.NODE_ID.in(prefix), FUNNEL_OUTCOME.STATUS.eq(NodeStatus.PASSED.name()),
                            visible)
                    .groupBy(FUNNEL_OUTCOME.OPPORTUNITY_ID).having(DSL.count().eq(prefix.size())));
            result.add(new NodeConversion(node.id(), node.order(), node.name(), c[0], c[1], c[2], reachedAll));
        }
        return result;
    }

    /** Passed and missed deals per rep and node, reps by name. */
    public List<RepConversion> byRep(Actor viewer, Funnel funnel) {
        List<UUID> nodeIds = funnel.nodes().stream().map(FunnelNode::id).toList();
        if (nodeIds.isEmpty()) {
            return List.of();
        }
        return dsl.select(OPPORTUNITY.OWNER_ID, APP_USER.DISPLAY_NAME, FUNNEL_OUTCOME.NODE_ID,
                        count(NodeStatus.PASSED), count(NodeStatus.MISSED))
                .from(FUNNEL_OUTCOME).join(OPPORTUNITY).on(OPPORTUNITY.ID.eq(FUNNEL_OUTCOME.OPPORTUNITY_ID))
                .join(APP_USER).on(APP_USER.ID.eq(OPPORTUNITY.OWNER_ID))
                .where(FUNNEL_OUTCOME.NODE_ID.in(nodeIds), visible(viewer))
                .groupBy(OPPORTUNITY.OWNER_ID, APP_USER.DISPLAY_NAME, FUNNEL_OUTCOME.NODE_ID)
                .orderBy(APP_USER.DISPLAY_NAME, OPPORTUNITY.OWNER_ID)
                .fetch(r -> new RepConversion(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** The deals that missed a node, newest evidence first. */
    public List<MissedNode> missed(Actor viewer, Funnel funnel) {
        Map<UUID, FunnelNode> nodes = funnel.nodes().stream()
                .collect(Collectors.toMap(FunnelNode::id, Function.identity()));
        if (nodes.isEmpty()) {
            return List.of();
        }
        return dsl.select(FUNNEL_OUTCOME.OPPORTUNITY_ID, OPPORTUNITY.NAME, CUSTOMER.NAME, OPPORTUNITY.OWNER_ID,
                        APP_USER.DISPLAY_NAME, FUNNEL_OUTCOME.NODE_ID, FUNNEL_OUTCOME.MEASURED,
                        FUNNEL_OUTCOME.EVIDENCE_AT, FUNNEL_OUTCOME.PROMPTED_AT)
                .from(FUNNEL_OUTCOME).join(OPPORTUNITY).on(OPPORTUNITY.ID.eq(FUNNEL_OUTCOME.OPPORTUNITY_ID))
                .join(CUSTOMER).on(CUSTOMER.ID.eq(OPPORTUNITY.CUSTOMER_ID))
                .join(APP_USER).on(APP_USER.ID.eq(OPPORTUNITY.OWNER_ID))
                .join(FUNNEL_NODE).on(FUNNEL_NODE.ID.eq(FUNNEL_OUTCOME.NODE_ID))
                .where(FUNNEL_OUTCOME.NODE_ID.in(nodes.keySet()), FUNNEL_OUTCOME.STATUS.eq(NodeStatus.MISSED.name()),
                        visible(viewer))
                .orderBy(FUNNEL_OUTCOME.EVIDENCE_AT.desc().nullsLast(), FUNNEL_NODE.SORT_ORDER,
                        FUNNEL_OUTCOME.OPPORTUNITY_ID)
                .limit(MISSED_LIMIT)
                .fetch(r -> {
                    FunnelNode node = nodes.get(r.value6());
                    return new MissedNode(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), node.id(),
                            node.name(), node.measure(), r.value7(), r.value8(), r.value9());
                });
    }

    private static Condition visible(Actor viewer) {
        return OPPORTUNITY.DELETED_AT.isNull().and(Visibility.ownedBy(OPPORTUNITY.OWNER_ID, viewer));
    }

    private static Field<Integer> count(NodeStatus status) {
        return DSL.sum(DSL.when(FUNNEL_OUTCOME.STATUS.eq(status.name()), 1).otherwise(0)).cast(Integer.class);
    }
}
