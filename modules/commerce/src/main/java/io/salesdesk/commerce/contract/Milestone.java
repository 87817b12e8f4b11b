package io.salesdesk.commerce.contract;

/** The event a payment term waits for: its collection falls due a number of days after it. */
public enum Milestone {
    /** The contract is signed (签约). */
    SIGNING,
    /** The goods are delivered (到货). */
    DELIVERY,
    /** The customer accepts the delivery (验收). */
    ACCEPTANCE
}
