package io.salesdesk.workflow.approval;

import io.salesdesk.workflow.approval.flow.SignMode;
import java.time.OffsetDateTime;

/** One step of a request as it stands. */
public record ApprovalStepState(String key, String name, SignMode mode, StepStatus status, int round, OffsetDateTime activatedAt,
                                OffsetDateTime dueAt, OffsetDateTime decidedAt, long version) {
}
