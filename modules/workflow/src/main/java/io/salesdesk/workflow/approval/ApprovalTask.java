package io.salesdesk.workflow.approval;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One approver's task on one step, with what the inbox shows of its request.
 *
 * @param dueAt when the step becomes overdue; null without a timeout
 */
public record ApprovalTask(UUID id, UUID requestId, String stepKey, String stepName, int round, int seq, UUID approverId,
                           String approverName, TaskStatus status, OffsetDateTime createdAt, OffsetDateTime actedAt,
                           String note, String requestTitle, String entity, UUID recordId, UUID submitterId,
                           String submitterName, OffsetDateTime dueAt, long version) {
}
