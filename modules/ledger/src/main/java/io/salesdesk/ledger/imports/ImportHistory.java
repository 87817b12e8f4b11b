package io.salesdesk.ledger.imports;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.db.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Configuration;

/** The import history and undo: what was imported, by whom and when, and taking a batch back. */
public final class ImportHistory {

    // Rows per transaction when a batch written in chunks is undone in chunks.
    private static final int UNDO_CHUNK_ROWS = 5_000;

    private final int chunkRows;
    private final Database db;
    private final Clock clock;
    private final Map<String, ImportTarget> targets = new LinkedHashMap<>();

    /** The history over the importable entities. */
    public ImportHistory(Database db, Clock clock, List<ImportTarget> targets) {
        this(db, clock, targets, UNDO_CHUNK_ROWS);
    }

    /** A history that undoes chunked batches in chunks of the given number of rows (tests use small ones). */
    ImportHistory(Database db, Clock clock, List<ImportTarget> targets, int chunkRows) {
        this.chunkRows = chunkRows;
        this.db = db;
        this.clock = clock;
        targets.forEach(t -> this.targets.put(t.entity().key(), t));
    }

    /** The newest batches first. */
    public List<ImportBatch> latest(int limit) {
        return db.transactionResult(cfg -> ImportBatchRepository.using(cfg, clock).latest(limit));
    }

    /** Whether an import stopped while being written and still waits to be taken back. */
    public boolean hasUnfinished() {
        return !db.transactionResult(cfg -> ImportBatchRepository.using(cfg, clock).unfinished()).isEmpty();
    }

    /**
     * Undoes a batch: created records are removed (soft delete) and updated ones get their
     * previous values back; records changed after the import are left alone and listed. On a
     * shared database this is one transaction. On an embedded one a batch that was written in
     * chunks is taken back in chunks too, for the same reason (HSQLDB holds a transaction's rows
     * on the heap); a run that stops half-way leaves the batch imported, and undoing it again
     * finishes the job, listing the records already taken back among those left alone.
     *
     * @throws LedgerImportException if there is no such batch or it was undone already
     */
    public UndoResult undo(UUID batchId, Actor actor) {
        ImportBatch batch = db.transactionResult(cfg -> ImportBatchRepository.using(cfg, clock).find(batchId))
                .orElseThrow(() -> new LedgerImportException(LedgerImportException.NO_SUCH_BATCH, batchId));
        ImportTarget target = targets.get(batch.entityKey());
        if (target == null) {
            throw new LedgerImportException(LedgerImportException.UNKNOWN_ENTITY, batch.fileName(),
                    batch.entityKey(), String.join(", ", targets.keySet()));
        }
        if (!target.writesInChunks() || !db.config().isInProcess()) {
            return db.transactionResult(cfg -> undoChunk(cfg, target, batch, actor, null, true));
        }
        List<WrittenRow> written = db.transactionResult(cfg -> ImportBatchRepository.using(cfg, clock).rows(batchId));
        int removed = 0;
        int restored = 0;
        List<UndoResult.Conflict> conflicts = new ArrayList<>();
        List<List<WrittenRow>> chunks = ImportChunks.of(written, chunkRows);
        for (int i = 0; i < chunks.size(); i++) {
            List<WrittenRow> chunk = chunks.get(i);
            boolean last = i == chunks.size() - 1;
            UndoResult part = db.transactionResult(cfg -> undoChunk(cfg, target, batch, actor, chunk, last));
            removed += part.removed();
            restored += part.restored();
            conflicts.addAll(part.conflicts());
        }
        return new UndoResult(batchId, removed, restored, conflicts);
    }

    // Undoes the given rows of the batch (all of them when null) and, with the last chunk, marks it undone.
    private UndoResult undoChunk(Configuration cfg, ImportTarget target, ImportBatch batch, Actor actor,
            List<WrittenRow> rows, boolean last) {
        ImportBatchRepository batches = ImportBatchRepository.using(cfg, clock);
        ImportBatch now = batches.find(batch.id()).orElseThrow(
                () -> new LedgerImportException(LedgerImportException.NO_SUCH_BATCH, batch.id()));
        if (now.status() != ImportBatch.Status.COMMITTED) {
            throw new LedgerImportException(LedgerImportException.ALREADY_UNDONE, batch.id());
        }
        target.checkAllowed(actor);
        ChangeReason reason = ChangeReason.of(ChangeReason.Kind.IMPORT, "undo " + batch.id());
        UndoResult result = target.undo(cfg, actor, reason, batch.id().toString(),
                rows != null ? rows : batches.rows(batch.id()));
        if (last && !batches.markUndone(actor, batch.id())) {
            throw new LedgerImportException(LedgerImportException.ALREADY_UNDONE, batch.id());
        }
        return result;
    }
}
