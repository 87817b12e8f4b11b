package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityRepository;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.ledger.imports.RowAction;
import io.salesdesk.ledger.imports.UndoResult;
import io.salesdesk.ledger.imports.WrittenRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Takes an import batch of opportunities back: created deals are soft-deleted, updated ones get the
 * values (stage, rank and probability included) the audit trail recorded before the batch. A deal
 * whose version is no longer the one the batch left is left alone and listed as a conflict.
 */
final class OpportunityImportUndo {

    private final OpportunityRepository opportunities;
    private final OpportunityStages stages;
    private final ChangeLog changeLog;

    OpportunityImportUndo(OpportunityRepository opportunities, OpportunityStages stages, ChangeLog changeLog) {
        this.opportunities = opportunities;
        this.stages = stages;
        this.changeLog = changeLog;
    }

    UndoResult undo(Actor actor, ChangeReason reason, String batchId, List<WrittenRow> written) {
        int removed = 0;
        int restored = 0;
        List<UndoResult.Conflict> conflicts = new ArrayList<>();
        for (WrittenRow row : written) {
            // Regardless of visibility: the batch wrote these deals, and undo takes back what it wrote.
            Opportunity deal = opportunities.findAny(row.entityId()).orElse(null);
            if (deal == null || deal.version() != row.versionAfter()) {
                conflicts.add(new UndoResult.Conflict(row.entityId(), deal == null ? null : deal.name(),
                        row.rowNumber()));
            } else if (row.action() == RowAction.CREATE) {
                opportunities.delete(actor, reason, deal.id(), deal.version());
                removed++;
            } else {
                restore(actor, reason, deal, batchId);
                restored++;
            }
        }
        return new UndoResult(UUID.fromString(batchId), removed, restored, conflicts);
    }

    // The batch's entries are applied newest first, so a deal the batch changed twice ends at the
    // value from before the batch.
    private void restore(Actor actor, ChangeReason reason, Opportunity deal, String batchId) {
        OpportunityDraft d = deal.toDraft();
        int probability = deal.probability();
        String rank = deal.rank();
        for (Map<String, FieldChange> c : BatchChanges.updates(changeLog, deal.id(), batchId)) {
            String amount = BatchChanges.old(c, "amount", d.amount() == null ? null : d.amount().toPlainString());
            String closeOn = BatchChanges.old(c, "expectedCloseOn",
                    d.expectedCloseOn() == null ? null : d.expectedCloseOn().toString());
            d = new OpportunityDraft(BatchChanges.oldId(c, "customerId", d.customerId()),
                    BatchChanges.old(c, "name", d.name()), BatchChanges.oldId(c, "ownerId", d.ownerId()),
                    BatchChanges.old(c, "stage", d.stage()), amount == null ? null : new BigDecimal(amount),
                    closeOn == null ? null : LocalDate.parse(closeOn), null, BatchChanges.old(c, "products", d.products()),
                    BatchChanges.old(c, "closeReason", d.closeReason()));
            probability = Integer.parseInt(BatchChanges.old(c, "probability", Integer.toString(probability)));
            rank = BatchChanges.old(c, "boardRank", rank);
        }
        opportunities.update(actor, reason, deal.id(), deal.version(), d, probability,
                stages.code(d.stage()).closes(), rank);
    }
}
