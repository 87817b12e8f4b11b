package io.salesdesk.ledger.imports;

import static io.salesdesk.db.jooq.Tables.IMPORT_BATCH;
import static io.salesdesk.db.jooq.Tables.IMPORT_BATCH_ROW;

import io.salesdesk.core.Actor;
import io.salesdesk.db.BulkInsert;
import io.salesdesk.db.jooq.tables.records.ImportBatchRecord;
import io.salesdesk.db.jooq.tables.records.ImportBatchRowRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The import history (table {@code import_batch}) and the rows each batch wrote. */
public final class ImportBatchRepository {

    private final DSLContext dsl;
    private final Clock clock;

    private ImportBatchRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
    }

    /** A repository working in the given transaction. */
    public static ImportBatchRepository using(Configuration configuration, Clock clock) {
        return new ImportBatchRepository(configuration, clock);
    }

    /** Records a committed batch with its counts. */
    public void insert(Actor actor, ImportBatch batch) {
        OffsetDateTime now = now();
        ImportBatchRecord r = dsl.newRecord(IMPORT_BATCH);
        r.setId(batch.id());
        r.setEntity(batch.entityKey());
        r.setFileName(truncate(batch.fileName(), 500));
        r.setFileSha256(batch.sha256());
        r.setSheetName(truncate(batch.sheetName(), 200));
        r.setStatus(batch.status().name());
        r.setRowsCreated(batch.counts().created());
        r.setRowsUpdated(batch.counts().updated());
        r.setRowsSkipped(batch.counts().skipped() + batch.counts().conflicts());
        r.setRowsInvalid(batch.counts().invalid());
        r.setImportedByName(actor == null ? null : truncate(actor.displayName(), 100));
        r.setVersion(1L);
        r.setCreatedAt(now);
        r.setCreatedBy(actor == null ? null : actor.userId());
        r.setUpdatedAt(now);
        r.setUpdatedBy(actor == null ? null : actor.userId());
        r.insert();
    }

    /** Records the rows a batch wrote. */
    public void insertRows(UUID batchId, List<WrittenRow> rows) {
        List<ImportBatchRowRecord> records = new ArrayList<>(rows.size());
        for (WrittenRow row : rows) {
            ImportBatchRowRecord r = dsl.newRecord(IMPORT_BATCH_ROW);
            r.setBatchId(batchId);
            r.setEntityId(row.entityId());
            r.setRowAction(row.action().name());
            r.setSourceRow(row.rowNumber());
            r.setVersionAfter(row.versionAfter());
            records.add(r);
        }
        BulkInsert.insert(dsl, records);
    }

    /** The rows a batch wrote, in ledger order. */
    public List<WrittenRow> rows(UUID batchId) {
        return dsl.selectFrom(IMPORT_BATCH_ROW).where(IMPORT_BATCH_ROW.BATCH_ID.eq(batchId))
                .orderBy(IMPORT_BATCH_ROW.SOURCE_ROW)
                .fetch(r -> new WrittenRow(r.getEntityId(), RowAction.valueOf(r.getRowAction()), r.getSourceRow(),
                        r.getVersionAfter()));
    }

    /** The newest batches first. */
    public List<ImportBatch> latest(int limit) {
        return dsl.selectFrom(IMPORT_BATCH).where(IMPORT_BATCH.DELETED_AT.isNull())
                .orderBy(IMPORT_BATCH.CREATED_AT.desc(), IMPORT_BATCH.ID.desc())
                .limit(limit)
                .fetch(ImportBatchRepository::toBatch);
    }

    /** A batch by id. */
    public Optional<ImportBatch> find(UUID id) {
        return dsl.selectFrom(IMPORT_BATCH).where(IMPORT_BATCH.ID.eq(id), IMPORT_BATCH.DELETED_AT.isNull())
                .fetchOptional(ImportBatchRepository::toBatch);
    }

    /** Marks a batch undone; returns false if it was undone already (or meanwhile). */
    public boolean markUndone(Actor actor, UUID id) {
        OffsetDateTime now = now();
        return dsl.update(IMPORT_BATCH)
                .set(IMPORT_BATCH.STATUS, ImportBatch.Status.UNDONE.name())
                .set(IMPORT_BATCH.UNDONE_AT, now)
                .set(IMPORT_BATCH.UNDONE_BY, actor == null ? null : actor.userId())
                .set(IMPORT_BATCH.VERSION, IMPORT_BATCH.VERSION.plus(1))
                .set(IMPORT_BATCH.UPDATED_AT, now)
                .set(IMPORT_BATCH.UPDATED_BY, actor == null ? null : actor.userId())
                .where(IMPORT_BATCH.ID.eq(id), IMPORT_BATCH.STATUS.eq(ImportBatch.Status.COMMITTED.name()))
                .execute() == 1;
    }

    /**
     * Ends a batch written in chunks: its status goes from writing to committed, with the final
     * counts (rows whose record changed meanwhile are only known once written).
     *
     * @return false if the batch was not being written
     */
    public boolean markCommitted(Actor actor, UUID id, ImportCounts counts) {
        OffsetDateTime now = now();
        return dsl.update(IMPORT_BATCH)
                .set(IMPORT_BATCH.STATUS, ImportBatch.Status.COMMITTED.name())
                .set(IMPORT_BATCH.ROWS_CREATED, counts.created())
                .set(IMPORT_BATCH.ROWS_UPDATED, counts.updated())
                .set(IMPORT_BATCH.ROWS_SKIPPED, counts.skipped() + counts.conflicts())
                .set(IMPORT_BATCH.ROWS_INVALID, counts.invalid())
                .set(IMPORT_BATCH.VERSION, IMPORT_BATCH.VERSION.plus(1))
                .set(IMPORT_BATCH.UPDATED_AT, now)
                .set(IMPORT_BATCH.UPDATED_BY, actor == null ? null : actor.userId())
                .where(IMPORT_BATCH.ID.eq(id), IMPORT_BATCH.STATUS.eq(ImportBatch.Status.WRITING.name()))
                .execute() == 1;
    }

    /** Records that a batch stopped while being written was taken back. */
    public void markRolledBack(Actor actor, UUID id) {
        OffsetDateTime now = now();
        dsl.update(IMPORT_BATCH)
                .set(IMPORT_BATCH.STATUS, ImportBatch.Status.ROLLED_BACK.name())
                .set(IMPORT_BATCH.UNDONE_AT, now)
                .set(IMPORT_BATCH.UNDONE_BY, actor == null ? null : actor.userId())
                .set(IMPORT_BATCH.VERSION, IMPORT_BATCH.VERSION.plus(1))
                .set(IMPORT_BATCH.UPDATED_AT, now)
                .set(IMPORT_BATCH.UPDATED_BY, actor == null ? null : actor.userId())
                .where(IMPORT_BATCH.ID.eq(id), IMPORT_BATCH.STATUS.eq(ImportBatch.Status.WRITING.name()))
                .execute();
    }

    /** Removes a batch that stopped before it wrote any row: there is nothing to show or take back. */
    public void deleteUnwritten(UUID id) {
        dsl.deleteFrom(IMPORT_BATCH)
                .where(IMPORT_BATCH.ID.eq(id), IMPORT_BATCH.STATUS.eq(ImportBatch.Status.WRITING.name()))
                .andNotExists(dsl.selectOne().from(IMPORT_BATCH_ROW).where(IMPORT_BATCH_ROW.BATCH_ID.eq(id)))
                .execute();
    }

    /** Batches still marked as being written: an import that stopped before it finished, oldest first. */
    public List<ImportBatch> unfinished() {
        return dsl.selectFrom(IMPORT_BATCH)
                .where(IMPORT_BATCH.STATUS.eq(ImportBatch.Status.WRITING.name()), IMPORT_BATCH.DELETED_AT.isNull())
                .orderBy(IMPORT_BATCH.CREATED_AT, IMPORT_BATCH.ID)
                .fetch(ImportBatchRepository::toBatch);
    }

    private static ImportBatch toBatch(ImportBatchRecord r) {
        return new ImportBatch(r.getId(), r.getEntity(), r.getFileName(), r.getFileSha256(), r.getSheetName(),
                ImportBatch.Status.valueOf(r.getStatus()),
                new ImportCounts(r.getRowsCreated(), r.getRowsUpdated(), r.getRowsSkipped(), r.getRowsInvalid(), 0),
                r.getImportedByName(), r.getCreatedAt(), r.getUndoneAt());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
