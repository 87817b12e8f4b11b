package io.salesdesk.sync;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Role;
import io.salesdesk.db.FieldChange;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Configuration;

/**
 * Merges one replica change into the hub's row, field by field (docs/decisions.md, decision on sync):
 * a field the hub still holds at the change's base takes the incoming value; a field both sides
 * changed to different values keeps the hub's value and becomes a conflict with both values kept.
 * A delete wins over edits; edits it meets are recorded as conflicts, their values stay in the
 * soft-deleted row.
 */
final class HubMerge {

    private final RowStateRepository rows;
    private final RowWriter writer;
    private final SyncConflictRepository conflicts;

    HubMerge(Configuration configuration, Clock clock) {
        this.rows = RowStateRepository.using(configuration);
        this.writer = new RowWriter(configuration, clock);
        this.conflicts = SyncConflictRepository.using(configuration, clock);
    }

    /**
     * Applies the change; returns how many conflicts it recorded.
     *
     * @param outsideScope the hub's row is outside the replica's org subtree: nothing is applied
     */
    int apply(TravelChange change, boolean outsideScope) {
        SyncedEntity entity = change.entity();
        List<SyncConflictRepository.Found> found = new ArrayList<>();
        if (outsideScope) {
            change.changes().forEach((field, c) -> found.add(new SyncConflictRepository.Found(
                    SyncConflict.Kind.OUTSIDE_SCOPE, field, c.oldValue(), null, c.newValue())));
            conflicts.insertAll(change, found);
            return found.size();
        }
        RowState current = rows.find(entity, change.entityId()).orElse(null);
        Map<String, String> target;
        boolean deleted = false;
        if (current == null) {
            if (!"INSERT".equals(change.operation())) {
                // An edit or delete of a row the hub never had: nothing to merge into; kept as conflicts.
                change.changes().forEach((field, c) -> found.add(new SyncConflictRepository.Found(
                        SyncConflict.Kind.EDIT_AFTER_DELETE, field, c.oldValue(), null, c.newValue())));
                conflicts.insertAll(change, found);
                return found.size();
            }
            target = new LinkedHashMap<>();
            for (String field : entity.fields()) {
                FieldChange c = change.changes().get(field);
                target.put(field, c == null ? null : c.newValue());
            }
        } else if (current.deleted()) {
            change.changes().forEach((field, c) -> {
                if (entity.fields().contains(field) && !Objects.equals(c.newValue(), current.get(field))) {
                    found.add(new SyncConflictRepository.Found(SyncConflict.Kind.EDIT_AFTER_DELETE, field,
                            c.oldValue(), current.get(field), c.newValue()));
                }
            });
            conflicts.insertAll(change, found);
            return found.size();
        } else if ("DELETE".equals(change.operation())) {
            target = current.fields();
            deleted = true;
            for (String field : entity.fields()) {
                String base = change.deletedBase().get(field);
                if (!Objects.equals(base, current.get(field))) {
                    found.add(new SyncConflictRepository.Found(SyncConflict.Kind.DELETE_AFTER_EDIT, field, base,
                            current.get(field), null));
                }
            }
        } else {
            target = new LinkedHashMap<>(current.fields());
            for (Map.Entry<String, FieldChange> e : change.changes().entrySet()) {
                String field = e.getKey();
                if (!entity.fields().contains(field) || "customerId".equals(field)) {
                    continue;
                }
                String base = "INSERT".equals(change.operation()) ? current.get(field) : e.getValue().oldValue();
                String incoming = e.getValue().newValue();
                switch (FieldMerge.of(base, current.get(field), incoming)) {
                    case TAKE_INCOMING -> target.put(field, incoming);
                    case ALREADY_EQUAL -> { }
                    case CONFLICT -> found.add(new SyncConflictRepository.Found(SyncConflict.Kind.FIELD, field, base,
                            current.get(field), incoming));
                }
            }
        }
        if (!writer.write(actor(change), reason(change), current, entity, change.entityId(), target, deleted)) {
            // A new contact of a customer the hub has deleted: kept as conflicts, not dropped.
            target.forEach((field, value) -> {
                if (value != null) {
                    found.add(new SyncConflictRepository.Found(SyncConflict.Kind.EDIT_AFTER_DELETE, field, null, null,
                            value));
                }
            });
        }
        conflicts.insertAll(change, found);
        return found.size();
    }

    private static Actor actor(TravelChange change) {
        // The audit trail names the user who made the change on the replica.
        return change.changedBy() == null ? null
                : new Actor(change.changedBy(), change.changedByName(), Role.REP, "/");
    }

    /** SYNC, with the replica and its change id, so the hub's trail leads back to the replica's. */
    static ChangeReason reason(TravelChange change) {
        return ChangeReason.of(ChangeReason.Kind.SYNC, originPrefix(change.originNode()) + "change " + change.changeId());
    }

    /** How the reason detail of a change applied from a replica begins. */
    static String originPrefix(java.util.UUID replicaId) {
        return "node " + replicaId + " ";
    }
}
