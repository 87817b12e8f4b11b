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

    private final Database db;
    private final Clock clock;
    private final Map<String, ImportTarget> targets = new LinkedHashMap<>();

    /**
     * An importer for the given entities.
     *
     * @param db      the database
     * @param clock   the clock for ids and times
     * @param targets the importable entities, registered by the modules that own them
     */
    public LedgerImport(Database db, Clock clock, List<ImportTarget> targets) {
        this.db = db;
        this.clock = clock;
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
     * Writes a previewed import in one transaction: all rows, or with "skip invalid" all valid rows;
     * never part of them. Rows are written with the batch as the reason in the audit trail, the
     * batch goes into the history, and the mapping is saved for the next ledger with these headers.
     *
     * @return the batch and counts; not committed (nothing written) when invalid rows block it
     * @throws ImportCancelledException if the user cancelled; nothing is written
     */
    public ImportResult commit(ImportPreview preview, Actor actor, ImportMonitor monitor) {
        if (preview.blockedByErrors()) {
            return new ImportResult(null, preview.counts(), false);
        }
        ImportTarget target = target(preview.request().entityKey());
        UUID batchId = Ids.newId(clock);
        ChangeReason reason = ChangeReason.of(ChangeReason.Kind.IMPORT, batchId.toString());
        ImportCounts counts = db.transactionResult(cfg -> {
            List<WrittenRow> written = target.write(cfg, actor, reason, preview.mapping(), preview.rows(), monitor);
            monitor.checkCancelled();
            ImportCounts done = ImportCounts.of(preview.rows());
            ImportBatchRepository batches = ImportBatchRepository.using(cfg, clock);
            batches.insert(actor, new ImportBatch(batchId, preview.request().entityKey(),
                    preview.file().getFileName().toString(), preview.sha256(), preview.sheetName(),
                    ImportBatch.Status.COMMITTED, done, null, null, null));
            batches.insertRows(batchId, written);
            ImportMappingRepository.using(cfg, clock).save(actor, preview.request().entityKey(),
                    preview.mapping().headerSignature(), MappingJson.write(preview.mapping()));
            return done;
        });
        return new ImportResult(batchId, counts, true);
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
