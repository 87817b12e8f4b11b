package io.salesdesk.insight.funnel;

/** The customer's and the owner's names of a deal, for a prompt's words. */
record DealNames(String customerName, String ownerName) {
}
