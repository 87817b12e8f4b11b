package io.salesdesk.workflow.approval;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One entry of a request's history.
 *
 * @param signerId       on {@link Kind#ADDED_SIGNER}, who was added; else null
 * @param signerPosition on {@link Kind#ADDED_SIGNER}, before or after the actor
 * @param onBehalfOfId   when a delegate acted, the approver they acted for (代 张三审批); else null
 */
public record ApprovalEvent(UUID id, String stepKey, UUID actorId, String actorName, Kind kind, String note,
                            OffsetDateTime at, UUID signerId, String signerName, SignerPosition signerPosition,
                            UUID onBehalfOfId, String onBehalfOfName) {

    /** An entry without a signer, by someone acting for themselves. */
    public ApprovalEvent(UUID id, String stepKey, UUID actorId, String actorName, Kind kind, String note,
                         OffsetDateTime at) {
        this(id, stepKey, actorId, actorName, kind, note, at, null, null, null, null, null);
    }

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
        APPROVER_LEFT,
        /** 加签: the actor added a signer to their step, before or after themselves. */
        ADDED_SIGNER
    }
}
