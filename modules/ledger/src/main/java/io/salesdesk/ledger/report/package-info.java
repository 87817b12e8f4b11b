/** The error report of an import: the input sheet again, with the bad cells marked and explained. */
package io.salesdesk.ledger.report;
