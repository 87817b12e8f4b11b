package io.salesdesk.studio.rule;

import static io.salesdesk.db.jooq.Tables.AUTOMATION_FIRING;
import static io.salesdesk.db.jooq.Tables.TASK;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The firings of rules on records: the guard that makes each match act once, on any client. */
final class RuleFiringRepository {

    private final DSLContext dsl;

    private RuleFiringRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    static RuleFiringRepository using(Configuration configuration) {
        return new RuleFiringRepository(configuration);
    }

    /**
     * Claims a match for this run. False when a run (here or on another client) already took it: the
     * firing's primary key lets only one insert through.
     */
    boolean claim(UUID ruleId, UUID recordId, OffsetDateTime anchor, OffsetDateTime now) {
        if (dsl.fetchExists(AUTOMATION_FIRING, AUTOMATION_FIRING.RULE_ID.eq(ruleId),
                AUTOMATION_FIRING.RECORD_ID.eq(recordId), AUTOMATION_FIRING.ANCHOR.eq(anchor))) {
            return false;
        }
        return dsl.insertInto(AUTOMATION_FIRING)
                .set(AUTOMATION_FIRING.RULE_ID, ruleId)
                .set(AUTOMATION_FIRING.RECORD_ID, recordId)
                .set(AUTOMATION_FIRING.ANCHOR, anchor)
                .set(AUTOMATION_FIRING.FIRED_AT, now)
                .onConflictDoNothing().execute() == 1;
    }

    /** Whether a task this rule created on this record is still open (not done, not deleted). */
    boolean openTask(UUID ruleId, UUID recordId) {
        return dsl.fetchExists(DSL.selectOne().from(AUTOMATION_FIRING).join(TASK).on(TASK.ID.eq(AUTOMATION_FIRING.TASK_ID))
                .where(AUTOMATION_FIRING.RULE_ID.eq(ruleId), AUTOMATION_FIRING.RECORD_ID.eq(recordId),
                        TASK.DELETED_AT.isNull(), TASK.STATUS.ne("DONE")));
    }

    void recordTask(UUID ruleId, UUID recordId, OffsetDateTime anchor, UUID taskId) {
        dsl.update(AUTOMATION_FIRING).set(AUTOMATION_FIRING.TASK_ID, taskId)
                .where(AUTOMATION_FIRING.RULE_ID.eq(ruleId), AUTOMATION_FIRING.RECORD_ID.eq(recordId),
                        AUTOMATION_FIRING.ANCHOR.eq(anchor)).execute();
    }
}
