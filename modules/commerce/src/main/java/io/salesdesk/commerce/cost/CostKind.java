package io.salesdesk.commerce.cost;

/** What a cost was spent on. */
public enum CostKind {
    /** Getting the customer: campaigns, channel fees (获客). */
    ACQUISITION,
    /** Pre-sales hours × hourly rate (售前). */
    PRESALES,
    /** Travel to the customer (差旅). */
    TRAVEL,
    /** Delivering the deal: shipping, emergency freight (履约). */
    FULFILMENT;

    /** Whether the cost counts towards the customer acquisition cost (CAC). */
    public boolean acquires() {
        return this == ACQUISITION || this == PRESALES;
    }
}
