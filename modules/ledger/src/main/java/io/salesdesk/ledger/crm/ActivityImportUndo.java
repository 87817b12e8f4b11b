package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.ActivityRepository;
import io.salesdesk.ledger.imports.UndoResult;
import io.salesdesk.ledger.imports.WrittenRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Takes an import batch of follow-ups back: each follow-up it appended is soft-deleted, unless it
 * was deleted or changed since, which is listed as a conflict.
 */
final class ActivityImportUndo {

    private final ActivityRepository activities;

    ActivityImportUndo(ActivityRepository activities) {
        this.activities = activities;
    }

    UndoResult undo(Actor actor, ChangeReason reason, String batchId, List<WrittenRow> written) {
        Map<UUID, Long> versions = activities.liveVersions(written.stream().map(WrittenRow::entityId).toList());
        int removed = 0;
        List<UndoResult.Conflict> conflicts = new ArrayList<>();
        for (WrittenRow row : written) {
            Long version = versions.get(row.entityId());
            if (version == null || version != row.versionAfter()) {
                conflicts.add(new UndoResult.Conflict(row.entityId(), null, row.rowNumber()));
            } else {
                activities.delete(actor, reason, row.entityId(), version);
                removed++;
            }
        }
        return new UndoResult(UUID.fromString(batchId), removed, 0, conflicts);
    }
}
