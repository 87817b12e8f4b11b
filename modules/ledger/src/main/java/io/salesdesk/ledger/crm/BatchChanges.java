package io.salesdesk.ledger.crm;

import io.salesdesk.core.ChangeReason;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What an import batch changed in a record, read back from the audit trail for undo. */
final class BatchChanges {

    private BatchChanges() {
    }

    /**
     * The field changes of the batch's updates of the record, newest first: applying the old values
     * of each in turn ends at the values from before the batch.
     */
    static List<Map<String, FieldChange>> updates(ChangeLog changeLog, UUID entityId, String batchId) {
        List<Map<String, FieldChange>> changes = new ArrayList<>(changeLog.forEntity(entityId).stream()
                .filter(e -> e.operation() == ChangeEntry.Operation.UPDATE
                        && ChangeReason.Kind.IMPORT.name().equals(e.reasonKind()) && batchId.equals(e.reasonDetail()))
                .map(ChangeEntry::changes)
                .toList());
        Collections.reverse(changes);
        return changes;
    }

    /** The value before the batch if it changed the field, else the current one. */
    static String old(Map<String, FieldChange> changes, String field, String current) {
        return changes.containsKey(field) ? changes.get(field).oldValue() : current;
    }

    /** The id before the batch if it changed the field, else the current one. */
    static UUID oldId(Map<String, FieldChange> changes, String field, UUID current) {
        if (!changes.containsKey(field)) {
            return current;
        }
        String old = changes.get(field).oldValue();
        return old == null ? null : UUID.fromString(old);
    }
}
