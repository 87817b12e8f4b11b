package io.salesdesk.ledger.imports;

import io.salesdesk.core.Actor;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.ledger.model.LedgerEntity;
import java.nio.file.Path;

/**
 * The SPI through which a module makes its records exportable as a ledger that imports back: the
 * same {@link LedgerEntity} as its {@link ImportTarget}, so the exported headers map without help.
 */
public interface ExportTarget {

    /** The entity exported; its key is the one {@code --entity} names. */
    LedgerEntity entity();

    /**
     * Refuses a viewer who may not export this entity (only an administrator exports the team
     * roster). By default everyone may; {@link #export} checks it too.
     *
     * @throws LedgerImportException saying who may
     */
    default void checkAllowed(Actor viewer) {
    }

    /**
     * Writes the records the viewer sees as an .xlsx ledger.
     *
     * @param viewer  whose list it is (visibility applies)
     * @param query   the customer list's filters; records that belong to customers (contacts,
     *                follow-ups) are those of the customers it selects
     * @param out     the .xlsx file; replaced if it exists
     * @param monitor progress and cancellation
     * @return how many records were written
     */
    int export(Actor viewer, CustomerQuery query, Path out, ImportMonitor monitor);

    /**
     * This exporter writing {@code extra}'s columns after its own (before the hidden id and version),
     * so a re-import maps them back. An exporter that cannot returns itself unchanged.
     */
    default ExportTarget withExtraColumns(ExtraColumns extra) {
        return this;
    }
}
