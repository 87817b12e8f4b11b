/**
 * Excel and CSV ledgers: reading real-world spreadsheets, finding the header row, mapping columns
 * to fields, converting cells, importing and exporting.
 */
package io.salesdesk.ledger;
