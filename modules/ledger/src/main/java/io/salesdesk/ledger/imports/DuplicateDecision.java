package io.salesdesk.ledger.imports;

/** What to do with a row that matches an existing record or an earlier row of the same file. */
public enum DuplicateDecision {
    /** Leave the existing record alone and count the row as skipped. */
    SKIP,
    /** Write the row's non-blank values into the existing record. */
    UPDATE,
    /** Create a new record anyway. */
    CREATE
}
