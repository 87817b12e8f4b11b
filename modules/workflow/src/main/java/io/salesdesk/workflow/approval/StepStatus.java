package io.salesdesk.workflow.approval;

/** Where one step of a request's route stands. */
public enum StepStatus {
    /** Not reached yet (or sent back to, awaiting its turn again). */
    WAITING,
    /** Its approvers have tasks. */
    ACTIVE,
    APPROVED,
    /** Approved without anyone acting: every approver was skipped by the flow's rules. */
    SKIPPED,
    REJECTED,
    /** The request ended (recalled, rejected elsewhere) before this step decided. */
    CANCELLED;

    /** Whether the route may go past this step. */
    public boolean passed() {
        return this == APPROVED || this == SKIPPED;
    }
}
