package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.MatchText;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityRepository;
import io.salesdesk.crm.OpportunityRules;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.imports.MatchKind;
import io.salesdesk.ledger.imports.RowMatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finds the duplicates of opportunity rows: a row with the hidden id of an export is that deal;
 * others match, within the same customer, an earlier row of the file first and then a deal the
 * importer sees on record, by name once spacing, width and case are normalised (监护仪 20 台 and
 * 监护仪20台 are one deal). Two rows that match the same deal: the later duplicates the earlier. Two
 * bulk queries, not one per row.
 */
final class OpportunityDedupe {

    private final OpportunityRepository opportunities;
    private final OpportunityStages stages;
    private final RowCells cells;

    OpportunityDedupe(OpportunityRepository opportunities, OpportunityStages stages, RowCells cells) {
        this.opportunities = opportunities;
        this.stages = stages;
        this.cells = cells;
    }

    void run(Actor actor, List<ImportRow> rows) {
        List<ImportRow> candidates = rows.stream().filter(r -> r.problems().isEmpty()).toList();
        List<UUID> exportedIds = new ArrayList<>();
        List<UUID> customerIds = new ArrayList<>();
        for (ImportRow row : candidates) {
            OpportunityPlan plan = (OpportunityPlan) row.plan();
            if (plan.exportedId != null) {
                exportedIds.add(plan.exportedId);
            }
            customerIds.add(plan.customerId);
        }
        Map<UUID, Opportunity> byId = new HashMap<>();
        opportunities.findLiveByIds(actor, exportedIds).forEach(o -> byId.put(o.id(), o));
        Map<String, Opportunity> byName = new HashMap<>();
        // Ordered by id: the oldest deal wins when several share a name.
        for (Opportunity o : opportunities.findLiveByCustomerIds(actor, customerIds)) {
            byName.putIfAbsent(key(o.customerId(), o.name()), o);
        }
        Map<String, Integer> seen = new HashMap<>();
        Map<UUID, Integer> claimed = new HashMap<>();
        for (ImportRow row : candidates) {
            OpportunityPlan plan = (OpportunityPlan) row.plan();
            if (plan.exportedId != null) {
                matchById(row, plan, byId.get(plan.exportedId));
                continue;
            }
            String key = key(plan.customerId, plan.given.name());
            RowMatch match = seen.containsKey(key) ? RowMatch.earlierRow(MatchKind.NAME, seen.get(key)) : null;
            if (match == null && byName.containsKey(key)) {
                match = existing(plan, byName.get(key));
                Integer first = claimed.putIfAbsent(match.existingId(), row.rowNumber());
                if (first != null) {
                    match = RowMatch.earlierRow(MatchKind.NAME, first);
                }
            }
            row.matched(match);
            seen.putIfAbsent(key, row.rowNumber());
        }
    }

    // An exported row updates its own deal, unless someone changed or deleted it since export.
    private void matchById(ImportRow row, OpportunityPlan plan, Opportunity existing) {
        RowMatch match = existing == null ? null
                : RowMatch.existing(MatchKind.ID, existing.id(), existing.name(), existing.version());
        if (!ExportedRow.matchById(row, plan.exportedVersion, match)) {
            return;
        }
        remember(plan, existing);
        plan.updateDraft = OpportunityPlan.cleared(OpportunityPlan.overlay(existing.toDraft(), plan.given),
                plan.blankColumns);
        // Emptying 金额 of a deal at 报价 is refused as the form would refuse it.
        for (FieldProblem p : OpportunityRules.problems(plan.updateDraft, stages.code(plan.updateDraft.stage()))) {
            cells.problem(row, p.field(), RowCells.text(row, p.field()), p.messageKey(), p.arguments().toArray());
        }
        ExportedRow.skipIfUnchanged(row, plan.updateDraft, existing.toDraft());
    }

    private static RowMatch existing(OpportunityPlan plan, Opportunity deal) {
        remember(plan, deal);
        // A name that only matched once normalised ("监护仪 20 台") does not replace the name as written.
        OpportunityDraft g = plan.given;
        plan.updateDraft = OpportunityPlan.overlay(deal.toDraft(), new OpportunityDraft(g.customerId(), null,
                g.ownerId(), g.stage(), g.amount(), g.expectedCloseOn(), g.probability(), g.products(), g.closeReason()));
        return RowMatch.existing(MatchKind.NAME, deal.id(), deal.name(), deal.version());
    }

    private static void remember(OpportunityPlan plan, Opportunity deal) {
        plan.targetId = deal.id();
        plan.expectedVersion = deal.version();
        plan.currentStage = deal.stage();
        plan.currentProbability = deal.probability();
        plan.currentRank = deal.rank();
    }

    private static String key(UUID customerId, String name) {
        String normal = name == null ? "" : MatchText.key(name);
        return customerId + "|" + normal;
    }
}
