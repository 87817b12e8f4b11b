package io.salesdesk.ledger.crm;

import io.salesdesk.ledger.imports.DuplicateDecision;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.imports.RowMatch;

/** The rule for a row of an exported ledger imported back, the same for every entity matched by id. */
final class ExportedRow {

    private ExportedRow() {
    }

    /**
     * Matches the row to the record its hidden id names. The row updates that record unless it was
     * deleted or changed since export: then the row is a conflict, reported and not written.
     *
     * @param existing the record as it is now (an ID match), or {@code null} if it is gone
     * @return whether the row may update the record
     */
    static boolean matchById(ImportRow row, Long exportedVersion, RowMatch existing) {
        row.decide(DuplicateDecision.UPDATE);
        if (existing == null) {
            row.markConflict();
            return false;
        }
        row.matched(existing);
        if (exportedVersion == null || exportedVersion != existing.existingVersion()) {
            row.markConflict();
            return false;
        }
        return true;
    }

    /** A row whose cells were not edited since export writes nothing. */
    static void skipIfUnchanged(ImportRow row, Object updated, Object current) {
        if (updated.equals(current)) {
            row.decide(DuplicateDecision.SKIP);
        }
    }
}
