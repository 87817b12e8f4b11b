package io.salesdesk.app.ledgers;

import io.salesdesk.app.AppContext;
import io.salesdesk.ledger.commerce.CommerceLedgers;
import io.salesdesk.ledger.crm.CustomerExport;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.ledger.CustomFieldLedgers;
import io.salesdesk.ledger.crm.CrmLedgers;
import io.salesdesk.ledger.imports.ImportBatch;
import io.salesdesk.ledger.imports.ImportHistory;
import io.salesdesk.ledger.imports.LedgerEntities;
import io.salesdesk.ledger.imports.LedgerImport;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ledgers a workspace can import and export: those of the CRM and of Commerce. */
public final class WorkspaceLedgers {

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceLedgers.class);

    private WorkspaceLedgers() {
    }

    /** The importable and exportable entities of the workspace. */
    public static LedgerEntities of(AppContext context) {
        return CustomFieldLedgers.withCustomFields(CrmLedgers.of(context.database(), context.clock(), context.regions(),
                        context.users(), context.customers()).and(CommerceLedgers.of(context.database(), context.clock())),
                context.customFields(), context.users(), context.regions(), context.clock());
    }

    /** The customer ledger export with the customers' custom fields, for the list's and the map's 导出. */
    public static CustomerExport customerExport(AppContext context) {
        return new CustomerExport(context.customers(), context.regions()).withExtraColumns(CustomFieldLedgers.columns(
                CustomEntity.CUSTOMER, context.customFields(), context.users(), context.regions()));
    }

    /**
     * Takes back an import that the app was closed on (or crashed in) half-way, before anyone works
     * with its rows. Does nothing without a signed-in user, whom the audit trail needs. A failure
     * is logged and does not keep the workspace from opening.
     */
    public static void rollBackUnfinishedImports(AppContext context) {
        // One query on a small table at start-up; the importers are only built when there is work.
        if (context.currentUser() == null
                || !new ImportHistory(context.database(), context.clock(), List.of()).hasUnfinished()) {
            return;
        }
        try {
            List<ImportBatch> taken = new LedgerImport(context.database(), context.clock(),
                    of(context).importTargets()).rollBackUnfinished(context.currentUser().asActor());
            taken.forEach(b -> LOG.warn("Took back import batch {} of {} ({}), which stopped before it finished",
                    b.id(), b.fileName(), b.entityKey()));
        } catch (RuntimeException e) {
            // The workspace still opens: the batch stays marked as being written (正在写入 in the
            // import history) and is tried again at the next start or import.
            LOG.error("Could not take back an import that stopped before it finished", e);
        }
    }
}
