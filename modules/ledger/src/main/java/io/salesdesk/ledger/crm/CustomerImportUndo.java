package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.Tier;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.ledger.imports.RowAction;
import io.salesdesk.ledger.imports.UndoResult;
import io.salesdesk.ledger.imports.WrittenRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Takes an import batch of customers back: created customers are soft-deleted, updated ones get
 * the values the audit trail recorded before the batch. A customer whose version is no longer the
 * one the batch left is left alone and listed as a conflict.
 */
final class CustomerImportUndo {

    private final CustomerRepository customers;
    private final ChangeLog changeLog;

    CustomerImportUndo(CustomerRepository customers, ChangeLog changeLog) {
        this.customers = customers;
        this.changeLog = changeLog;
    }

    UndoResult undo(Actor actor, ChangeReason reason, String batchId, List<WrittenRow> written) {
        Map<UUID, Customer> current = customers.findLiveByIds(written.stream().map(WrittenRow::entityId).toList())
                .stream().collect(Collectors.toMap(Customer::id, Function.identity()));
        int removed = 0;
        int restored = 0;
        List<UndoResult.Conflict> conflicts = new ArrayList<>();
        for (WrittenRow row : written) {
            Customer customer = current.get(row.entityId());
            if (customer == null || customer.version() != row.versionAfter()) {
                conflicts.add(new UndoResult.Conflict(row.entityId(), customer == null ? null : customer.name(),
                        row.rowNumber()));
            } else if (row.action() == RowAction.CREATE) {
                customers.delete(actor, reason, customer.id(), customer.version());
                removed++;
            } else {
                CustomerDraft before = before(customer, batchId);
                customers.update(actor, reason, customer.id(), customer.version(), before,
                        CompanyName.normalise(before.name()));
                restored++;
            }
        }
        return new UndoResult(UUID.fromString(batchId), removed, restored, conflicts);
    }

    // The customer as it is, with the old value of every field the batch changed. The batch's
    // entries are applied newest first, so a customer the batch changed twice ends at the value
    // from before the batch, not the one in between.
    private CustomerDraft before(Customer customer, String batchId) {
        CustomerDraft draft = customer.toDraft();
        for (Map<String, FieldChange> changes : BatchChanges.updates(changeLog, customer.id(), batchId)) {
            draft = restore(draft, changes);
        }
        return draft;
    }

    private static CustomerDraft restore(CustomerDraft d, Map<String, FieldChange> changes) {
        return new CustomerDraft(
                BatchChanges.old(changes, "name", d.name()),
                BatchChanges.old(changes, "creditCode", d.creditCode()),
                changes.containsKey("tier") ? Tier.valueOf(changes.get("tier").oldValue()) : d.tier(),
                BatchChanges.old(changes, "industry", d.industry()),
                BatchChanges.old(changes, "regionCode", d.regionCode()),
                BatchChanges.old(changes, "address", d.address()),
                BatchChanges.old(changes, "phone", d.phone()),
                BatchChanges.oldId(changes, "ownerId", d.ownerId()));
    }
}
