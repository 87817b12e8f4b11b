package io.salesdesk.sync;

import io.salesdesk.core.Ids;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.RegionService;
import io.salesdesk.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The hub's side of sync, on the hub's own database: merges what replicas push, serves what they
 * pull. Each push is one transaction on the hub, together with the ids of the changes it applied,
 * so a push repeated after a lost answer applies nothing twice.
 */
public final class LocalHub implements SyncHub {

    /** How long a replica may stay away before it must be created afresh. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(180);

    private final Database db;
    private final Clock clock;
    private final Duration retention;

    public LocalHub(Database db, Clock clock) {
        this(db, clock, DEFAULT_RETENTION);
    }

    public LocalHub(Database db, Clock clock, Duration retention) {
        this.db = db;
        this.clock = clock;
        this.retention = retention;
        new RegionService(db);
    }

    @Override
    public Registration register(UUID orgUnitId) {
        return db.transactionResult(cfg -> {
            SyncNodeRepository nodes = SyncNodeRepository.using(cfg, clock);
            SyncNode hub = nodes.hub();
            String path = DirectoryRepository.using(cfg).pathOf(orgUnitId)
                    .orElseThrow(() -> new SalesDeskException("error.syncNoSuchOrgUnit", orgUnitId));
            UUID replicaId = Ids.newId(clock);
            nodes.addReplica(replicaId, orgUnitId, path);
            return new Registration(replicaId, hub.nodeId(), orgUnitId, path, DirectoryRepository.using(cfg).read(path));
        });
    }

    /**
     * The org unit with this id or exact name (e.g. 华东大区), for the command line.
     *
     * @throws SalesDeskException if there is none, or more than one has the name
     */
    public UUID orgUnit(String idOrName) {
        List<UUID> found = db.transactionResult(cfg -> DirectoryRepository.using(cfg).findOrgUnits(idOrName));
        if (found.size() != 1) {
            throw new SalesDeskException("error.syncNoSuchOrgUnit", idOrName);
        }
        return found.get(0);
    }

    @Override
    public Hello hello(UUID replicaId) {
        return db.transactionResult(cfg -> {
            SyncNodeRepository nodes = SyncNodeRepository.using(cfg, clock);
            SyncNode hub = nodes.hub();
            SyncNodeRepository.KnownReplica replica = known(nodes, replicaId);
            if (replica.lastSeenAt().plus(retention).isBefore(OffsetDateTime.now(clock))) {
                throw new ReplicaExpiredException(replicaId, retention.toDays());
            }
            nodes.seen(replicaId);
            return new Hello(hub.nodeId(), hub.lamport(), DirectoryRepository.using(cfg).read(replica.scopePath()));
        });
    }

    @Override
    public PushResult push(UUID replicaId, List<TravelChange> changes) {
        return db.transactionResult(cfg -> {
            SyncNodeRepository nodes = SyncNodeRepository.using(cfg, clock);
            nodes.hub();
            nodes.lock();
            SyncNode hub = nodes.node().orElseThrow();
            String scope = known(nodes, replicaId).scopePath();
            Set<UUID> done = nodes.alreadyReceived(changes.stream().map(TravelChange::changeId).toList());
            List<TravelChange> fresh = changes.stream().filter(c -> !done.contains(c.changeId())).toList();
            Set<UUID> outside = outsideScope(RowStateRepository.using(cfg), fresh, scope);
            int conflicts = new HubMerge(cfg, clock).applyAll(fresh, outside);
            long lamport = hub.lamport();
            for (TravelChange change : fresh) {
                lamport = Math.max(lamport, change.lamport());
            }
            nodes.received(fresh);
            nodes.advanceClock(lamport);
            // The hub's rows for everything pushed, repeated or not, so the replica ends where the hub is.
            Map<SyncedEntity, Set<UUID>> touched = new LinkedHashMap<>();
            for (SyncedEntity e : SyncedEntity.values()) {
                touched.put(e, new LinkedHashSet<>());
            }
            changes.forEach(c -> touched.get(c.entity()).add(c.entityId()));
            RowStateRepository rows = RowStateRepository.using(cfg);
            List<RowState> states = new ArrayList<>();
            touched.forEach((entity, ids) -> states.addAll(rows.read(entity, ids, null)));
            return new PushResult(states, conflicts, lamport, outside(rows, touched, scope));
        });
    }

