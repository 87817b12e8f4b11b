package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.crm.lead.LeadRepository;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.ledger.imports.RowAction;
import io.salesdesk.ledger.imports.UndoResult;
import io.salesdesk.ledger.imports.WrittenRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Takes an import batch of leads back: created leads are soft-deleted, updated ones get the values
 * the audit trail recorded before the batch. A lead whose version is no longer the one the batch
 * left is left alone and listed as a conflict, except a new lead only dispatch has touched since.
 */
final class LeadImportUndo {

    private final LeadRepository leads;
    private final ChangeLog changeLog;

    LeadImportUndo(LeadRepository leads, ChangeLog changeLog) {
        this.leads = leads;
        this.changeLog = changeLog;
    }

    UndoResult undo(Actor actor, ChangeReason reason, String batchId, List<WrittenRow> written) {
        int removed = 0;
        int restored = 0;
        List<UndoResult.Conflict> conflicts = new ArrayList<>();
        for (WrittenRow row : written) {
            // Regardless of visibility: the batch wrote these leads, and undo takes back what it wrote.
            Lead lead = leads.findAny(row.entityId()).orElse(null);
            boolean unchanged = lead != null && (lead.version() == row.versionAfter()
                    || row.action() == RowAction.CREATE && onlyDispatchedSince(lead));
            if (!unchanged) {
                conflicts.add(new UndoResult.Conflict(row.entityId(), lead == null ? null : lead.name(),
                        row.rowNumber()));
            } else if (row.action() == RowAction.CREATE) {
                leads.delete(actor, reason, lead.id(), lead.version());
                removed++;
            } else {
                restore(actor, reason, lead, batchId);
                restored++;
            }
        }
        return new UndoResult(UUID.fromString(batchId), removed, restored, conflicts);
    }

    /**
     * Whether nobody but the rules touched the new lead since the import: dispatch giving it to a
     * rep right after the import (kind RULE) does not make it someone's work yet, so undo still
     * removes it; a lead a rep has contacted or edited stays.
     */
    private boolean onlyDispatchedSince(Lead lead) {
        return lead.firstResponseAt() == null && lead.status().open()
                && changeLog.forEntity(lead.id()).stream()
                        .filter(e -> e.operation() == ChangeEntry.Operation.UPDATE)
                        .allMatch(e -> ChangeReason.Kind.RULE.name().equals(e.reasonKind()));
    }

    // The batch's entries are applied newest first, so a lead the batch changed twice ends at the
    // value from before the batch.
    private void restore(Actor actor, ChangeReason reason, Lead lead, String batchId) {
        LeadDraft d = lead.toDraft();
        for (Map<String, FieldChange> c : BatchChanges.updates(changeLog, lead.id(), batchId)) {
            String tier = BatchChanges.old(c, "tier", d.tier() == null ? null : d.tier().name());
            d = new LeadDraft(BatchChanges.old(c, "name", d.name()), BatchChanges.old(c, "contactName", d.contactName()),
                    BatchChanges.old(c, "phone", d.phone()), BatchChanges.old(c, "address", d.address()),
                    BatchChanges.old(c, "regionCode", d.regionCode()), BatchChanges.old(c, "industry", d.industry()),
                    tier == null ? null : Tier.valueOf(tier), BatchChanges.old(c, "source", d.source()),
                    BatchChanges.old(c, "note", d.note()));
        }
        LeadDraft before = d;
        leads.update(actor, reason, lead.id(), lead.version(), f -> f.withDraft(before));
    }
}
