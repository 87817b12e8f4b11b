package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.crm.ActivityRepository;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.ledger.imports.DuplicateDecision;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.imports.ImportPhase;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.imports.RowAction;
import io.salesdesk.ledger.imports.WrittenRow;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Appends the planned follow-ups to the record in batches, in the caller's transaction, and moves
 * each customer's 最近跟进 and 下次跟进 as logging the newest of its follow-ups in the app would: only
 * forward, so an older follow-up brought in from a ledger never sets 最近跟进 back. The written rows
 * are the follow-ups (created) and the customers whose follow-up state moved (updated), for undo.
 */
final class ActivityImportWriter {

    private static final int BATCH = 1000;

    private final ActivityRepository activities;
    private final CustomerRepository customers;
    private final Clock clock;

    ActivityImportWriter(ActivityRepository activities, CustomerRepository customers, Clock clock) {
        this.activities = activities;
        this.customers = customers;
        this.clock = clock;
    }

    List<WrittenRow> write(Actor actor, ChangeReason reason, List<ImportRow> rows, ImportMonitor monitor) {
        List<ActivityRepository.NewActivity> batch = new ArrayList<>();
        List<WrittenRow> written = new ArrayList<>();
        // The newest follow-up of each customer, and the ledger row it came from; a later row wins a tie.
        Map<UUID, ImportRow> newest = new LinkedHashMap<>();
        long total = rows.stream().filter(r -> r.action() == RowAction.CREATE).count();
        for (ImportRow row : rows) {
            if (row.action() == RowAction.UPDATE) {
                // History is not rewritten: a duplicate set to "update" in the wizard is left as it is.
                row.decide(DuplicateDecision.SKIP);
            }
            if (row.action() != RowAction.CREATE) {
                continue;
            }
            ActivityPlan plan = (ActivityPlan) row.plan();
            plan.newId = Ids.newId(clock);
            batch.add(new ActivityRepository.NewActivity(plan.newId, plan.customerId, plan.ownerId, plan.draft));
            written.add(new WrittenRow(plan.newId, RowAction.CREATE, row.rowNumber(), 1L));
            newest.merge(plan.customerId, row, (kept, now) -> occurredAt(now).isBefore(occurredAt(kept)) ? kept : now);
            if (batch.size() == BATCH) {
                activities.insertAll(actor, reason, List.copyOf(batch));
                batch.clear();
                monitor.checkCancelled();
                monitor.progress(ImportPhase.COMMIT, written.size(), total);
            }
        }
        activities.insertAll(actor, reason, batch);
        monitor.progress(ImportPhase.COMMIT, written.size(), total);
        markFollowedUp(actor, reason, newest, written);
        return written;
    }

    private void markFollowedUp(Actor actor, ChangeReason reason, Map<UUID, ImportRow> newest,
            List<WrittenRow> written) {
        List<CustomerRepository.FollowUp> followUps = new ArrayList<>(newest.size());
        newest.forEach((customerId, row) -> followUps.add(new CustomerRepository.FollowUp(customerId,
                occurredAt(row), ((ActivityPlan) row.plan()).draft.nextFollowUpOn())));
        Map<UUID, Long> moved = customers.markFollowedUpAll(actor, reason, followUps);
        moved.forEach((customerId, version) -> written.add(
                new WrittenRow(customerId, RowAction.UPDATE, newest.get(customerId).rowNumber(), version)));
    }

    private static OffsetDateTime occurredAt(ImportRow row) {
        return ((ActivityPlan) row.plan()).draft.occurredAt();
    }
}