    @Override
    public PullPage pull(UUID replicaId, long afterSeq, int limit) {
        return db.transactionResult(cfg -> {
            SyncNodeRepository nodes = SyncNodeRepository.using(cfg, clock);
            SyncNode hub = nodes.hub();
            String scope = known(nodes, replicaId).scopePath();
            RowStateRepository rows = RowStateRepository.using(cfg);
            RowStateRepository.FeedPage page = rows.feed(afterSeq, limit, replicaId);
            List<RowState> states = new ArrayList<>();
            page.touched().forEach((entity, ids) -> states.addAll(rows.read(entity, ids, scope)));
            return new PullPage(states, page.lastSeq(), page.full(), hub.lamport(),
                    outside(rows, wereInside(rows, page.moved(), scope), scope));
        });
    }

    /**
     * The moved rows that were the subtree's before the move: owned or assigned there, or in the pool
     * (no owner before, or only the region changed; the hub does not keep which region's pool), so
     * the replica is told only of rows it may hold, not of every other region's handovers.
     */
    private static Map<SyncedEntity, Set<UUID>> wereInside(RowStateRepository rows,
                                                          Map<SyncedEntity, List<RowStateRepository.Moved>> moved,
                                                          String scope) {
        Map<SyncedEntity, Set<UUID>> inside = new LinkedHashMap<>();
        if (moved.isEmpty()) {
            return inside;
        }
        Set<UUID> users = rows.users(scope);
        moved.forEach((entity, list) -> list.stream()
                .filter(m -> m.ownerBefore() == null || users.contains(m.ownerBefore()))
                .forEach(m -> inside.computeIfAbsent(entity, e -> new LinkedHashSet<>()).add(m.id())));
        return inside;
    }

    /**
     * The rows among these that the hub holds outside the subtree (ids only, no fields). Only the owned entities: a contact,
     * follow-up, checklist item or comment leaves with its customer or task on the replica.
     */
    private static List<RowRef> outside(RowStateRepository rows, Map<SyncedEntity, ? extends java.util.Collection<UUID>> ids,
                                        String scope) {
        List<RowRef> left = new ArrayList<>();
        for (SyncedEntity entity : List.of(SyncedEntity.CUSTOMER, SyncedEntity.DEAL, SyncedEntity.LEAD,
                SyncedEntity.TASK, SyncedEntity.QUOTE)) {
            java.util.Collection<UUID> some = ids.get(entity);
            if (some == null || some.isEmpty()) {
                continue;
            }
            Set<UUID> in = new java.util.HashSet<>();
            rows.read(entity, some, scope).forEach(r -> in.add(r.id()));
            // Rows the hub holds: a row it never took (a pushed one it refused) is not the hub's to withdraw.
            rows.read(entity, some, null).stream().map(RowState::id).filter(id -> !in.contains(id))
                    .forEach(id -> left.add(new RowRef(entity, id)));
        }
        return left;
    }

    /** Rows the hub has that lie outside the replica's subtree: a replica may not change them. */
    private static Set<UUID> outsideScope(RowStateRepository rows, List<TravelChange> changes, String scope) {
        Set<UUID> outside = new java.util.HashSet<>();
        for (SyncedEntity entity : SyncedEntity.values()) {
            List<UUID> ids = changes.stream().filter(c -> c.entity() == entity).map(TravelChange::entityId).toList();
            if (ids.isEmpty()) {
                continue;
            }
            rows.read(entity, ids, null).forEach(r -> outside.add(r.id()));
            rows.read(entity, ids, scope).forEach(r -> outside.remove(r.id()));
        }
        return outside;
    }

    private static SyncNodeRepository.KnownReplica known(SyncNodeRepository nodes, UUID replicaId) {
        return nodes.replica(replicaId)
                .orElseThrow(() -> new SalesDeskException("error.syncUnknownReplica", replicaId));
    }
}
