package io.salesdesk.ledger.read;

/** What a cell holds, as the file stores it, before any mapping to a field. */
public enum CellKind {
    /** No value (also an empty string). */
    BLANK,
    /** Text: shared or inline strings, cached formula text, every CSV value. */
    TEXT,
    /** A number without a date format. */
    NUMBER,
    /** A number with a date or time format, or an ISO date cell. */
    DATE,
    /** TRUE or FALSE. */
    BOOLEAN,
    /** An error such as {@code #DIV/0!} or {@code #N/A}, usually a cached formula result. */
    ERROR
}
