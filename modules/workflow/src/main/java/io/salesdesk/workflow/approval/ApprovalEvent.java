package io.salesdesk.workflow.approval;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of a request's history. */
public record ApprovalEvent(UUID id, String stepKey, UUID actorId, String actorName, Kind kind, String note,
                            OffsetDateTime at) {

    /** What happened. */
    public enum Kind {
        SUBMITTED, APPROVED, REJECTED, SENT_BACK, TRANSFERRED, SKIPPED, RECALLED, COMMENTED, COMPLETED,
        /** The step's time limit passed (once per round). */
        TIMED_OUT,
        /** The step was approved by its timeout rule. */
        AUTO_APPROVED,
        /** The request was rejected by the step's timeout rule. */
        AUTO_REJECTED,
        /** The step's open tasks went to its alternate approvers on timeout. */
        HANDED_OVER,
        /** An approver left and nobody could take the task over. */
        APPROVER_LEFT
    }
}
