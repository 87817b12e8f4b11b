package io.salesdesk.ledger.imports;

import java.util.Collection;

/**
 * How many rows an import creates, updates, skips, refuses and holds back as conflicts.
 *
 * @param created   new records
 * @param updated   existing records written to
 * @param skipped   duplicates left alone
 * @param invalid   rows with problems
 * @param conflicts rows changed in SalesDesk since export
 */
public record ImportCounts(int created, int updated, int skipped, int invalid, int conflicts) {

    /** Counts the planned actions of rows. */
    public static ImportCounts of(Collection<ImportRow> rows) {
        int[] counts = new int[RowAction.values().length];
        for (ImportRow row : rows) {
            counts[row.action().ordinal()]++;
        }
        return new ImportCounts(counts[RowAction.CREATE.ordinal()], counts[RowAction.UPDATE.ordinal()],
                counts[RowAction.SKIP.ordinal()], counts[RowAction.INVALID.ordinal()],
                counts[RowAction.CONFLICT.ordinal()]);
    }

    /** Rows that will be written. */
    public int written() {
        return created + updated;
    }
}
