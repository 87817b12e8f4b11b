package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.crm.Contact;
import io.salesdesk.crm.ContactRepository;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.imports.ImportPhase;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.imports.RowAction;
import io.salesdesk.ledger.imports.WrittenRow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes the planned contact rows in the caller's transaction: creates in batches, updates one by
 * one on the version read at preview (a contact changed since becomes a conflict). A customer has
 * one main contact: the last row that says 主要联系人 = 是 keeps the flag and the customer's other
 * contacts lose it, recorded in the batch so undo gives it back.
 */
final class ContactImportWriter {

    private static final int BATCH = 1000;

    private final ContactRepository contacts;
    private final Clock clock;

    ContactImportWriter(ContactRepository contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    List<WrittenRow> write(Actor actor, ChangeReason reason, List<ImportRow> rows, ImportMonitor monitor) {
        Map<Integer, ContactPlan> byRow = new LinkedHashMap<>();
        Map<Integer, ImportRow> rowOf = new LinkedHashMap<>();
        for (ImportRow row : rows) {
            ContactPlan plan = (ContactPlan) row.plan();
            RowAction action = row.action();
            if (action == RowAction.CREATE) {
                plan.newId = Ids.newId(clock);
                plan.writeDraft = plan.given.asNew();
            } else if (action == RowAction.UPDATE && row.match().inFile()) {
                ContactPlan earlier = byRow.get(row.match().fileRowNumber());
                if (earlier != null) {
                    earlier.writeDraft = plan.given.forMatch(row.match().kind()).over(earlier.writeDraft);
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
        Map<UUID, Integer> primaryRowOfCustomer = onePrimaryPerCustomer(byRow);
        List<WrittenRow> written = new ArrayList<>();
        insert(actor, reason, byRow, written, monitor);
        update(actor, reason, byRow, rowOf, written, monitor);
        clearOtherPrimaries(actor, reason, primaryRowOfCustomer, byRow, written);
        return written;
    }

    // The last row per customer that says 主要联系人 = 是 wins; earlier ones in the file are written without it.
    private static Map<UUID, Integer> onePrimaryPerCustomer(Map<Integer, ContactPlan> byRow) {
        Map<UUID, Integer> keeper = new LinkedHashMap<>();
        byRow.forEach((rowNumber, plan) -> {
            if (Boolean.TRUE.equals(plan.given.primary()) && plan.writeDraft.primary()) {
                keeper.put(plan.customerId, rowNumber);
            }
        });
        byRow.forEach((rowNumber, plan) -> {
            Integer keep = keeper.get(plan.customerId);
            if (keep != null && !keep.equals(rowNumber) && plan.writeDraft.primary()) {
                plan.writeDraft = ContactPlan.withPrimary(plan.writeDraft, false);
            }
        });
        return keeper;
    }

    private void insert(Actor actor, ChangeReason reason, Map<Integer, ContactPlan> byRow, List<WrittenRow> written,
            ImportMonitor monitor) {
        List<ContactRepository.NewContact> batch = new ArrayList<>();
        int done = 0;
        for (Map.Entry<Integer, ContactPlan> entry : byRow.entrySet()) {
            ContactPlan plan = entry.getValue();
            if (plan.newId == null) {
                continue;
            }
            batch.add(new ContactRepository.NewContact(plan.newId, plan.customerId, plan.writeDraft));
            written.add(new WrittenRow(plan.newId, RowAction.CREATE, entry.getKey(), 1L));
            if (batch.size() == BATCH) {
                done += flush(actor, reason, batch);
                monitor.checkCancelled();
                monitor.progress(ImportPhase.COMMIT, done, byRow.size());
            }
        }
        done += flush(actor, reason, batch);
        monitor.progress(ImportPhase.COMMIT, done, byRow.size());
    }

    private int flush(Actor actor, ChangeReason reason, List<ContactRepository.NewContact> batch) {
        int size = batch.size();
        contacts.insertAll(actor, reason, List.copyOf(batch));
        batch.clear();
        return size;
    }

    private void update(Actor actor, ChangeReason reason, Map<Integer, ContactPlan> byRow,
            Map<Integer, ImportRow> rowOf, List<WrittenRow> written, ImportMonitor monitor) {
        for (Map.Entry<Integer, ContactPlan> entry : byRow.entrySet()) {
            ContactPlan plan = entry.getValue();
            if (plan.newId != null) {
                continue;
            }
            monitor.checkCancelled();
            try {
                Contact updated = contacts.update(actor, reason, plan.targetId, plan.expectedVersion, plan.writeDraft);
                written.add(new WrittenRow(updated.id(), RowAction.UPDATE, entry.getKey(), updated.version()));
            } catch (StaleRecordException e) {
                // Changed by someone else between preview and commit: reported, not overwritten.
                rowOf.get(entry.getKey()).markConflict();
            }
        }
    }

    private void clearOtherPrimaries(Actor actor, ChangeReason reason, Map<UUID, Integer> primaryRowOfCustomer,
            Map<Integer, ContactPlan> byRow, List<WrittenRow> written) {
        Set<UUID> writtenIds = new HashSet<>();
        written.forEach(w -> writtenIds.add(w.entityId()));
        Set<UUID> keptCustomers = new HashSet<>();
        primaryRowOfCustomer.forEach((customerId, rowNumber) -> {
            ContactPlan keeper = byRow.get(rowNumber);
            UUID keeperId = keeper.newId != null ? keeper.newId : keeper.targetId;
            if (writtenIds.contains(keeperId)) {
                keptCustomers.add(customerId);
            }
        });
        for (Contact other : contacts.findLiveByCustomerIds(keptCustomers)) {
            if (other.primary() && !writtenIds.contains(other.id())) {
                Contact updated = contacts.update(actor, reason, other.id(), other.version(),
                        ContactPlan.withPrimary(other.toDraft(), false));
                written.add(new WrittenRow(updated.id(), RowAction.UPDATE,
                        primaryRowOfCustomer.get(other.customerId()), updated.version()));
            }
        }
    }
}
