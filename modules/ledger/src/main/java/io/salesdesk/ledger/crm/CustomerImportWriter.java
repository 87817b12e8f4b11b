package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.Ids;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.crm.ContactDraft;
import io.salesdesk.crm.ContactRepository;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerLocationRepository;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.Tier;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.imports.ImportPhase;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.imports.RowAction;
import io.salesdesk.ledger.imports.WrittenRow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the planned customer rows through the CRM repositories in the caller's transaction:
 * creates in batches, updates one by one on the version read at preview (a customer changed since
 * becomes a conflict, never overwritten). Later duplicates in the file set to "update" are merged
 * into the row they duplicate first.
 */
final class CustomerImportWriter {

    private static final int BATCH = 1000;

    private final CustomerRepository customers;
    private final ContactRepository contacts;
    private final CustomerLocationRepository places;
    private final Clock clock;

    CustomerImportWriter(CustomerRepository customers, ContactRepository contacts, CustomerLocationRepository places,
                         Clock clock) {
        this.customers = customers;
        this.contacts = contacts;
        this.places = places;
        this.clock = clock;
    }

    List<WrittenRow> write(Actor actor, ChangeReason reason, List<ImportRow> rows, ImportMonitor monitor) {
        Map<Integer, CustomerPlan> byRow = new LinkedHashMap<>();
        Map<Integer, ImportRow> rowOf = new LinkedHashMap<>();
        for (ImportRow row : rows) {
            CustomerPlan plan = (CustomerPlan) row.plan();
            RowAction action = row.action();
            if (action == RowAction.CREATE) {
                plan.newId = Ids.newId(clock);
                plan.writeDraft = withTier(plan.given);
            } else if (action == RowAction.UPDATE && row.match().inFile()) {
                CustomerPlan earlier = byRow.get(row.match().fileRowNumber());
                if (earlier != null) {
                    earlier.writeDraft = CustomerPlan.overlay(earlier.writeDraft,
                            CustomerPlan.givenFor(plan.given, row.match().kind()));
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
        return place(actor, reason, byRow, written);
    }

    /**
     * Writes the rows' 经度/纬度 (on the version just written, so the row's recorded version is the
     * one undo expects) and 标签 (replacing the customer's tags; tags do not move the version).
     */
    private List<WrittenRow> place(Actor actor, ChangeReason reason, Map<Integer, CustomerPlan> byRow,
                                   List<WrittenRow> written) {
        List<WrittenRow> placed = new ArrayList<>(written.size());
        Map<java.util.UUID, java.util.Set<String>> tags = new LinkedHashMap<>();
        for (WrittenRow row : written) {
            CustomerPlan plan = byRow.get(row.rowNumber());
            WrittenRow result = row;
            if (plan != null && plan.longitude != null && plan.latitude != null) {
                long version = places.setLocation(actor, reason, row.entityId(), row.versionAfter(),
                        plan.longitude.setScale(6, java.math.RoundingMode.HALF_UP),
                        plan.latitude.setScale(6, java.math.RoundingMode.HALF_UP)).version();
                result = new WrittenRow(row.entityId(), row.action(), row.rowNumber(), version);
            }
            if (plan != null && plan.tags != null) {
                tags.put(row.entityId(), plan.tags);
            }
            placed.add(result);
        }
        places.setTagsAll(actor, reason, tags);
        return placed;
    }

    private void insert(Actor actor, ChangeReason reason, Map<Integer, CustomerPlan> byRow, List<WrittenRow> written,
            ImportMonitor monitor) {
        List<CustomerRepository.NewCustomer> batch = new ArrayList<>();
        List<ContactRepository.NewContact> newContacts = new ArrayList<>();
        int total = (int) byRow.values().stream().filter(p -> p.newId != null).count();
        int done = 0;
        for (Map.Entry<Integer, CustomerPlan> entry : byRow.entrySet()) {
            CustomerPlan plan = entry.getValue();
            if (plan.newId == null) {
                continue;
            }
            CustomerDraft draft = plan.writeDraft;
            batch.add(new CustomerRepository.NewCustomer(plan.newId, draft, CompanyName.normalise(draft.name()),
                    plan.lastFollowUpAt, null, null));
            if (plan.contactName != null) {
                newContacts.add(new ContactRepository.NewContact(Ids.newId(clock), plan.newId,
                        new ContactDraft(plan.contactName, null, plan.contactMobile, null, null, null, true, null)));
            }
            written.add(new WrittenRow(plan.newId, RowAction.CREATE, entry.getKey(), 1L));
            if (batch.size() == BATCH) {
                done += flush(actor, reason, batch, newContacts);
                monitor.checkCancelled();
                monitor.progress(ImportPhase.COMMIT, done, total);
            }
        }
        done += flush(actor, reason, batch, newContacts);
        monitor.progress(ImportPhase.COMMIT, done, total);
    }

    private int flush(Actor actor, ChangeReason reason, List<CustomerRepository.NewCustomer> batch,
            List<ContactRepository.NewContact> newContacts) {
        int size = batch.size();
        if (size > 0) {
            customers.insertAll(actor, reason, List.copyOf(batch));
        }
        if (!newContacts.isEmpty()) {
            contacts.insertAll(actor, reason, List.copyOf(newContacts));
        }
        batch.clear();
        newContacts.clear();
        return size;
    }

    private void update(Actor actor, ChangeReason reason, Map<Integer, CustomerPlan> byRow,
            Map<Integer, ImportRow> rowOf, List<WrittenRow> written, ImportMonitor monitor) {
        for (Map.Entry<Integer, CustomerPlan> entry : byRow.entrySet()) {
            CustomerPlan plan = entry.getValue();
            if (plan.newId != null) {
                continue;
            }
            monitor.checkCancelled();
            CustomerDraft draft = plan.writeDraft;
            try {
                Customer updated = customers.update(actor, reason, plan.targetId, plan.expectedVersion, draft,
                        CompanyName.normalise(draft.name()));
                written.add(new WrittenRow(updated.id(), RowAction.UPDATE, entry.getKey(), updated.version()));
            } catch (StaleRecordException e) {
                // Changed by someone else between preview and commit: reported, not overwritten.
                rowOf.get(entry.getKey()).markConflict();
            }
        }
    }

    private static CustomerDraft withTier(CustomerDraft draft) {
        return draft.tier() != null ? draft : new CustomerDraft(draft.name(), draft.creditCode(), Tier.B,
                draft.industry(), draft.regionCode(), draft.address(), draft.phone(), draft.ownerId());
    }
}
