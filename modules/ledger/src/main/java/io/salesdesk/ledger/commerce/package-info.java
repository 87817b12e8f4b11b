/** The commerce module's ledgers: products and stock, importable through the Ledgers pipeline. */
package io.salesdesk.ledger.commerce;
