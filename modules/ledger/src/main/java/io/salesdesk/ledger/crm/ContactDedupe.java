package io.salesdesk.ledger.crm;

import io.salesdesk.core.MatchText;
import io.salesdesk.crm.Contact;
import io.salesdesk.crm.ContactRepository;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.imports.MatchKind;
import io.salesdesk.ledger.imports.RowMatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finds the duplicates of contact rows: a row with the hidden id of an export is that contact;
 * others match, within the same customer, an earlier row of the file first and then a contact in
 * the database, by name and then by mobile number. Landlines are not compared: colleagues share an
 * office line. Two rows that match the same contact are one person: the later row duplicates the
 * earlier. Two bulk queries, not one per row.
 */
final class ContactDedupe {

    private final ContactRepository contacts;

    ContactDedupe(ContactRepository contacts) {
        this.contacts = contacts;
    }

    void run(List<ImportRow> rows) {
        List<ImportRow> candidates = rows.stream().filter(r -> r.problems().isEmpty()).toList();
        List<UUID> exportedIds = new ArrayList<>();
        List<UUID> customerIds = new ArrayList<>();
        for (ImportRow row : candidates) {
            ContactPlan plan = (ContactPlan) row.plan();
            if (plan.exportedId != null) {
                exportedIds.add(plan.exportedId);
            }
            customerIds.add(plan.customerId);
        }
        Map<UUID, Contact> byId = new HashMap<>();
        contacts.findLiveByIds(exportedIds).forEach(c -> byId.put(c.id(), c));
        Map<String, Contact> byName = new HashMap<>();
        Map<String, Contact> byPhone = new HashMap<>();
        for (Contact c : contacts.findLiveByCustomerIds(customerIds)) {
            // The oldest contact wins when several share a key: ids are time-ordered.
            byName.merge(key(c.customerId(), name(c.name())), c, ContactDedupe::older);
            for (String phone : new String[] {c.mobile(), c.phone()}) {
                if (isMobile(phone)) {
                    byPhone.merge(key(c.customerId(), phone), c, ContactDedupe::older);
                }
            }
        }
        Map<String, Integer> seenName = new HashMap<>();
        Map<String, Integer> seenPhone = new HashMap<>();
        Map<UUID, Integer> claimed = new HashMap<>();
        for (ImportRow row : candidates) {
            ContactPlan plan = (ContactPlan) row.plan();
            if (plan.exportedId != null) {
                matchById(row, plan, byId.get(plan.exportedId));
                continue;
            }
            String nameKey = key(plan.customerId, name(plan.given.name()));
            List<String> phoneKeys = new ArrayList<>();
            for (String phone : new String[] {plan.given.mobile(), plan.given.phone()}) {
                if (isMobile(phone)) {
                    phoneKeys.add(key(plan.customerId, phone));
                }
            }
            RowMatch match = earlier(MatchKind.NAME, seenName, nameKey);
            for (String phoneKey : phoneKeys) {
                match = match != null ? match : earlier(MatchKind.PHONE, seenPhone, phoneKey);
            }
            if (match == null) {
                match = existing(plan, MatchKind.NAME, byName.get(nameKey));
            }
            for (String phoneKey : phoneKeys) {
                match = match != null ? match : existing(plan, MatchKind.PHONE, byPhone.get(phoneKey));
            }
            if (match != null && !match.inFile()) {
                Integer first = claimed.putIfAbsent(match.existingId(), row.rowNumber());
                if (first != null) {
                    match = RowMatch.earlierRow(match.kind(), first);
                }
            }
            row.matched(match);
            seenName.putIfAbsent(nameKey, row.rowNumber());
            phoneKeys.forEach(k -> seenPhone.putIfAbsent(k, row.rowNumber()));
        }
    }

    // An exported row updates its own contact, unless someone changed or deleted it since export.
    private static void matchById(ImportRow row, ContactPlan plan, Contact existing) {
        RowMatch match = existing == null ? null
                : RowMatch.existing(MatchKind.ID, existing.id(), existing.name(), existing.version());
        if (!ExportedRow.matchById(row, plan.exportedVersion, match)) {
            return;
        }
        plan.targetId = existing.id();
        plan.expectedVersion = existing.version();
        plan.updateDraft = ContactPlan.cleared(plan.given.over(existing.toDraft()), plan.blankColumns);
        ExportedRow.skipIfUnchanged(row, plan.updateDraft, existing.toDraft());
    }

    private static RowMatch existing(ContactPlan plan, MatchKind kind, Contact contact) {
        if (contact == null) {
            return null;
        }
        plan.targetId = contact.id();
        plan.expectedVersion = contact.version();
        plan.updateDraft = plan.given.forMatch(kind).over(contact.toDraft());
        return RowMatch.existing(kind, contact.id(), contact.name(), contact.version());
    }

    private static RowMatch earlier(MatchKind kind, Map<String, Integer> seen, String key) {
        Integer rowNumber = seen.get(key);
        return rowNumber == null ? null : RowMatch.earlierRow(kind, rowNumber);
    }

    // Normalised mobiles are 11 digits starting with 1; landlines carry an area code and a dash.
    private static boolean isMobile(String phone) {
        return phone != null && phone.length() == 11 && phone.charAt(0) == '1' && phone.chars().allMatch(Character::isDigit);
    }

    private static Contact older(Contact a, Contact b) {
        return a.id().compareTo(b.id()) <= 0 ? a : b;
    }

    private static String key(UUID customerId, String value) {
        return customerId + "|" + value;
    }

    // 张 伟 and 张伟 are one person; so are full-width and half-width spellings.
    private static String name(String name) {
        return MatchText.key(name);
    }
}
