package io.salesdesk.workflow.approval.flow;

import java.util.Objects;

/**
 * A step people sign.
 *
 * @param id            unique within the flow
 * @param name          what approvers and submitters read, e.g. 法务审核
 * @param approvers     who signs
 * @param mode          how several approvers decide
 * @param timeoutHours  hours until the step is overdue (reminders, escalation); null for none
 */
public record ApprovalStep(String id, String name, Approvers approvers, SignMode mode, Integer timeoutHours)
        implements FlowNode {

    public ApprovalStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(approvers, "approvers");
        mode = mode == null ? SignMode.ALL : mode;
    }
}
