package io.salesdesk.workflow.approval;

/** Where one approver's task stands. */
public enum TaskStatus {
    /** A sequential step's later approver, before their turn. */
    WAITING,
    /** In the approver's inbox. */
    PENDING,
    APPROVED,
    REJECTED,
    /** Approved by the flow's rules: the approver is the submitter or already approved. */
    SKIPPED,
    /** Handed to someone else (转交); their task replaces this one. */
    TRANSFERRED,
    /** No longer needed: another approver decided a first-wins step, or the request ended. */
    CANCELLED;

    /** Whether this task no longer waits for anyone. */
    public boolean closed() {
        return this != WAITING && this != PENDING;
    }
}
