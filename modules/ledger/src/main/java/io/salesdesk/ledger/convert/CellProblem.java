package io.salesdesk.ledger.convert;

import java.util.List;

/**
 * A cell that could not become its field's value, for the import's error report.
 *
 * @param rowNumber  1-based row number as Excel shows it
 * @param column     0-based column index
 * @param header     the column's header text
 * @param value      the cell's text as read
 * @param messageKey the bundle key of the reason, e.g. {@code ledger.convert.notADate}
 * @param args       the message arguments: the value first, except for
 *                   {@code ledger.convert.required}, whose only argument is the field's label
 */
public record CellProblem(int rowNumber, int column, String header, String value, String messageKey,
        List<Object> args) {

    public CellProblem {
        args = List.copyOf(args);
    }
}
