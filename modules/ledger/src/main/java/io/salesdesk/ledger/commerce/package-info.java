/** The commerce module's ledgers: products, stock and cost entries (费用台账), importable through the Ledgers pipeline. */
package io.salesdesk.ledger.commerce;
