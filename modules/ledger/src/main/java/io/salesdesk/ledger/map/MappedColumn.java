package io.salesdesk.ledger.map;

import java.math.BigDecimal;

/**
 * A ledger column mapped to a field.
 *
 * @param column   0-based column index in the sheet
 * @param header   the header text as written
 * @param fieldKey the field's key
 * @param scale    factor for numbers from the header's unit (万元 = 10,000), else 1
 */
public record MappedColumn(int column, String header, String fieldKey, BigDecimal scale) {
}
