package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.ActivityRepository;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.ledger.imports.RowAction;
import io.salesdesk.ledger.imports.UndoResult;
import io.salesdesk.ledger.imports.WrittenRow;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Takes an import batch of follow-ups back: each follow-up it appended is soft-deleted, and each
 * customer whose 最近跟进 / 下次跟进 it moved gets the values the audit trail recorded before the batch.
 * A follow-up or customer deleted or changed since is left alone and listed as a conflict.
 */
final class ActivityImportUndo {

    private static final String LAST = "lastFollowUpAt";
    private static final String NEXT = "nextFollowUpOn";

    private final ActivityRepository activities;
    private final CustomerRepository customers;
    private final ChangeLog changeLog;

    ActivityImportUndo(ActivityRepository activities, CustomerRepository customers, ChangeLog changeLog) {
        this.activities = activities;
        this.customers = customers;
        this.changeLog = changeLog;
    }

    UndoResult undo(Actor actor, ChangeReason reason, String batchId, List<WrittenRow> written) {
        // Created rows are follow-ups; updated rows are the customers whose follow-up state moved.
        List<WrittenRow> followUps = written.stream().filter(r -> r.action() == RowAction.CREATE).toList();
        List<WrittenRow> moved = written.stream().filter(r -> r.action() == RowAction.UPDATE).toList();
        Map<UUID, Long> versions = activities.liveVersions(followUps.stream().map(WrittenRow::entityId).toList());
        int removed = 0;
        List<UndoResult.Conflict> conflicts = new ArrayList<>();
        for (WrittenRow row : followUps) {
            Long version = versions.get(row.entityId());
            if (version == null || version != row.versionAfter()) {
                conflicts.add(new UndoResult.Conflict(row.entityId(), null, row.rowNumber()));
            } else {
                activities.delete(actor, reason, row.entityId(), version);
                removed++;
            }
        }
        int restored = 0;
        Map<UUID, Customer> current = customers.findLiveByIds(moved.stream().map(WrittenRow::entityId).toList())
                .stream().collect(Collectors.toMap(Customer::id, Function.identity()));
        for (WrittenRow row : moved) {
            Customer customer = current.get(row.entityId());
            if (customer == null || customer.version() != row.versionAfter()) {
                conflicts.add(new UndoResult.Conflict(row.entityId(), customer == null ? null : customer.name(),
                        row.rowNumber()));
                continue;
            }
            OffsetDateTime last = customer.lastFollowUpAt();
            LocalDate next = customer.nextFollowUpOn();
            for (Map<String, FieldChange> changes : BatchChanges.updates(changeLog, customer.id(), batchId)) {
                if (changes.containsKey(LAST)) {
                    String old = changes.get(LAST).oldValue();
                    last = old == null ? null : OffsetDateTime.parse(old);
                }
                if (changes.containsKey(NEXT)) {
                    String old = changes.get(NEXT).oldValue();
                    next = old == null ? null : LocalDate.parse(old);
                }
            }
            customers.restoreFollowUp(actor, reason, customer.id(), customer.version(), last, next);
            restored++;
        }
        return new UndoResult(UUID.fromString(batchId), removed, restored, conflicts);
    }
}
