package io.salesdesk.sync;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Role;
import io.salesdesk.db.FieldChange;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
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
    private final CustomValues customFields;
    private final PoolClaims claims;

    HubMerge(Configuration configuration, Clock clock) {
        this.claims = new PoolClaims(configuration, clock);
        this.customFields = new CustomValues(configuration, clock);
        this.rows = RowStateRepository.using(configuration);
        this.writer = new RowWriter(configuration, clock);
        this.conflicts = SyncConflictRepository.using(configuration, clock);
    }

    /**
     * Merges a page of changes in their order and writes the result in a few batches; returns how
     * many conflicts it recorded.
     *
     * @param outside the ids of hub rows outside the replica's org subtree: changes to them are not applied
     */
    int applyAll(List<TravelChange> changes, Set<UUID> outside) {
        // The rows as the page's earlier changes leave them; absent: the hub does not have the row.
        Map<UUID, RowState> state = new HashMap<>();
        for (SyncedEntity entity : SyncedEntity.values()) {
            List<UUID> ids = changes.stream().filter(c -> c.entity() == entity).map(TravelChange::entityId).toList();
            if (!ids.isEmpty()) {
                rows.read(entity, ids, null).forEach(r -> state.put(r.id(), r));
            }
        }
        Map<RowWriter.Write, TravelChange> written = new IdentityHashMap<>();
        Map<TravelChange, List<SyncConflictRepository.Found>> found = new LinkedHashMap<>();
        for (TravelChange change : changes) {
            List<SyncConflictRepository.Found> ofChange = new ArrayList<>();
            found.put(change, ofChange);
            RowWriter.Write write = merge(change, outside.contains(change.entityId()), state.get(change.entityId()),
                    ofChange);
            if (write != null) {
                written.put(write, change);
                state.put(change.entityId(), writer.queue(write));
            }
        }
        Set<RowWriter.Write> failedWrites = writer.flush();
        claims.stampApplied(state);
        for (RowWriter.Write failed : failedWrites) {
            // A new contact of a customer the hub has deleted: kept as conflicts, not dropped.
            List<SyncConflictRepository.Found> ofChange = found.get(written.get(failed));
            failed.target().forEach((field, value) -> {
                if (value != null) {
                    ofChange.add(new SyncConflictRepository.Found(SyncConflict.Kind.EDIT_AFTER_DELETE, field, null,
                            null, value));
                }
            });
        }
        for (RowWriter.Refused refused : writer.refused()) {
            // A value the hub's field does not take: the hub keeps its value, the replica's is kept here.
            TravelChange change = written.get(refused.write());
            FieldChange c = change.changes().get(refused.field());
            RowState before = refused.write().current();
            found.get(change).add(new SyncConflictRepository.Found(SyncConflict.Kind.FIELD, refused.field(),
                    c == null ? null : c.oldValue(), before == null ? null : before.get(refused.field()),
                    refused.value()));
        }
        int count = 0;
        for (Map.Entry<TravelChange, List<SyncConflictRepository.Found>> e : found.entrySet()) {
            conflicts.insertAll(e.getKey(), e.getValue());
            count += e.getValue().size();
        }
        return count;
    }

    /** Decides one change against the row as the hub holds it; returns the write to make, if any. */
    private RowWriter.Write merge(TravelChange change, boolean outsideScope, RowState current,
                                         List<SyncConflictRepository.Found> found) {
        SyncedEntity entity = change.entity();
        if (outsideScope) {
            if (current != null && PoolClaims.isClaim(change) && PoolClaims.lostTo(change, current)) {
                // A pool record the replica held, claimed first by someone outside its subtree.
                found.add(new SyncConflictRepository.Found(SyncConflict.Kind.CLAIM_LOST, "ownerId", null,
                        current.get("ownerId"), change.changes().get("ownerId").newValue()));
                return null;
            }
            change.changes().forEach((field, c) -> found.add(new SyncConflictRepository.Found(
                    SyncConflict.Kind.OUTSIDE_SCOPE, field, c.oldValue(), null, c.newValue())));
            return null;
        }
        Map<String, String> target;
        boolean deleted = false;
        if (current == null) {
            if (!"INSERT".equals(change.operation())) {
                // An edit or delete of a row the hub never had: nothing to merge into; kept as conflicts.
                change.changes().forEach((field, c) -> found.add(new SyncConflictRepository.Found(
                        SyncConflict.Kind.EDIT_AFTER_DELETE, field, c.oldValue(), null, c.newValue())));
                return null;
            }
            target = new LinkedHashMap<>();
            for (String field : entity.fields()) {
                FieldChange c = change.changes().get(field);
                target.put(field, c == null ? null : c.newValue());
            }
            // The hub's custom fields, empty: the new row's values follow in their own change.
            for (var field : customFields.fields(entity)) {
                target.put(SyncedEntity.CUSTOM + field.key(), null);
            }
        } else if (current.deleted()) {
            change.changes().forEach((field, c) -> {
                if (entity.travels(field) && !Objects.equals(c.newValue(), current.get(field))) {
                    found.add(new SyncConflictRepository.Found(SyncConflict.Kind.EDIT_AFTER_DELETE, field,
                            c.oldValue(), current.get(field), c.newValue()));
                }
            });
            return null;
        } else if ("DELETE".equals(change.operation())) {
            target = current.fields();
            deleted = true;
            for (String field : current.fields().keySet()) {
                String base = change.deletedBase().get(field);
                if (!Objects.equals(base, current.get(field))) {
                    found.add(new SyncConflictRepository.Found(SyncConflict.Kind.DELETE_AFTER_EDIT, field, base,
                            current.get(field), null));
                }
            }
        } else {
            if (PoolClaims.isClaim(change) && (PoolClaims.lostTo(change, current)
                    || current.get("ownerId") == null && PoolClaims.isOwnCustomerClaim(change)
                    && !claims.withinDailyLimit(change))) {
                // The first claim to reach the hub wins; this one is recorded, resolved, and dropped whole.
                found.add(new SyncConflictRepository.Found(SyncConflict.Kind.CLAIM_LOST, "ownerId", null,
                        current.get("ownerId"), change.changes().get("ownerId").newValue()));
                return null;
            }
            target = new LinkedHashMap<>(current.fields());
            for (Map.Entry<String, FieldChange> e : change.changes().entrySet()) {
                String field = e.getKey();
                if (!entity.travels(field) || "customerId".equals(field)) {
                    continue;
                }
                if (!current.fields().containsKey(field)) {
                    // A custom field the hub does not have in use (retired meanwhile): kept, not applied.
                    found.add(new SyncConflictRepository.Found(SyncConflict.Kind.FIELD, field,
                            e.getValue().oldValue(), null, e.getValue().newValue()));
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
        return new RowWriter.Write(actor(change), reason(change), current, entity, change.entityId(), target, deleted);
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
    static String originPrefix(UUID replicaId) {
        return "node " + replicaId + " ";
    }
}
