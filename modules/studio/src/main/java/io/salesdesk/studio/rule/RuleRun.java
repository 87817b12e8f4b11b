package io.salesdesk.studio.rule;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One line of the run log: a rule acted on a record.
 *
 * @param actionsTaken what it did, in the workspace's language ("创建任务「…」；通知负责人")
 * @param error        why an action failed, or null
 */
public record RuleRun(UUID id, UUID ruleId, String ruleName, long ruleVersion, UUID recordId, String recordLabel,
                      OffsetDateTime ranAt, Outcome outcome, String actionsTaken, String error) {

    /** How a firing ended. */
    public enum Outcome {
        /** Every action was taken. */
        DONE,
        /** Some actions were taken, at least one failed. */
        PARTIAL,
        /** No action could be taken. */
        FAILED
    }
}
