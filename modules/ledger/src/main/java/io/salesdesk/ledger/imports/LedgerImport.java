package io.salesdesk.ledger.imports;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.db.Database;
import io.salesdesk.ledger.convert.ConversionContext;
import io.salesdesk.ledger.convert.ConvertedRow;
import io.salesdesk.ledger.convert.RowConverter;
import io.salesdesk.ledger.map.ColumnMapper;
import io.salesdesk.ledger.map.ColumnMapping;
import io.salesdesk.ledger.map.HeaderDetector;
import io.salesdesk.ledger.map.HeaderRow;
import io.salesdesk.ledger.model.LedgerEntity;
import io.salesdesk.ledger.model.LedgerField;
import io.salesdesk.ledger.read.LedgerFile;
import io.salesdesk.ledger.read.LedgerRow;
import io.salesdesk.ledger.read.Ledgers;
import io.salesdesk.ledger.read.SheetInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Imports a ledger: one pipeline for the command line and the UI wizard. {@link #preview} reads the
 * file, finds the header, maps the columns (the user's mapping, else the one saved for the same
 * headers, else synonyms), converts and validates every row and finds duplicates, writing nothing;
 * {@link #commit} writes the planned rows in one transaction and records the batch.
 */
public final class LedgerImport {

    private static final int PROGRESS_STEP = 500;
    // Rows per transaction when an import is written in chunks: small enough that HSQLDB's
    // per-transaction memory stays in the tens of megabytes, large enough that commits stay rare.
    private static final int CHUNK_ROWS = 5_000;

    private final Database db;
    private final Clock clock;
    private final int chunkRows;
    private final Map<String, ImportTarget> targets = new LinkedHashMap<>();

    /**
     * An importer for the given entities.
     *
     * @param db      the database
     * @param clock   the clock for ids and times
     * @param targets the importable entities, registered by the modules that own them
     */
    public LedgerImport(Database db, Clock clock, List<ImportTarget> targets) {
        this(db, clock, targets, CHUNK_ROWS);
    }

    /** An importer that writes chunked imports in chunks of the given number of rows (tests use small ones). */
    LedgerImport(Database db, Clock clock, List<ImportTarget> targets, int chunkRows) {
        this.db = db;
        this.clock = clock;
        this.chunkRows = chunkRows;
        targets.forEach(t -> this.targets.put(t.entity().key(), t));
    }

    /** The keys of the importable entities, e.g. {@code customers}. */
    public Set<String> entityKeys() {
        return targets.keySet();
    }

    /**
     * The fields of an importable entity, for the mapping step of the wizard.
     *
     * @throws LedgerImportException if no module registered the entity
     */
    public LedgerEntity entity(String entityKey) {
        return target(entityKey).entity();
    }

    /**
     * Reads, maps, converts, validates and dedupes a ledger without writing anything.
     *
     * @throws io.salesdesk.ledger.read.LedgerReadException if the file cannot be read
     * @throws LedgerImportException                        if no header or no column for a required field is found
     * @throws ImportCancelledException                     if the user cancelled
     */
    public ImportPreview preview(Path file, ImportRequest request, Actor actor, ImportMonitor monitor) {
        ImportTarget target = target(request.entityKey());
        target.checkAllowed(actor);
        LedgerEntity entity = target.entity();
        String fileName = file.getFileName().toString();
        String sha256 = FileHash.sha256(file);
        try (LedgerFile ledger = Ledgers.open(file, request.limits())) {
            String sheet = sheetName(ledger, request.sheetName());
            List<LedgerRow> top = new ArrayList<>();
            ledger.read(sheet, row -> {
                top.add(row);
                return top.size() < HeaderDetector.ROWS_TO_EXAMINE;
            });
            ColumnMapper mapper = new ColumnMapper(entity);
            HeaderRow header = new HeaderDetector(mapper).detect(top)
                    .orElseThrow(() -> new LedgerImportException(LedgerImportException.NO_HEADER, fileName, sheet));
            ColumnMapping automatic = mapper.map(header.headers());
            MappingSource source = MappingSource.AUTOMATIC;
            ColumnMapping mapping = automatic;
            Optional<Map<String, String>> saved = request.mappingOverride() != null ? Optional.empty()
                    : savedMapping(entity.key(), automatic.headerSignature());
            if (request.mappingOverride() != null) {
                mapping = ColumnMappings.apply(fileName, entity, header.headers(), automatic, request.mappingOverride());
                source = MappingSource.USER;
            } else if (saved.isPresent()) {
                mapping = ColumnMappings.apply(fileName, entity, header.headers(), automatic, saved.get());
                source = MappingSource.SAVED;
            }
            List<LedgerField> missing = mapping.missingRequired(entity);
            if (!missing.isEmpty()) {
                throw new LedgerImportException(LedgerImportException.MISSING_REQUIRED, fileName,
                        missing.stream().map(LedgerField::labelZh).collect(Collectors.joining("、")));
            }
            List<ImportRow> rows = readRows(ledger, sheet, header, entity, mapping, request, monitor);
            target.prepare(actor, mapping, rows, monitor);
            return new ImportPreview(file, sha256, sheet, header, mapping, source, request, rows);
        }
    }

    /**
     * Writes a previewed import: all rows, or with "skip invalid" all valid rows; never part of
     * them. Rows are written with the batch as the reason in the audit trail, the batch goes into
     * the history, and the mapping is saved for the next ledger with these headers.
     *
     * <p>On a shared database the import is one transaction. On an embedded HSQLDB a target that
     * allows it is written in chunks of their own transactions, because HSQLDB keeps every row a
     * transaction inserted on the heap until it commits (a 100,000-row ledger writes about 500,000
     * rows). The batch is then marked as being written until its last chunk is in; if the import
     * fails or is cancelled on the way, the chunks already written are taken back before this
     * returns, and a batch that a closed app left half-written is taken back by
     * {@link #rollBackUnfinished}. Only one process opens an embedded database, so nobody else can
     * see the chunks meanwhile.
     *
     * @return the batch and counts; not committed (nothing written) when invalid rows block it
     * @throws ImportCancelledException if the user cancelled; nothing is left written
     */
    public ImportResult commit(ImportPreview preview, Actor actor, ImportMonitor monitor) {
        if (preview.blockedByErrors()) {
            return new ImportResult(null, preview.counts(), false);
        }
        ImportTarget target = target(preview.request().entityKey());
        UUID batchId = Ids.newId(clock);
        ChangeReason reason = ChangeReason.of(ChangeReason.Kind.IMPORT, batchId.toString());
        ImportCounts counts = target.writesInChunks() && db.config().isInProcess()
                ? commitInChunks(preview, target, batchId, reason, actor, monitor)
                : commitAtOnce(preview, target, batchId, reason, actor, monitor);
        return new ImportResult(batchId, counts, true);
    }

    /**
     * Takes back every import that stopped while being written in chunks (the app closed or
     * crashed mid-import): created records are removed and updated ones restored, as undo does.
     * Safe to call at any time; the app calls it when it opens a workspace.
     *
     * @return the batches taken back (of entities this importer knows)
     */
    public List<ImportBatch> rollBackUnfinished(Actor actor) {
        List<ImportBatch> unfinished = db.transactionResult(cfg -> ImportBatchRepository.using(cfg, clock)
                .unfinished());
        List<ImportBatch> rolledBack = new ArrayList<>();
        for (ImportBatch batch : unfinished) {
            ImportTarget target = targets.get(batch.entityKey());
            if (target != null) {
                rollBack(target, batch.id(), actor);
                rolledBack.add(batch);
            }
        }
        return rolledBack;
    }

    private ImportCounts commitAtOnce(ImportPreview preview, ImportTarget target, UUID batchId, ChangeReason reason,
            Actor actor, ImportMonitor monitor) {
        return db.transactionResult(cfg -> {
            List<WrittenRow> written = target.write(cfg, actor, reason, preview.mapping(), preview.rows(), monitor);
            monitor.checkCancelled();
            ImportCounts done = ImportCounts.of(preview.rows());
            ImportBatchRepository batches = ImportBatchRepository.using(cfg, clock);
            batches.insert(actor, batch(preview, batchId, ImportBatch.Status.COMMITTED, done));
            batches.insertRows(batchId, written);
            saveMapping(cfg, actor, preview);
            return done;
        });
    }

    private ImportCounts commitInChunks(ImportPreview preview, ImportTarget target, UUID batchId,
            ChangeReason reason, Actor actor, ImportMonitor monitor) {
        monitor.checkCancelled();
        db.transaction(cfg -> ImportBatchRepository.using(cfg, clock)
                .insert(actor, batch(preview, batchId, ImportBatch.Status.WRITING, preview.counts())));
        ChunkProgress progress = new ChunkProgress(monitor, preview.counts().written());
        try {
            for (List<ImportRow> chunk : ImportChunks.split(preview.rows(), chunkRows)) {
                monitor.checkCancelled();
                db.transaction(cfg -> {
                    List<WrittenRow> written = target.write(cfg, actor, reason, preview.mapping(), chunk, progress);
                    ImportBatchRepository.using(cfg, clock).insertRows(batchId, written);
                    progress.chunkDone(written.size());
                });
            }
            monitor.checkCancelled();
            ImportCounts done = ImportCounts.of(preview.rows());
            db.transaction(cfg -> {
                ImportBatchRepository.using(cfg, clock).markCommitted(actor, batchId, done);
                saveMapping(cfg, actor, preview);
            });
            return done;
        } catch (RuntimeException | Error e) {
            try {
                rollBack(target, batchId, actor);
            } catch (RuntimeException rollBackFailed) {
                // Left marked as being written: rollBackUnfinished takes it back when the app next opens.
                e.addSuppressed(rollBackFailed);
            }
            throw e;
        }
    }

    // Takes a batch's written rows back chunk by chunk, each chunk in its own transaction for the
    // same reason it was written that way; a second run after an interruption finds the records
    // already taken back changed and leaves them alone. A batch that wrote nothing leaves no trace.
    private void rollBack(ImportTarget target, UUID batchId, Actor actor) {
        ChangeReason reason = ChangeReason.of(ChangeReason.Kind.IMPORT, "rollback " + batchId);
        List<WrittenRow> written = db.transactionResult(cfg -> ImportBatchRepository.using(cfg, clock).rows(batchId));
        if (written.isEmpty()) {
            db.transaction(cfg -> ImportBatchRepository.using(cfg, clock).deleteUnwritten(batchId));
            return;
        }
        for (List<WrittenRow> chunk : ImportChunks.of(written, chunkRows)) {
            db.transaction(cfg -> target.undo(cfg, actor, reason, batchId.toString(), chunk));
        }
        db.transaction(cfg -> ImportBatchRepository.using(cfg, clock).markRolledBack(actor, batchId));
    }

    private static ImportBatch batch(ImportPreview preview, UUID batchId, ImportBatch.Status status,
            ImportCounts counts) {
        return new ImportBatch(batchId, preview.request().entityKey(), preview.file().getFileName().toString(),
                preview.sha256(), preview.sheetName(), status, counts, null, null, null);
    }

    private void saveMapping(org.jooq.Configuration cfg, Actor actor, ImportPreview preview) {
        ImportMappingRepository.using(cfg, clock).save(actor, preview.request().entityKey(),
                preview.mapping().headerSignature(), MappingJson.write(preview.mapping()));
    }

    private List<ImportRow> readRows(LedgerFile ledger, String sheet, HeaderRow header, LedgerEntity entity,
            ColumnMapping mapping, ImportRequest request, ImportMonitor monitor) {
        RowConverter converter = new RowConverter(entity, mapping,
                new ConversionContext(ledger.date1904(), request.dateOrder()));
        List<ImportRow> rows = new ArrayList<>();
        int[] read = {0};
        ledger.read(sheet, row -> {
            if (row.rowNumber() <= header.lastRowNumber()) {
                return true;
            }
            ConvertedRow converted = converter.convert(row);
            boolean empty = converted.values().isEmpty() && converted.problems().stream()
                    .allMatch(p -> io.salesdesk.ledger.convert.Conversion.REQUIRED.equals(p.messageKey()));
            if (!empty && !SummaryRows.isSummary(converted.values().values())) {
                rows.add(new ImportRow(converted, request.onDuplicate()));
            }
            if (++read[0] % PROGRESS_STEP == 0) {
                monitor.checkCancelled();
                monitor.progress(ImportPhase.READ, read[0], -1);
            }
            return true;
        });
        monitor.checkCancelled();
        monitor.progress(ImportPhase.READ, read[0], read[0]);
        return rows;
    }

    private Optional<Map<String, String>> savedMapping(String entityKey, String signature) {
        return db.transactionResult(cfg -> ImportMappingRepository.using(cfg, clock).find(entityKey, signature))
                .flatMap(json -> {
                    try {
                        return Optional.of(MappingJson.parse(json));
                    } catch (IOException e) {
                        return Optional.empty();
                    }
                });
    }

    private static String sheetName(LedgerFile ledger, String wanted) {
        if (wanted != null) {
            return wanted;
        }
        return ledger.sheets().stream().filter(SheetInfo::visible).findFirst()
                .or(() -> ledger.sheets().stream().findFirst())
                .map(SheetInfo::name)
                .orElseThrow(() -> new LedgerImportException(LedgerImportException.NO_SHEET, ledger.fileName()));
    }

    private ImportTarget target(String entityKey) {
        ImportTarget target = targets.get(entityKey);
        if (target == null) {
            throw new LedgerImportException(LedgerImportException.UNKNOWN_ENTITY, entityKey, entityKey,
                    String.join(", ", targets.keySet()));
        }
        return target;
    }
}
