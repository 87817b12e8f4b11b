package io.salesdesk.ledger.imports;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One import in the history.
 *
 * @param id             the batch id (also in the audit trail of every row it wrote)
 * @param entityKey      what was imported, e.g. {@code customers}
 * @param fileName       the ledger's file name
 * @param sha256         the file's SHA-256
 * @param sheetName      the sheet read
 * @param status         committed or undone
 * @param counts         rows created, updated, skipped (conflicts included) and invalid
 * @param importedByName who imported
 * @param importedAt     when
 * @param undoneAt       when it was undone, or {@code null}
 */
public record ImportBatch(UUID id, String entityKey, String fileName, String sha256, String sheetName,
        Status status, ImportCounts counts, String importedByName, OffsetDateTime importedAt,
        OffsetDateTime undoneAt) {

    /** Where a batch stands. */
    public enum Status {
        /** Being written in chunks; nothing of it counts until it is committed. */
        WRITING,
        /** Written. */
        COMMITTED,
        /** Stopped while being written (failure, cancel or a closed app); what it wrote is taken back. */
        ROLLED_BACK,
        /** Undone: created rows removed, updated rows restored. */
        UNDONE
    }
}
