package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.BoardRank;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.crm.lead.LeadRepository;
import io.salesdesk.crm.lead.LeadStatus;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.imports.ImportPhase;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.imports.RowAction;
import io.salesdesk.ledger.imports.WrittenRow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the planned lead rows in the caller's transaction. New leads arrive as a capture would
 * leave them: NEW, nobody's yet (dispatch gives them out after the import), at the top of the NEW
 * column with the first row of the file on top. Updates go one by one on the version read at
 * preview (a lead changed since becomes a conflict, never overwritten) and change only what the
 * lead says, not its status or owner. Later duplicates in the file set to "update" are merged into
 * the row they duplicate.
 */
final class LeadImportWriter {

    private static final int BATCH = 1000;

    private final LeadRepository leads;
    private final Clock clock;

    LeadImportWriter(LeadRepository leads, Clock clock) {
        this.leads = leads;
        this.clock = clock;
    }

    List<WrittenRow> write(Actor actor, ChangeReason reason, List<ImportRow> rows, ImportMonitor monitor) {
        Map<Integer, LeadPlan> byRow = new LinkedHashMap<>();
        Map<Integer, ImportRow> rowOf = new LinkedHashMap<>();
        for (ImportRow row : rows) {
            LeadPlan plan = (LeadPlan) row.plan();
            RowAction action = row.action();
            if (action == RowAction.CREATE) {
                plan.newId = Ids.newId(clock);
                plan.writeDraft = plan.given;
            } else if (action == RowAction.UPDATE && row.match().inFile()) {
                LeadPlan earlier = byRow.get(row.match().fileRowNumber());
                if (earlier != null) {
                    earlier.writeDraft = LeadPlan.overlay(earlier.writeDraft, plan.givenForUpdate());
                }
                continue;
            } else if (action == RowAction.UPDATE) {
                plan.writeDraft = plan.updateDraft;
            } else {
                continue;
            }
            byRow.put(row.rowNumber(), plan);
            rowOf.put(row.rowNumber(), row);
        }
        List<WrittenRow> written = new ArrayList<>();
        insert(actor, reason, byRow, written, monitor);
        update(actor, reason, byRow, rowOf, written, monitor);
        return written;
    }

    private void insert(Actor actor, ChangeReason reason, Map<Integer, LeadPlan> byRow, List<WrittenRow> written,
            ImportMonitor monitor) {
        int total = (int) byRow.values().stream().filter(p -> p.newId != null).count();
        List<String> ranks = ranksOnTop(total);
        List<LeadRepository.NewLead> batch = new ArrayList<>();
        int done = 0;
        for (Map.Entry<Integer, LeadPlan> entry : byRow.entrySet()) {
            LeadPlan plan = entry.getValue();
            if (plan.newId == null) {
                continue;
            }
            batch.add(new LeadRepository.NewLead(plan.newId, plan.writeDraft, LeadStatus.NEW, null, null, null, null,
                    ranks.get(done + batch.size()), null));
            written.add(new WrittenRow(plan.newId, RowAction.CREATE, entry.getKey(), 1L));
            if (batch.size() == BATCH) {
                done += flush(actor, reason, batch);
                monitor.checkCancelled();
                monitor.progress(ImportPhase.COMMIT, done, total);
            }
        }
        done += flush(actor, reason, batch);
        monitor.progress(ImportPhase.COMMIT, done, total);
    }

    // Each step goes above the last, so the ranks are reversed: the file's first row is the top card.
    private List<String> ranksOnTop(int count) {
        List<String> ranks = new ArrayList<>(count);
        String top = leads.topRank(LeadStatus.NEW).orElse(null);
        for (int i = 0; i < count; i++) {
            top = top == null ? BoardRank.first() : BoardRank.between(null, top);
            ranks.add(top);
        }
        Collections.reverse(ranks);
        return ranks;
    }

    private int flush(Actor actor, ChangeReason reason, List<LeadRepository.NewLead> batch) {
        int size = batch.size();
        leads.insertAll(actor, reason, List.copyOf(batch));
        batch.clear();
        return size;
    }

    private void update(Actor actor, ChangeReason reason, Map<Integer, LeadPlan> byRow, Map<Integer, ImportRow> rowOf,
            List<WrittenRow> written, ImportMonitor monitor) {
        for (Map.Entry<Integer, LeadPlan> entry : byRow.entrySet()) {
            LeadPlan plan = entry.getValue();
            if (plan.newId != null) {
                continue;
            }
            monitor.checkCancelled();
            LeadDraft draft = plan.writeDraft;
            try {
                Lead updated = leads.update(actor, reason, plan.targetId, plan.expectedVersion, f -> f.withDraft(draft));
                written.add(new WrittenRow(updated.id(), RowAction.UPDATE, entry.getKey(), updated.version()));
            } catch (StaleRecordException e) {
                // Changed by someone else between preview and commit: reported, not overwritten.
                rowOf.get(entry.getKey()).markConflict();
            }
        }
    }
}
