package io.salesdesk.ledger.imports;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.ledger.map.ColumnMapping;
import io.salesdesk.ledger.model.LedgerEntity;
import java.util.List;
import org.jooq.Configuration;

/**
 * The SPI through which a module makes its records importable: it describes the entity's fields,
 * checks converted rows against its rules, finds duplicates, and writes and undoes rows through its
 * own repositories. The pipeline ({@link LedgerImport}) does everything else.
 */
public interface ImportTarget {

    /** The fields a ledger can map to, with their synonyms. */
    LedgerEntity entity();

    /**
     * Refuses an actor who may not import this entity (only an administrator brings in the team
     * roster). Called before the file is read; by default everyone may.
     *
     * @throws LedgerImportException saying who may
     */
    default void checkAllowed(Actor actor) {
    }

    /**
     * Resolves references (owner, region), applies the module's validation rules and finds duplicates
     * in the file and the database; adds problems and matches to the rows.
     *
     * @param actor   who imports
     * @param mapping the mapping in use (which fields the ledger has)
     * @param rows    the converted rows, top to bottom
     * @param monitor progress and cancellation
     */
    void prepare(Actor actor, ColumnMapping mapping, List<ImportRow> rows, ImportMonitor monitor);

    /**
     * Writes the rows whose action is create or update, in the caller's transaction.
     *
     * @param configuration the transaction
     * @param actor         who imports
     * @param reason        the import batch, for the audit trail of every row
     * @param mapping       the mapping in use
     * @param rows          all rows, top to bottom; only create and update rows are written
     * @param monitor       progress and cancellation
     * @return the records written, for undo
     */
    List<WrittenRow> write(Configuration configuration, Actor actor, ChangeReason reason, ColumnMapping mapping,
            List<ImportRow> rows, ImportMonitor monitor);

    /**
     * Whether {@link #write} may be given the rows in chunks, each in a transaction of its own, on
     * an embedded database (see {@link LedgerImport#commit}). True only for a writer that relates
     * no row to another except a later duplicate to the earlier row it updates, which
     * {@code ImportChunks} keeps together. By default the whole import is one transaction.
     */
    default boolean writesInChunks() {
        return false;
    }

    /**
     * Undoes a batch in the caller's transaction: removes created records and restores updated ones
     * from the audit trail, leaving alone records changed since.
     *
     * @param configuration the transaction
     * @param actor         who undoes
     * @param reason        the undo, for the audit trail
     * @param batchId       the batch's id as the audit trail records it
     * @param written       the records the batch wrote
     * @return removed, restored and conflicting records
     */
    UndoResult undo(Configuration configuration, Actor actor, ChangeReason reason, String batchId,
            List<WrittenRow> written);
}
