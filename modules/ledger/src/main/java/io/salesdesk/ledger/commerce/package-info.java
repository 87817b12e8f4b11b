/** The sales and finance ledgers: cost entries (费用台账) importable through the ledger pipeline. */
package io.salesdesk.ledger.commerce;
