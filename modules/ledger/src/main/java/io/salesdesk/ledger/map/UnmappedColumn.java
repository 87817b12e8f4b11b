package io.salesdesk.ledger.map;

/**
 * A ledger column no field was found for; the user may map it by hand or leave it out.
 *
 * @param column 0-based column index
 * @param header the header text as written
 */
public record UnmappedColumn(int column, String header) {
}
