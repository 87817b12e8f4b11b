package io.salesdesk.commerce.quote;

/**
 * Where a quote stands: DRAFT while it is edited; submitted it is READY, or NEEDS_APPROVAL when a
 * discount is above the threshold (a manager's approval makes it READY); SENT to the customer, who
 * ACCEPTED or REJECTED it, or it EXPIRED after its validity date.
 */
public enum QuoteStatus {
    DRAFT, NEEDS_APPROVAL, READY, SENT, ACCEPTED, REJECTED, EXPIRED;

    /** Whether its lines may still change (a change sends it back to DRAFT). */
    public boolean editable() {
        return this == DRAFT || this == NEEDS_APPROVAL || this == READY;
    }
}
