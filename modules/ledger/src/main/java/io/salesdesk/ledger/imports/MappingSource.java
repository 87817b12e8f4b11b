package io.salesdesk.ledger.imports;

/** Where the column mapping of an import came from, so the preview can say so. */
public enum MappingSource {
    /** Header synonyms. */
    AUTOMATIC,
    /** A mapping saved by an earlier import of a ledger with the same headers. */
    SAVED,
    /** The user's own mapping (the wizard, or {@code --mapping FILE.json}). */
    USER
}
