package io.salesdesk.workflow.approval;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A record's request for approval and where it stands. */
public record ApprovalRequest(UUID id, UUID flowId, int flowVersion, String entity, String action, UUID recordId,
                              String title, UUID submitterId, String submitterName, RequestStatus status,
                              OffsetDateTime submittedAt, OffsetDateTime decidedAt, long version) {
}
