package io.salesdesk.ledger.imports;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.db.Database;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The import history and undo: what was imported, by whom and when, and taking a batch back. */
public final class ImportHistory {

    private final Database db;
    private final Clock clock;
    private final Map<String, ImportTarget> targets = new LinkedHashMap<>();

    /** The history over the importable entities. */
    public ImportHistory(Database db, Clock clock, List<ImportTarget> targets) {
        this.db = db;
        this.clock = clock;
        targets.forEach(t -> this.targets.put(t.entity().key(), t));
    }

    /** The newest batches first. */
    public List<ImportBatch> latest(int limit) {
        return db.transactionResult(cfg -> ImportBatchRepository.using(cfg, clock).latest(limit));
    }

    /**
     * Undoes a batch in one transaction: created records are removed (soft delete) and updated ones
     * get their previous values back; records changed after the import are left alone and listed.
     *
     * @throws LedgerImportException if there is no such batch or it was undone already
     */
    public UndoResult undo(UUID batchId, Actor actor) {
        return db.transactionResult(cfg -> {
            ImportBatchRepository batches = ImportBatchRepository.using(cfg, clock);
            ImportBatch batch = batches.find(batchId)
                    .orElseThrow(() -> new LedgerImportException(LedgerImportException.NO_SUCH_BATCH, batchId));
            if (batch.status() == ImportBatch.Status.UNDONE) {
                throw new LedgerImportException(LedgerImportException.ALREADY_UNDONE, batchId);
            }
            ImportTarget target = targets.get(batch.entityKey());
            if (target == null) {
                throw new LedgerImportException(LedgerImportException.UNKNOWN_ENTITY, batch.fileName(),
                        batch.entityKey(), String.join(", ", targets.keySet()));
            }
            target.checkAllowed(actor);
            ChangeReason reason = ChangeReason.of(ChangeReason.Kind.IMPORT, "undo " + batchId);
            UndoResult result = target.undo(cfg, actor, reason, batchId.toString(), batches.rows(batchId));
            if (!batches.markUndone(actor, batchId)) {
                throw new LedgerImportException(LedgerImportException.ALREADY_UNDONE, batchId);
            }
            return result;
        });
    }
}
