package io.salesdesk.ledger.imports;

import java.util.List;
import java.util.UUID;

/**
 * What undoing an import did.
 *
 * @param batchId   the batch
 * @param removed   created records removed (soft-deleted)
 * @param restored  updated records given their previous values back
 * @param conflicts records changed after the import, left alone
 */
public record UndoResult(UUID batchId, int removed, int restored, List<Conflict> conflicts) {

    public UndoResult {
        conflicts = List.copyOf(conflicts);
    }

    /**
     * A record the undo left alone because it changed after the import.
     *
     * @param entityId  the record
     * @param name      its name now, or {@code null} if it was deleted
     * @param rowNumber the ledger row it came from
     */
    public record Conflict(UUID entityId, String name, int rowNumber) {
    }
}
