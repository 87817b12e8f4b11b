package io.salesdesk.workflow.approval;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One approver's task on one step, with what the inbox shows of its request.
 *
 * @param dueAt          when the step becomes overdue; null without a timeout
 * @param addedFor       for an added signer (加签), the task they were added for; else null
 * @param addedPosition  for an added signer, before or after that task's approver; else null
 * @param onBehalfOfId   the approver a delegate signs for (外出委托, 代 张三审批); null when it is their own
 * @param onBehalfOfName that approver's name
 */
public record ApprovalTask(UUID id, UUID requestId, String stepKey, String stepName, int round, int seq, UUID approverId,
                           String approverName, TaskStatus status, OffsetDateTime createdAt, OffsetDateTime actedAt,
                           String note, String requestTitle, String entity, UUID recordId, UUID submitterId,
                           String submitterName, OffsetDateTime dueAt, long version, UUID addedFor,
                           SignerPosition addedPosition, UUID onBehalfOfId, String onBehalfOfName) {

    /** A task of the route's own approver, neither added nor delegated. */
    public ApprovalTask(UUID id, UUID requestId, String stepKey, String stepName, int round, int seq, UUID approverId,
                        String approverName, TaskStatus status, OffsetDateTime createdAt, OffsetDateTime actedAt,
                        String note, String requestTitle, String entity, UUID recordId, UUID submitterId,
                        String submitterName, OffsetDateTime dueAt, long version) {
        this(id, requestId, stepKey, stepName, round, seq, approverId, approverName, status, createdAt, actedAt, note,
                requestTitle, entity, recordId, submitterId, submitterName, dueAt, version, null, null, null, null);
    }

    /** Whom this task's decision stands for: the approver, or the one they sign for as delegate. */
    public UUID principalId() {
        return onBehalfOfId != null ? onBehalfOfId : approverId;
    }
}
