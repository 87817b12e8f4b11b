package io.salesdesk.workflow.approval.flow;

/** What happens to a step when its time is up, besides the reminders and the escalation. */
public enum TimeoutAction {
    /** Nothing more: the step waits; reminders repeat. */
    NONE,
    /** The step is approved on its approvers' behalf, and the history says so. */
    AUTO_APPROVE,
    /** The request is rejected, and the history says the step timed out. */
    AUTO_REJECT,
    /** The open tasks move to the step's alternate approvers. */
    ALTERNATE
}
