package io.salesdesk.app.ledgers;

import io.salesdesk.app.common.I18n;
import io.salesdesk.core.Actor;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.dispatch.DispatchResult;
import io.salesdesk.dispatch.DispatchService;
import io.salesdesk.ledger.imports.ImportResult;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imported leads arrive unassigned; like a lead typed into the form they go to reps at once. The
 * ledger module cannot call dispatch (dispatch depends on the CRM the ledger writes to), so the
 * wizard does it once the batch is written, on the same background thread.
 */
final class ImportedLeads {

    static final String ENTITY = "leads";

    private static final Logger LOG = LoggerFactory.getLogger(ImportedLeads.class);

    private ImportedLeads() {
    }

    /**
     * Dispatches every waiting lead the actor sees after an import that created leads.
     *
     * @return what dispatch did, in words; empty for other imports
     */
    static String dispatch(DispatchService dispatch, Actor actor, String entityKey, ImportResult result) {
        if (!ENTITY.equals(entityKey) || !result.committed() || result.counts().created() == 0) {
            return "";
        }
        try {
            List<DispatchResult> results = dispatch.dispatchWaiting(actor);
            long assigned = results.stream().filter(r -> r.assignment().assigned()).count();
            return I18n.get("ledgers.import.leadsDispatched", assigned, results.size() - assigned);
        } catch (SalesDeskException e) {
            // The import stands: the leads wait for a manager to dispatch them.
            LOG.warn("dispatch after lead import {} failed", result.batchId(), e);
            return I18n.get("ledgers.import.dispatchFailed", I18n.message(e));
        }
    }
}
