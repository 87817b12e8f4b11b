package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.BoardRank;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityRepository;
import io.salesdesk.crm.OpportunityStage;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.imports.ImportPhase;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.imports.RowAction;
import io.salesdesk.ledger.imports.WrittenRow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the planned opportunity rows in the caller's transaction: creates in batches at the bottom
 * of their stage's column, in file order; updates one by one on the version read at preview (a
 * deal changed since becomes a conflict, never overwritten). A deal an update moves to another
 * stage goes to the bottom of that column and takes the stage's probability unless the row gives
 * its own, as a move on the board would. Later duplicates in the file set to "update" are merged
 * into the row they duplicate.
 */
final class OpportunityImportWriter {

    private static final int BATCH = 1000;

    private final OpportunityRepository opportunities;
    private final OpportunityStages stages;
    private final Clock clock;
    /** The bottom rank of each stage's column so far: read once, then moved down by each row placed. */
    private final Map<String, String> bottom = new HashMap<>();

    OpportunityImportWriter(OpportunityRepository opportunities, OpportunityStages stages, Clock clock) {
        this.opportunities = opportunities;
        this.stages = stages;
        this.clock = clock;
    }

    List<WrittenRow> write(Actor actor, ChangeReason reason, List<ImportRow> rows, ImportMonitor monitor) {
        Map<Integer, OpportunityPlan> byRow = new LinkedHashMap<>();
        Map<Integer, ImportRow> rowOf = new LinkedHashMap<>();
        for (ImportRow row : rows) {
            OpportunityPlan plan = (OpportunityPlan) row.plan();
            RowAction action = row.action();
            if (action == RowAction.CREATE) {
                plan.newId = Ids.newId(clock);
                plan.writeDraft = plan.newDraft;
            } else if (action == RowAction.UPDATE && row.match().inFile()) {
                OpportunityPlan earlier = byRow.get(row.match().fileRowNumber());
                if (earlier != null) {
                    OpportunityDraft g = plan.given;
                    earlier.writeDraft = OpportunityPlan.overlay(earlier.writeDraft, new OpportunityDraft(
                            g.customerId(), null, g.ownerId(), g.stage(), g.amount(), g.expectedCloseOn(),
                            g.probability(), g.products(), g.closeReason()));
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

    private void insert(Actor actor, ChangeReason reason, Map<Integer, OpportunityPlan> byRow,
            List<WrittenRow> written, ImportMonitor monitor) {
        List<OpportunityRepository.NewOpportunity> batch = new ArrayList<>();
        int total = (int) byRow.values().stream().filter(p -> p.newId != null).count();
        int done = 0;
        for (Map.Entry<Integer, OpportunityPlan> entry : byRow.entrySet()) {
            OpportunityPlan plan = entry.getValue();
            if (plan.newId == null) {
                continue;
            }
            OpportunityDraft d = plan.writeDraft;
            OpportunityStage stage = stages.code(d.stage());
            OpportunityDraft draft = new OpportunityDraft(d.customerId(), d.name(), d.ownerId(), d.stage(),
                    d.amount(), d.expectedCloseOn(), d.probability(), d.products(),
                    stage.closes() ? d.closeReason() : null);
            batch.add(new OpportunityRepository.NewOpportunity(plan.newId, draft,
                    d.probability() != null ? d.probability() : stage.probability(), nextAtBottom(stage.code()), null));
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

    private int flush(Actor actor, ChangeReason reason, List<OpportunityRepository.NewOpportunity> batch) {
        int size = batch.size();
        opportunities.insertAll(actor, reason, List.copyOf(batch));
        batch.clear();
        return size;
    }

    private void update(Actor actor, ChangeReason reason, Map<Integer, OpportunityPlan> byRow,
            Map<Integer, ImportRow> rowOf, List<WrittenRow> written, ImportMonitor monitor) {
        for (Map.Entry<Integer, OpportunityPlan> entry : byRow.entrySet()) {
            OpportunityPlan plan = entry.getValue();
            if (plan.newId != null) {
                continue;
            }
            monitor.checkCancelled();
            OpportunityDraft d = plan.writeDraft;
            OpportunityStage stage = stages.code(d.stage());
            boolean moved = !stage.code().equals(plan.currentStage);
            int probability = d.probability() == null || (moved && d.probability() == plan.currentProbability)
                    ? stage.probability() : d.probability();
            try {
                Opportunity updated = opportunities.update(actor, reason, plan.targetId, plan.expectedVersion, d,
                        probability, stage.closes(), moved ? nextAtBottom(stage.code()) : plan.currentRank);
                written.add(new WrittenRow(updated.id(), RowAction.UPDATE, entry.getKey(), updated.version()));
            } catch (StaleRecordException e) {
                // Changed by someone else between preview and commit: reported, not overwritten.
                rowOf.get(entry.getKey()).markConflict();
            }
        }
    }

    private String nextAtBottom(String stage) {
        String last = bottom.computeIfAbsent(stage, s -> opportunities.edgeRank(s, false).orElse(null));
        String rank = BoardRank.between(last, null);
        bottom.put(stage, rank);
        return rank;
    }
}
