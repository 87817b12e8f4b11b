package io.salesdesk.sync;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.Role;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.merge.PhoneLookalike;
import io.salesdesk.db.FieldChange;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
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
    private final CustomerRepository customers;

    HubMerge(Configuration configuration, Clock clock) {
        this.claims = new PoolClaims(configuration, clock);
        this.customFields = new CustomValues(configuration, clock);
        this.rows = RowStateRepository.using(configuration);
        this.writer = new RowWriter(configuration, clock);
        this.conflicts = SyncConflictRepository.using(configuration, clock);
        this.customers = CustomerRepository.using(configuration, clock, UnaryOperator.identity());
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
        Map<UUID, UUID> survivors = survivorsOfNewRowsCustomers(changes);
        List<Customer> lookalikes = lookalikesOfNewCustomers(changes, state);
        for (TravelChange change : changes) {
            List<SyncConflictRepository.Found> ofChange = new ArrayList<>();
            found.put(change, ofChange);
            boolean isNew = state.get(change.entityId()) == null;
            RowWriter.Write write = merge(change, outside.contains(change.entityId()), state.get(change.entityId()),
                    ofChange);
            if (write != null && isNew) {
                redirectToSurvivor(write, survivors);
                if (change.entity() == SyncedEntity.CUSTOMER) {
                    duplicateOf(change, write.target(), lookalikes).ifPresent(ofChange::add);
                }
            }
            if (write != null) {
                written.put(write, change);
                state.put(change.entityId(), writer.queue(write));
            }
        }
        Set<RowWriter.Write> failedWrites = writer.flush();
        claims.stampApplied(state);
        Set<TravelChange> applied = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        applied.addAll(written.values());
        claims.stampReleases(changes.stream().filter(applied::contains).toList(), state);
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

    /**
     * The customers that the new contacts, deals, follow-ups and leads of the page name and that were
     * merged into another here, with their survivors: a row a replica made offline for a customer
     * merged meanwhile attaches to the survivor, as the merged customer's own rows did.
     */
    private Map<UUID, UUID> survivorsOfNewRowsCustomers(List<TravelChange> changes) {
        List<UUID> named = changes.stream()
                .filter(c -> c.entity() != SyncedEntity.CUSTOMER && "INSERT".equals(c.operation()))
                .map(c -> c.changes().get("customerId"))
                .filter(Objects::nonNull).map(FieldChange::newValue).filter(Objects::nonNull)
                .map(UUID::fromString).toList();
        return named.isEmpty() ? Map.of() : customers.survivors(named);
    }

    private static void redirectToSurvivor(RowWriter.Write write, Map<UUID, UUID> survivors) {
        String customerId = write.target().get("customerId");
        if (customerId != null && write.entity() != SyncedEntity.CUSTOMER) {
            UUID survivor = survivors.get(UUID.fromString(customerId));
            if (survivor != null) {
                write.target().put("customerId", survivor.toString());
            }
        }
    }

    /**
     * The live customers here with the credit code or normalised name of a customer new in the page:
     * two reads for the page (a branch that imported thousands of customers offline pushes them all
     * at once), not one per customer.
     */
    private List<Customer> lookalikesOfNewCustomers(List<TravelChange> changes, Map<UUID, RowState> state) {
        List<String> names = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (TravelChange c : changes) {
            if (c.entity() == SyncedEntity.CUSTOMER && "INSERT".equals(c.operation()) && !state.containsKey(c.entityId())) {
                FieldChange name = c.changes().get("name");
                FieldChange code = c.changes().get("creditCode");
                FieldChange phone = c.changes().get("phone");
                if (phone != null && PhoneLookalike.phoneKey(phone.newValue()) != null) {
                    phones.add(PhoneLookalike.phoneKey(phone.newValue()));
                }
                if (name != null && name.newValue() != null) {
                    names.add(CompanyName.normalise(name.newValue()));
                }
                if (code != null && code.newValue() != null) {
                    codes.add(code.newValue());
                }
            }
        }
        List<Customer> found = new ArrayList<>(customers.findLiveByCreditCodes(codes));
        found.addAll(customers.findLiveByNormalizedNames(names));
        found.addAll(customers.findLiveByPhones(phones));
        return found;
    }

    /**
     * A new customer from a replica whose credit code or normalised name a live customer here
     * already has (two branches created the same company offline): it is still added, with the
     * replica's contacts and deals, and a DUPLICATE conflict names the other one, for a manager to
     * merge or dismiss (decision 12). A same credit code is named before a same name, and that before
     * a same phone with an alike name.
     */
    private static Optional<SyncConflictRepository.Found> duplicateOf(TravelChange change, Map<String, String> target,
                                                                      List<Customer> lookalikes) {
        String name = target.get("name");
        if (name == null) {
            return Optional.empty();
        }
        String creditCode = target.get("creditCode");
        String normalised = CompanyName.normalise(name);
        Optional<Customer> sameCode = creditCode == null ? Optional.empty() : lookalikes.stream()
                .filter(c -> !c.id().equals(change.entityId()) && creditCode.equals(c.creditCode())).findFirst();
        if (sameCode.isPresent()) {
            return Optional.of(found(sameCode.get(), "creditCode", name));
        }
        Optional<Customer> sameName = lookalikes.stream()
                .filter(c -> !c.id().equals(change.entityId()) && normalised.equals(CompanyName.normalise(c.name())))
                .findFirst();
        if (sameName.isPresent()) {
            return Optional.of(found(sameName.get(), "name", name));
        }
        // The weakest signal: same phone and a name alike (not two branches on one switchboard).
        String phone = PhoneLookalike.phoneKey(target.get("phone"));
        return phone == null ? Optional.empty() : lookalikes.stream()
                .filter(c -> !c.id().equals(change.entityId()) && phone.equals(PhoneLookalike.phoneKey(c.phone()))
                        && PhoneLookalike.alike(name, c.name()))
                .findFirst().map(c -> found(c, "phone", name));
    }

    private static SyncConflictRepository.Found found(Customer other, String matchedBy, String name) {
        return new SyncConflictRepository.Found(SyncConflict.Kind.DUPLICATE, SyncConflict.DUPLICATE_OF, matchedBy,
                other.id().toString(), name);
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
            change.changes().forEach((field, c) -> {
                // A change the hub already holds (both sides returned a customer to the pool) is no conflict.
                if (!PoolClaims.isReleaseStamp(field)
                        && (current == null || !Objects.equals(c.newValue(), current.get(field)))) {
                    found.add(new SyncConflictRepository.Found(SyncConflict.Kind.OUTSIDE_SCOPE, field, c.oldValue(),
                            current == null ? null : current.get(field), c.newValue()));
                }
            });
            return null;
        }
        Map<String, String> target;
        boolean deleted = false;
        if (current == null) {
            if (!"INSERT".equals(change.operation())) {
                // An edit or delete of a row the hub never had: nothing to merge into; kept as conflicts.
                change.changes().forEach((field, c) -> {
                    if (!PoolClaims.isReleaseStamp(field)) {
                        found.add(new SyncConflictRepository.Found(SyncConflict.Kind.EDIT_AFTER_DELETE, field,
                                c.oldValue(), null, c.newValue()));
                    }
                });
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
            FieldChange mergedInto = change.changes().get(RowStateRepository.MERGED_INTO);
            if (entity == SyncedEntity.CUSTOMER && mergedInto != null && mergedInto.newValue() != null) {
                // Merged on the replica: the hub moves the customer's rows to the survivor as well.
                target = new LinkedHashMap<>(current.fields());
                target.put(RowStateRepository.MERGED_INTO, mergedInto.newValue());
            }
            deleted = true;
            for (String field : current.fields().keySet()) {
                if (!entity.travels(field)) {
                    continue; // mergedIntoId: the delete's own mark, not an edit it could have missed
                }
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
                if (!entity.travels(field) || "customerId".equals(field) && !entity.customerMoves()) {
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
            if (entity == SyncedEntity.QUOTE) {
                quoteStatusFollowsLines(change, current, target, found);
            }
        }
        return new RowWriter.Write(actor(change), reason(change), current, entity, change.entityId(), target, deleted);
    }

    /**
     * A quote's status (and send time) goes with its lines: when the incoming lines are a conflict
     * (the hub changed them since the branch saw them), the branch's send or answer was for lines
     * the hub no longer has, so it is not applied either but recorded for the same person to look at.
     */
    private static void quoteStatusFollowsLines(TravelChange change, RowState current, Map<String, String> target,
                                                List<SyncConflictRepository.Found> found) {
        boolean linesConflict = found.stream().anyMatch(f -> f.kind() == SyncConflict.Kind.FIELD
                && "lines".equals(f.field()));
        if (!linesConflict) {
            return;
        }
        for (String field : List.of("status", "sentAt")) {
            FieldChange c = change.changes().get(field);
            if (c != null && !Objects.equals(target.get(field), current.get(field))) {
                target.put(field, current.get(field));
                found.add(new SyncConflictRepository.Found(SyncConflict.Kind.FIELD, field, c.oldValue(),
                        current.get(field), c.newValue()));
            }
        }
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
