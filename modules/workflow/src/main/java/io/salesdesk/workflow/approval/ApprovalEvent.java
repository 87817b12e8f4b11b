package io.salesdesk.workflow.approval;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of a request's history. */
public record ApprovalEvent(UUID id, String stepKey, UUID actorId, String actorName, Kind kind, String note,
                            OffsetDateTime at) {

    /** What happened. */
    public enum Kind {
        SUBMITTED, APPROVED, REJECTED, SENT_BACK, TRANSFERRED, SKIPPED, RECALLED, COMMENTED, COMPLETED
    }
}
