package io.salesdesk.ledger.imports;

/** What committing will do with one row, as the preview shows it. */
public enum RowAction {
    /** A new record. */
    CREATE,
    /** Values written into an existing record (or merged into an earlier row of the file). */
    UPDATE,
    /** A duplicate left alone. */
    SKIP,
    /** A row with problems; never written. */
    INVALID,
    /** The record was changed in SalesDesk since the ledger was exported; not overwritten. */
    CONFLICT
}
