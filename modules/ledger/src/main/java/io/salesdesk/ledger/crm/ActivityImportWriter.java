package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.crm.ActivityRepository;
import io.salesdesk.ledger.imports.DuplicateDecision;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.imports.ImportPhase;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.imports.RowAction;
import io.salesdesk.ledger.imports.WrittenRow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Appends the planned follow-ups to the record in batches, in the caller's transaction. */
final class ActivityImportWriter {

    private static final int BATCH = 1000;

    private final ActivityRepository activities;
    private final Clock clock;

    ActivityImportWriter(ActivityRepository activities, Clock clock) {
        this.activities = activities;
        this.clock = clock;
    }

    List<WrittenRow> write(Actor actor, ChangeReason reason, List<ImportRow> rows, ImportMonitor monitor) {
        List<ActivityRepository.NewActivity> batch = new ArrayList<>();
        List<WrittenRow> written = new ArrayList<>();
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
            if (batch.size() == BATCH) {
                activities.insertAll(actor, reason, List.copyOf(batch));
                batch.clear();
                monitor.checkCancelled();
                monitor.progress(ImportPhase.COMMIT, written.size(), total);
            }
        }
        activities.insertAll(actor, reason, batch);
        monitor.progress(ImportPhase.COMMIT, written.size(), total);
        return written;
    }
}
