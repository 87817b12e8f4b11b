package io.salesdesk.ledger.read;

import java.util.List;

/**
 * One row of a sheet.
 *
 * @param rowNumber 1-based row number as Excel shows it (for CSV: the record number)
 * @param cells     the cells from column A up to the last non-blank cell; blanks in between are
 *                  {@link CellValue#BLANK}
 */
public record LedgerRow(int rowNumber, List<CellValue> cells) {

    public LedgerRow {
        cells = List.copyOf(cells);
    }

    /**
     * The cell in a column, or blank beyond the end of the row.
     *
     * @param column 0-based column index
     * @return the cell, never {@code null}
     */
    public CellValue cell(int column) {
        return column >= 0 && column < cells.size() ? cells.get(column) : CellValue.BLANK;
    }

    /** Tells whether every cell is blank. */
    public boolean isBlank() {
        return cells.stream().allMatch(CellValue::isBlank);
    }

    /** Number of non-blank cells, used to tell title rows from header and data rows. */
    public int nonBlankCount() {
        return (int) cells.stream().filter(c -> !c.isBlank()).count();
    }
}
