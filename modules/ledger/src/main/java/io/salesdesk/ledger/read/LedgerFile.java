package io.salesdesk.ledger.read;

import java.util.List;

/**
 * An opened ledger file: its sheets, read one at a time as a stream of rows. Close it to free the
 * file handle (Windows keeps a file locked while it is open).
 */
public interface LedgerFile extends AutoCloseable {

    /** The file name, as shown in messages. */
    String fileName();

    /** The sheets in workbook order, hidden ones included; a CSV file has one. */
    List<SheetInfo> sheets();

    /**
     * Tells whether the workbook counts dates from 1904 (old Mac Excel) instead of 1900. Numbers
     * in date columns without a date format need this to become dates.
     */
    boolean date1904();

    /**
     * Streams the non-blank rows of a sheet to a consumer, top to bottom.
     *
     * @param sheetName the sheet's name as listed by {@link #sheets()}
     * @param consumer  receives each row and may stop early
     * @throws LedgerReadException if the sheet is missing, damaged, or exceeds the limits
     */
    void read(String sheetName, RowConsumer consumer);

    /** Closes the file; never fails. */
    @Override
    void close();
}
