package io.salesdesk.ledger.imports;

import java.util.UUID;

/**
 * What a commit did.
 *
 * @param batchId   the import batch, for history and undo; {@code null} when nothing was committed
 * @param counts    the rows created, updated, skipped, invalid and in conflict
 * @param committed whether the batch was written ({@code false} when invalid rows blocked it)
 */
public record ImportResult(UUID batchId, ImportCounts counts, boolean committed) {
}
