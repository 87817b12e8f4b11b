package io.salesdesk.board.escalation;

/** The columns of the supervisor's escalation board, in order. */
public enum EscalationStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED;

    /** Whether the escalation still needs a supervisor (a rule raising it again gets this card). */
    public boolean isActive() {
        return this != RESOLVED;
    }
}
