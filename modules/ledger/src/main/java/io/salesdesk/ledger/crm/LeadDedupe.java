package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.CompanyName;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadFilter;
import io.salesdesk.crm.lead.LeadRepository;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.imports.MatchKind;
import io.salesdesk.ledger.imports.RowMatch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finds the duplicates of lead rows: a row matches an earlier row of the file first, then a lead
 * the importer sees on record, by normalised name (上海瑞康（集团） = 上海 瑞康(集团)), then by phone.
 * Leads carry no normalised-name column, so the leads on record are read once and compared here,
 * not queried per row. Two rows that match the same lead: the later duplicates the earlier.
 */
final class LeadDedupe {

    private final LeadRepository leads;

    LeadDedupe(LeadRepository leads) {
        this.leads = leads;
    }

    void run(Actor actor, List<ImportRow> rows) {
        Map<String, Lead> byName = new HashMap<>();
        Map<String, Lead> byPhone = new HashMap<>();
        for (Lead lead : leads.list(actor, LeadFilter.all(), Integer.MAX_VALUE)) {
            // The oldest lead wins when several share a key: ids are time-ordered.
            index(byName, CompanyName.normalise(lead.name()), lead);
            index(byPhone, lead.phone(), lead);
        }
        Map<String, Integer> seenName = new HashMap<>();
        Map<String, Integer> seenPhone = new HashMap<>();
        Map<UUID, Integer> claimed = new HashMap<>();
        for (ImportRow row : rows) {
            if (!row.problems().isEmpty()) {
                continue;
            }
            LeadPlan plan = (LeadPlan) row.plan();
            String name = CompanyName.normalise(plan.given.name());
            String phone = plan.given.phone();
            RowMatch match = earlier(MatchKind.NAME, seenName, name);
            if (match == null) {
                match = earlier(MatchKind.PHONE, seenPhone, phone);
            }
            if (match == null) {
                match = existing(plan, MatchKind.NAME, name == null ? null : byName.get(name));
            }
            if (match == null) {
                match = existing(plan, MatchKind.PHONE, phone == null ? null : byPhone.get(phone));
            }
            if (match != null && !match.inFile()) {
                Integer first = claimed.putIfAbsent(match.existingId(), row.rowNumber());
                if (first != null) {
                    match = RowMatch.earlierRow(match.kind(), first);
                }
            }
            row.matched(match);
            remember(seenName, name, row);
            remember(seenPhone, phone, row);
        }
    }

    private static RowMatch existing(LeadPlan plan, MatchKind kind, Lead lead) {
        if (lead == null) {
            return null;
        }
        plan.targetId = lead.id();
        plan.expectedVersion = lead.version();
        plan.updateDraft = LeadPlan.overlay(lead.toDraft(), plan.givenForUpdate());
        return RowMatch.existing(kind, lead.id(), lead.name(), lead.version());
    }

    private static void index(Map<String, Lead> map, String key, Lead lead) {
        if (key != null && !key.isEmpty()) {
            map.merge(key, lead, (a, b) -> a.id().compareTo(b.id()) <= 0 ? a : b);
        }
    }

    private static RowMatch earlier(MatchKind kind, Map<String, Integer> seen, String key) {
        Integer rowNumber = key == null ? null : seen.get(key);
        return rowNumber == null ? null : RowMatch.earlierRow(kind, rowNumber);
    }

    private static void remember(Map<String, Integer> seen, String key, ImportRow row) {
        if (key != null && !key.isEmpty()) {
            seen.putIfAbsent(key, row.rowNumber());
        }
    }
}
