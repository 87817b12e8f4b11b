package io.salesdesk.workflow.approval.flow;

import java.util.Objects;

/**
 * How long a step may wait and what happens then.
 *
 * @param hours            hours until the step is overdue
 * @param workingHours     count only the working calendar's hours (a Friday-evening request is
 *                         not overdue on Saturday); otherwise clock hours
 * @param remindEveryHours once overdue, remind the open approvers again this often; null: once
 * @param escalate         put the overdue step on the supervisor's escalation board
 * @param action           what else happens when the time is up
 * @param alternate        who takes over for {@link TimeoutAction#ALTERNATE}; null otherwise
 */
public record StepTimeout(int hours, boolean workingHours, Integer remindEveryHours, boolean escalate,
                          TimeoutAction action, Approvers alternate) {

    public StepTimeout {
        action = Objects.requireNonNullElse(action, TimeoutAction.NONE);
    }

    /** Remind and escalate after {@code hours} clock hours, nothing automatic. */
    public static StepTimeout remindAfter(int hours) {
        return new StepTimeout(hours, false, null, true, TimeoutAction.NONE, null);
    }
}
