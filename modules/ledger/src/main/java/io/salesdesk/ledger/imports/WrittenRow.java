package io.salesdesk.ledger.imports;

import java.util.UUID;

/**
 * A record an import batch wrote, kept so the batch can be undone.
 *
 * @param entityId     the record
 * @param action       {@link RowAction#CREATE} or {@link RowAction#UPDATE}
 * @param rowNumber    the ledger row it came from
 * @param versionAfter the record's version once the batch had written it
 */
public record WrittenRow(UUID entityId, RowAction action, int rowNumber, long versionAfter) {
}
