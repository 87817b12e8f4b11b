package io.salesdesk.sync;

import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.RegionService;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A branch replica's side of sync (docs/decisions.md, the sync decision): pushes its own changes
 * since its push cursor, page by page, then pulls the hub's rows touched since its pull cursor.
 * Each page commits locally together with its cursor, so a sync cut off anywhere resumes where it
 * stopped and repeats nothing the hub has not already deduplicated.
 */
public final class SyncService {

    /** Changes per push and audit entries per pull page. */
    public static final int DEFAULT_PAGE = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    private final Database db;
    private final Clock clock;
    private final int pageSize;

    public SyncService(Database db, Clock clock) {
        this(db, clock, DEFAULT_PAGE);
    }

    public SyncService(Database db, Clock clock, int pageSize) {
        this.db = db;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /**
     * Creates a replica of the hub for an org unit's subtree in a new database: its org tree and
     * users, and the customers (with their contacts) owned by users in that subtree.
     */
    public static Database createReplica(SyncHub hub, DatabaseConfig config, UUID orgUnitId, Clock clock,
                                         int pageSize) {
        SyncHub.Registration registration = hub.register(orgUnitId);
        Database db = Database.open(config);
        try {
            new RegionService(db);
            db.transaction(cfg -> {
                SyncNodeRepository nodes = SyncNodeRepository.using(cfg, clock);
                if (nodes.node().isPresent()) {
                    throw new SalesDeskException("error.syncAlreadyNode", config);
                }
                DirectoryRepository.using(cfg).addMissing(registration.directory());
                long head = ChangeLog.using(cfg, clock).head().seq();
                nodes.insert(new SyncNode(registration.replicaId(), SyncNode.Role.REPLICA, registration.hubId(),
                        registration.scopePath(), 0, head, 0), registration.scopeOrgUnitId());
            });
            new SyncService(db, clock, pageSize).pull(hub, node(db, clock));
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** This replica's node: its id, hub and cursors. */
    public SyncNode node() {
        return node(db, clock);
    }

    /**
     * Pushes this replica's changes and pulls the hub's.
     *
     * @throws ReplicaExpiredException if the replica stayed away past the hub's retention limit
     */
    public SyncReport sync(SyncHub hub) {
        SyncNode start = node();
        SyncHub.Hello hello = hub.hello(start.nodeId());
        if (!hello.hubId().equals(start.hubId())) {
            throw new SalesDeskException("error.syncWrongHub", start.hubId(), hello.hubId());
        }
        db.transaction(cfg -> {
            DirectoryRepository.using(cfg).addMissing(hello.directory());
            SyncNodeRepository.using(cfg, clock).advanceClock(hello.lamport());
        });
        int[] pushed = push(hub);
        int pulled = pull(hub, node());
        SyncReport report = new SyncReport(pushed[0], pushed[1] + pulled, pushed[2]);
        LOG.info("Sync with hub {}: {}", start.hubId(), report);
        return report;
    }

    /** The local changes not yet pushed: what to export before a replica past retention is re-created. */
    public List<TravelChange> unsyncedChanges() {
        return db.transactionResult(cfg -> {
            SyncNode n = SyncNodeRepository.using(cfg, clock).node().orElseThrow();
            return LocalChangeRepository.using(cfg).after(n.pushedSeq(), Integer.MAX_VALUE).stream()
                    .map(c -> travel(cfg, n, c, 0)).toList();
        });
    }

    // Returns {changes pushed, rows answered, conflicts}.
    private int[] push(SyncHub hub) {
        int pushed = 0;
        int rows = 0;
        int conflicts = 0;
        while (true) {
            SyncNode n = node();
            List<LocalChangeRepository.LocalChange> local = db.transactionResult(cfg ->
                    LocalChangeRepository.using(cfg).after(n.pushedSeq(), pageSize));
            if (local.isEmpty()) {
                return new int[] {pushed, rows, conflicts};
            }
            List<TravelChange> page = db.transactionResult(cfg -> {
                List<TravelChange> out = new ArrayList<>(local.size());
                long lamport = n.lamport();
                for (LocalChangeRepository.LocalChange c : local) {
                    out.add(travel(cfg, n, c, ++lamport));
                }
                return out;
            });
            long lastSeq = local.get(local.size() - 1).seq();
            SyncHub.PushResult result = hub.push(n.nodeId(), page);
            long lamport = Math.max(page.get(page.size() - 1).lamport(), result.lamport());
            db.transaction(cfg -> {
                apply(cfg, n.hubId(), result.rows(), lastSeq);
                ScopeExit.apply(cfg, clock, result.left(), lastSeq);
                LostClaims.tell(cfg, clock, LostClaims.of(page, result.rows()), result.rows());
                SyncNodeRepository.using(cfg, clock).pushedThrough(lastSeq, lamport);
            });
            pushed += page.size();
            rows += result.rows().size();
            conflicts += result.conflicts();
        }
    }

    private int pull(SyncHub hub, SyncNode start) {
        int pulled = 0;
        long after = start.pulledSeq();
        while (true) {
            SyncHub.PullPage page = hub.pull(start.nodeId(), after, pageSize);
            int left = db.transactionResult(cfg -> {
                SyncNode n = SyncNodeRepository.using(cfg, clock).node().orElseThrow();
                apply(cfg, n.hubId(), page.rows(), n.pushedSeq());
                int gone = ScopeExit.apply(cfg, clock, page.left(), n.pushedSeq());
                SyncNodeRepository.using(cfg, clock).pulledThrough(page.nextSeq(), page.lamport());
                return gone;
            });
            if (left > 0) {
                LOG.info("Sync took {} records off this replica: they now belong outside its subtree", left);
            }
            // Rows taken off count as rows the pull changed, so the app reads its lists again.
            pulled += page.rows().size() + left;
            after = page.nextSeq();
            if (!page.more()) {
                return pulled;
            }
        }
    }

    /**
     * Makes local rows hold the hub's values, except fields with local changes after
     * {@code pushedSeq}: those are this replica's newer edits, which its next push merges at the hub.
     */
    private void apply(Configuration cfg, UUID hubId, List<RowState> hubRows, long pushedSeq) {
        if (hubRows.isEmpty()) {
            return;
        }
        RowStateRepository rows = RowStateRepository.using(cfg);
        RowWriter writer = new RowWriter(cfg, clock);
        ChangeReason reason = ChangeReason.of(ChangeReason.Kind.SYNC, "hub " + hubId);
        Map<UUID, Set<String>> unpushed = LocalChangeRepository.using(cfg)
                .unpushedFields(pushedSeq, hubRows.stream().map(RowState::id).toList());
        List<RowState> ordered = hubRows.stream().sorted(Comparator.comparing(RowState::entity)).toList();
        Map<UUID, RowState> local = new java.util.HashMap<>();
        for (SyncedEntity entity : SyncedEntity.values()) {
            List<UUID> ids = ordered.stream().filter(r -> r.entity() == entity).map(RowState::id).toList();
            if (!ids.isEmpty()) {
                rows.read(entity, ids, null).forEach(r -> local.put(r.id(), r));
            }
        }
        // A row that left this replica's scope and comes back: live again first, then written whole.
        Map<SyncedEntity, List<UUID>> back = new java.util.EnumMap<>(SyncedEntity.class);
        for (RowState hubRow : ordered) {
            RowState current = local.get(hubRow.id());
            if (current != null && current.deleted() && !hubRow.deleted()
                    && !unpushed.getOrDefault(hubRow.id(), Set.of()).contains(SyncedEntity.DELETED)) {
                back.computeIfAbsent(hubRow.entity(), e -> new ArrayList<>()).add(hubRow.id());
            }
        }
        if (!back.isEmpty()) {
            ScopeExit.restore(cfg, back);
            back.forEach((entity, ids) -> rows.read(entity, ids, null).forEach(r -> local.put(r.id(), r)));
        }
        for (RowState hubRow : ordered) {
            Set<String> mine = unpushed.getOrDefault(hubRow.id(), Set.of());
            if (mine.contains(SyncedEntity.DELETED)) {
                continue;
            }
            RowState current = local.get(hubRow.id());
            Map<String, String> target = new java.util.LinkedHashMap<>(hubRow.fields());
            if (current != null) {
                mine.forEach(field -> target.put(field, current.get(field)));
            }
            writer.queue(new RowWriter.Write(null, reason, current, hubRow.entity(), hubRow.id(), target,
                    hubRow.deleted()));
        }
        Set<RowWriter.Write> skipped = writer.flush();
        // Expected, not a fault: a rep's deal or follow-up on a customer another branch owns stays at the hub.
        for (RowWriter.Write s : skipped) {
            LOG.debug("Sync skipped {} {}: its customer is not on this replica", s.entity(), s.id());
        }
        if (!skipped.isEmpty()) {
            LOG.info("Sync left {} rows at the hub whose customer is not on this replica", skipped.size());
        }
        for (RowWriter.Refused refused : writer.refused()) {
            LOG.warn("Sync skipped {} of {} {}: the field is not in use here or refuses {}", refused.field(),
                    refused.write().entity(), refused.write().id(), refused.value());
        }
    }

    private static TravelChange travel(Configuration cfg, SyncNode n, LocalChangeRepository.LocalChange c,
                                       long lamport) {
        Map<String, String> deletedBase = Map.of();
        if ("DELETE".equals(c.operation())) {
            deletedBase = RowStateRepository.using(cfg).find(c.entity(), c.entityId()).map(RowState::fields)
                    .orElse(Map.of());
        }
        Map<String, io.salesdesk.db.FieldChange> changes = PoolClaims.withReleaseStamp(RowStateRepository.using(cfg),
                c.entity(), c.entityId(), c.operation(), c.changes());
        if (c.entity() == SyncedEntity.QUOTE && c.changes().containsKey("status") && !c.changes().containsKey("lines")) {
            // A quote's status goes with the lines it was given for (sent, accepted …): they travel
            // unchanged with it, so lines the hub changed meanwhile are a conflict, not a silent mix.
            String lines = LocalChangeRepository.using(cfg).quoteLinesAt(c.entityId(), c.seq());
            changes = new java.util.LinkedHashMap<>(changes);
            changes.put("lines", new io.salesdesk.db.FieldChange(lines, lines));
        }
        return new TravelChange(c.changeId(), n.nodeId(), lamport, c.entity(), c.entityId(), c.operation(),
                changes, deletedBase, c.changedBy(), c.changedByName());
    }

    private static SyncNode node(Database db, Clock clock) {
        return db.transactionResult(cfg -> SyncNodeRepository.using(cfg, clock).node()
                .orElseThrow(() -> new SalesDeskException("error.syncNotReplica")));
    }
}
