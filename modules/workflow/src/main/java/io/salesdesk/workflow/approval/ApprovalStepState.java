package io.salesdesk.workflow.approval;

import io.salesdesk.workflow.approval.flow.SignMode;
import java.time.OffsetDateTime;

/**
 * One step of a request as it stands.
 *
 * @param timedOutAt when its time ran out in this round; null while in time
 * @param reminders  overdue reminders sent in this round
 */
public record ApprovalStepState(String key, String name, SignMode mode, StepStatus status, int round, OffsetDateTime activatedAt,
                                OffsetDateTime dueAt, OffsetDateTime decidedAt, OffsetDateTime timedOutAt, int reminders,
                                long version) {
}
