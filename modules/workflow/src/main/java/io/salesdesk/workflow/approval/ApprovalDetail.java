package io.salesdesk.workflow.approval;

import java.util.List;

/** A request with its route, steps, every task and its history: what the request's page shows. */
public record ApprovalDetail(ApprovalRequest request, Route route, List<ApprovalStepState> steps,
                             List<ApprovalTask> tasks, List<ApprovalEvent> history) {
}
