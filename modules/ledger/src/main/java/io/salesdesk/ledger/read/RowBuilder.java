package io.salesdesk.ledger.read;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects the cells of one row as they arrive, possibly sparse and out of order. Only cells that
 * hold a value take memory, so a sheet that claims 16,384 columns costs no more than its values.
 */
final class RowBuilder {

    private final String fileName;
    private final ReadLimits limits;
    private final List<CellValue> cells = new ArrayList<>();
    private int rowNumber;

    RowBuilder(String fileName, ReadLimits limits) {
        this.fileName = fileName;
        this.limits = limits;
    }

    void start(int rowNumber) {
        this.rowNumber = rowNumber;
        cells.clear();
    }

    /** Puts a value at a 0-based column; blanks are dropped. */
    void put(int column, CellValue value) {
        if (value.kind() == CellKind.BLANK || column < 0) {
            return;
        }
        if (column >= limits.maxColumns()) {
            if (value.isBlank()) {
                return;
            }
            throw new LedgerReadException(LedgerReadException.TOO_MANY_COLUMNS, fileName, limits.maxColumns(), rowNumber);
        }
        if (column < cells.size()) {
            cells.set(column, value);
            return;
        }
        cells.addAll(Collections.nCopies(column - cells.size(), CellValue.BLANK));
        cells.add(value);
    }

    int rowNumber() {
        return rowNumber;
    }

    int size() {
        return cells.size();
    }

    /** The row, or {@code null} if it has no value at all. */
    LedgerRow build() {
        int last = cells.size() - 1;
        while (last >= 0 && cells.get(last).isBlank()) {
            last--;
        }
        return last < 0 ? null : new LedgerRow(rowNumber, cells.subList(0, last + 1));
    }
}
