package io.salesdesk.ledger.imports;

/** The steps of an import a progress bar names. */
public enum ImportPhase {
    /** Reading and converting the rows of the sheet. */
    READ,
    /** Resolving owners and regions, applying the validation rules and finding duplicates. */
    VALIDATE,
    /** Writing the rows in one transaction. */
    COMMIT
}
