package io.salesdesk.territory.surge;

/** Where a surge alert stands. */
public enum SurgeStatus {
    /** Raised, waiting for the supervisor. */
    OPEN,
    /** The suggestion was applied: reps lent, pool access granted until the expiry. */
    ACCEPTED,
    /** The supervisor chose not to act. */
    DISMISSED,
    /** Nobody decided within a window; a surge that goes on raises a new alert. */
    EXPIRED
}
