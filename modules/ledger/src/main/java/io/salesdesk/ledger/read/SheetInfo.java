package io.salesdesk.ledger.read;

/**
 * One sheet of a ledger file as listed in the workbook.
 *
 * @param index      0-based position in the workbook
 * @param name       the tab name; for a CSV file, the file name without extension
 * @param visibility whether Excel shows the tab
 */
public record SheetInfo(int index, String name, SheetVisibility visibility) {

    /** Tells whether Excel shows the tab, so the UI can offer visible sheets first. */
    public boolean visible() {
        return visibility == SheetVisibility.VISIBLE;
    }
}
