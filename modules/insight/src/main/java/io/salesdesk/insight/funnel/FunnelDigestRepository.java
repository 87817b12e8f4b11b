package io.salesdesk.insight.funnel;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.FUNNEL_DIGEST;
import static io.salesdesk.db.jooq.Tables.FUNNEL_NODE;
import static io.salesdesk.db.jooq.Tables.FUNNEL_OUTCOME;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The managers' daily digest of coaching prompts: which managers have misses their reps were
 * prompted for since their last digest, those misses per rep and node, and the once-a-day claim.
 */
final class FunnelDigestRepository {

    private final DSLContext dsl;

    private FunnelDigestRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    static FunnelDigestRepository using(Configuration configuration) {
        return new FunnelDigestRepository(configuration);
    }

    /** A rep's misses on one node since the manager's last digest. */
    record Line(UUID repId, String repName, UUID nodeId, int misses, BigDecimal lowest, BigDecimal highest) {
    }

    /** Managers with prompted misses of their reps (not their own deals) newer than their last digest. */
    List<UUID> managersWaiting(Collection<UUID> nodeIds, OffsetDateTime until) {
        if (nodeIds.isEmpty()) {
            return List.of();
        }
        var last = DSL.select(DSL.max(FUNNEL_DIGEST.SENT_AT)).from(FUNNEL_DIGEST)
                .where(FUNNEL_DIGEST.MANAGER_ID.eq(APP_USER.MANAGER_ID));
        return dsl.selectDistinct(APP_USER.MANAGER_ID).from(FUNNEL_OUTCOME)
                .join(OPPORTUNITY).on(OPPORTUNITY.ID.eq(FUNNEL_OUTCOME.OPPORTUNITY_ID))
                .join(APP_USER).on(APP_USER.ID.eq(OPPORTUNITY.OWNER_ID))
                .where(prompted(nodeIds, until), APP_USER.MANAGER_ID.isNotNull(),
                        DSL.field(last).isNull().or(FUNNEL_OUTCOME.PROMPTED_AT.gt(DSL.field(last))))
                .orderBy(APP_USER.MANAGER_ID)
                .fetch(APP_USER.MANAGER_ID);
    }

    /** When the manager's last digest went out, if ever. */
    Optional<OffsetDateTime> lastSent(UUID managerId) {
        return Optional.ofNullable(dsl.select(DSL.max(FUNNEL_DIGEST.SENT_AT)).from(FUNNEL_DIGEST)
                .where(FUNNEL_DIGEST.MANAGER_ID.eq(managerId)).fetchOne(0, OffsetDateTime.class));
    }

    /** The manager's reps' prompted misses in {@code (since, until]}, per rep and node, counted in SQL. */
    List<Line> lines(UUID managerId, Collection<UUID> nodeIds, OffsetDateTime since, OffsetDateTime until) {
        Condition after = since == null ? DSL.noCondition() : FUNNEL_OUTCOME.PROMPTED_AT.gt(since);
        return dsl.select(OPPORTUNITY.OWNER_ID, APP_USER.DISPLAY_NAME, FUNNEL_OUTCOME.NODE_ID, DSL.count(),
                        DSL.min(FUNNEL_OUTCOME.MEASURED), DSL.max(FUNNEL_OUTCOME.MEASURED))
                .from(FUNNEL_OUTCOME).join(OPPORTUNITY).on(OPPORTUNITY.ID.eq(FUNNEL_OUTCOME.OPPORTUNITY_ID))
                .join(APP_USER).on(APP_USER.ID.eq(OPPORTUNITY.OWNER_ID))
                .join(FUNNEL_NODE).on(FUNNEL_NODE.ID.eq(FUNNEL_OUTCOME.NODE_ID))
                .where(prompted(nodeIds, until), after, APP_USER.MANAGER_ID.eq(managerId))
                .groupBy(OPPORTUNITY.OWNER_ID, APP_USER.DISPLAY_NAME, FUNNEL_OUTCOME.NODE_ID, FUNNEL_NODE.FUNNEL_ID,
                        FUNNEL_NODE.SORT_ORDER)
                .orderBy(APP_USER.DISPLAY_NAME, OPPORTUNITY.OWNER_ID, FUNNEL_NODE.FUNNEL_ID, FUNNEL_NODE.SORT_ORDER)
                .fetch(r -> new Line(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** Claims the manager's digest of the day: true once per manager and day, whichever client asks first. */
    boolean claim(UUID managerId, LocalDate day, OffsetDateTime now, int misses) {
        return dsl.insertInto(FUNNEL_DIGEST).set(FUNNEL_DIGEST.MANAGER_ID, managerId)
                .set(FUNNEL_DIGEST.SCAN_DAY, day).set(FUNNEL_DIGEST.SENT_AT, now).set(FUNNEL_DIGEST.MISSES, misses)
                .onDuplicateKeyIgnore().execute() == 1;
    }

    /** Missed, prompted, on a live deal, by a rep who is not the manager (their own prompt already told them). */
    private static Condition prompted(Collection<UUID> nodeIds, OffsetDateTime until) {
        return FUNNEL_OUTCOME.NODE_ID.in(nodeIds).and(FUNNEL_OUTCOME.STATUS.eq(NodeStatus.MISSED.name()))
                .and(FUNNEL_OUTCOME.PROMPTED_AT.le(until)).and(OPPORTUNITY.DELETED_AT.isNull())
                .and(APP_USER.MANAGER_ID.ne(OPPORTUNITY.OWNER_ID));
    }
}
