package io.salesdesk.studio.template;

import static io.salesdesk.db.jooq.Tables.APPROVAL_FLOW;
import static io.salesdesk.db.jooq.Tables.BOARD;
import static io.salesdesk.db.jooq.Tables.DASHBOARD_LAYOUT;
import static io.salesdesk.db.jooq.Tables.FUNNEL;
import static io.salesdesk.db.jooq.Tables.FUNNEL_NODE;
import static io.salesdesk.db.jooq.Tables.ONBOARDING_PATH;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Soft-deletes the boards, approval flows, funnels and onboarding paths an uninstall removes, and forgets
 * the team's dashboard one put in place. Their modules offer no
 * "delete" yet, so uninstall marks the row deleted here (deleted_at, version + 1, an audit entry), as
 * those modules' own reads already expect; running approvals keep the flow version they started with.
 * Move each method into its module when the module grows a delete of its own.
 */
final class RemovableConfigRepository {

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private RemovableConfigRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    static RemovableConfigRepository using(Configuration configuration, Clock clock) {
        return new RemovableConfigRepository(configuration, clock);
    }

    void deleteBoard(Actor actor, ChangeReason reason, UUID id) {
        OffsetDateTime now = Rows.now(clock);
        dsl.update(BOARD).set(BOARD.DELETED_AT, now).set(BOARD.VERSION, BOARD.VERSION.plus(1))
                .set(BOARD.UPDATED_AT, now).set(BOARD.UPDATED_BY, Rows.userId(actor))
                .where(BOARD.ID.eq(id), BOARD.DELETED_AT.isNull()).execute();
        deleted(actor, reason, "board", id);
    }

    void deleteFlow(Actor actor, ChangeReason reason, UUID id) {
        OffsetDateTime now = Rows.now(clock);
        dsl.update(APPROVAL_FLOW).set(APPROVAL_FLOW.DELETED_AT, now).set(APPROVAL_FLOW.ACTIVE, false)
                .set(APPROVAL_FLOW.VERSION, APPROVAL_FLOW.VERSION.plus(1)).set(APPROVAL_FLOW.UPDATED_AT, now)
                .set(APPROVAL_FLOW.UPDATED_BY, Rows.userId(actor))
                .where(APPROVAL_FLOW.ID.eq(id), APPROVAL_FLOW.DELETED_AT.isNull()).execute();
        deleted(actor, reason, "approval_flow", id);
    }

    void deleteFunnel(Actor actor, ChangeReason reason, UUID id) {
        OffsetDateTime now = Rows.now(clock);
        dsl.update(FUNNEL_NODE).set(FUNNEL_NODE.DELETED_AT, now)
                .where(FUNNEL_NODE.FUNNEL_ID.eq(id), FUNNEL_NODE.DELETED_AT.isNull()).execute();
        dsl.update(FUNNEL).set(FUNNEL.DELETED_AT, now).set(FUNNEL.VERSION, FUNNEL.VERSION.plus(1))
                .set(FUNNEL.UPDATED_AT, now).set(FUNNEL.UPDATED_BY, Rows.userId(actor))
                .where(FUNNEL.ID.eq(id), FUNNEL.DELETED_AT.isNull()).execute();
        deleted(actor, reason, "funnel", id);
    }

    /** Hires already on the path keep going: each assignment holds its own copy of the stages. */
    void deletePath(Actor actor, ChangeReason reason, UUID id) {
        OffsetDateTime now = Rows.now(clock);
        dsl.update(ONBOARDING_PATH).set(ONBOARDING_PATH.DELETED_AT, now)
                .set(ONBOARDING_PATH.VERSION, ONBOARDING_PATH.VERSION.plus(1)).set(ONBOARDING_PATH.UPDATED_AT, now)
                .set(ONBOARDING_PATH.UPDATED_BY, Rows.userId(actor))
                .where(ONBOARDING_PATH.ID.eq(id), ONBOARDING_PATH.DELETED_AT.isNull()).execute();
        deleted(actor, reason, "onboarding_path", id);
    }

    /** Everyone without a layout of their own sees the built-in dashboard again. */
    void deleteTeamDashboard() {
        dsl.deleteFrom(DASHBOARD_LAYOUT).where(DASHBOARD_LAYOUT.OWNER_ID.isNull()).execute();
    }

    private void deleted(Actor actor, ChangeReason reason, String entity, UUID id) {
        changeLog.record(actor, reason, entity, id, ChangeEntry.Operation.DELETE,
                FieldChange.diff(Map.of("deleted", false), Map.of("deleted", true)));
    }
}
