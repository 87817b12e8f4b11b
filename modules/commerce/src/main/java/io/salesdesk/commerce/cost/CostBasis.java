package io.salesdesk.commerce.cost;

/** How a cost came to be attributed to the deal or customer. */
public enum CostBasis {
    /** Booked against this deal or customer (an invoice, a timesheet). */
    MEASURED,
    /** A share of a pool (a campaign, a channel's fees) spread by a key. */
    ALLOCATED
}
