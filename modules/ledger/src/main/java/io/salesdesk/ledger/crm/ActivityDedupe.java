package io.salesdesk.ledger.crm;

import io.salesdesk.core.MatchText;
import io.salesdesk.crm.Activity;
import io.salesdesk.crm.ActivityRepository;
import io.salesdesk.ledger.imports.DuplicateDecision;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.imports.MatchKind;
import io.salesdesk.ledger.imports.RowMatch;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Finds follow-ups already on record. Follow-ups are history: the same customer, time, kind and
 * content is the same follow-up, whether earlier in the file or in the database, and an exported
 * row is the follow-up it came from. A duplicate is skipped, or recorded again if the user says
 * create; it is never updated, so "update" counts as skip.
 */
final class ActivityDedupe {

    private final ActivityRepository activities;

    ActivityDedupe(ActivityRepository activities) {
        this.activities = activities;
    }

    void run(List<ImportRow> rows) {
        List<ImportRow> candidates = rows.stream().filter(r -> r.problems().isEmpty()).toList();
        List<UUID> customerIds = new ArrayList<>();
        candidates.forEach(r -> customerIds.add(((ActivityPlan) r.plan()).customerId));
        Map<String, Activity> onRecord = new HashMap<>();
        Set<UUID> liveIds = new HashSet<>();
        for (Activity a : activities.findLiveByCustomerIds(customerIds)) {
            onRecord.putIfAbsent(key(a.customerId(), a.occurredAt(), a.kind().name(), a.note()), a);
            liveIds.add(a.id());
        }
        Map<String, Integer> seen = new HashMap<>();
        for (ImportRow row : candidates) {
            ActivityPlan plan = (ActivityPlan) row.plan();
            String key = key(plan.customerId, plan.draft.occurredAt(), plan.draft.kind().name(), plan.draft.note());
            if (plan.exportedId != null && liveIds.contains(plan.exportedId)) {
                row.matched(RowMatch.existing(MatchKind.ID, plan.exportedId, null, 1L));
            } else if (plan.exportedId != null) {
                // Removed from the record since export: reported, not brought back.
                row.markConflict();
            } else if (seen.containsKey(key)) {
                row.matched(RowMatch.earlierRow(MatchKind.NAME, seen.get(key)));
            } else if (onRecord.containsKey(key)) {
                Activity a = onRecord.get(key);
                row.matched(RowMatch.existing(MatchKind.NAME, a.id(), null, 1L));
            }
            seen.putIfAbsent(key, row.rowNumber());
            if (row.match() != null && row.decision() == DuplicateDecision.UPDATE) {
                row.decide(DuplicateDecision.SKIP);
            }
        }
    }

    // Same customer, same minute, same kind, same content once spacing and width are normalised.
    private static String key(UUID customerId, OffsetDateTime at, String kind, String note) {
        String content = note == null ? "" : MatchText.key(note);
        return customerId + "|" + at.toInstant().truncatedTo(ChronoUnit.MINUTES) + "|" + kind + "|" + content;
    }
}
