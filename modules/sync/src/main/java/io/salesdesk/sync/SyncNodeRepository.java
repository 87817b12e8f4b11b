package io.salesdesk.sync;

import static io.salesdesk.db.jooq.Tables.SYNC_NODE;
import static io.salesdesk.db.jooq.Tables.SYNC_RECEIVED;
import static io.salesdesk.db.jooq.Tables.SYNC_REPLICA;

import io.salesdesk.core.Ids;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.records.SyncNodeRecord;
import io.salesdesk.db.jooq.tables.records.SyncReceivedRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The sync_node row of this database, the hub's list of replicas and the change ids it received. */
final class SyncNodeRepository {

    private final DSLContext dsl;
    private final Clock clock;

    private SyncNodeRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
    }

    static SyncNodeRepository using(Configuration configuration, Clock clock) {
        return new SyncNodeRepository(configuration, clock);
    }

    /** This database's node, if it takes part in sync. */
    Optional<SyncNode> node() {
        return dsl.selectFrom(SYNC_NODE).fetchOptional(SyncNodeRepository::toNode);
    }

    /** Takes the node row's write lock for the rest of the transaction: one push or sync at a time. */
    void lock() {
        dsl.update(SYNC_NODE).set(SYNC_NODE.LAMPORT, SYNC_NODE.LAMPORT).execute();
    }

    /** This database as a hub, made one on first use. */
    SyncNode hub() {
        return node().orElseGet(() -> {
            insert(new SyncNode(Ids.newId(clock), SyncNode.Role.HUB, null, null, 0, 0, 0), null);
            return node().orElseThrow();
        });
    }

    void insert(SyncNode node, UUID scopeOrgUnitId) {
        SyncNodeRecord r = dsl.newRecord(SYNC_NODE);
        r.setNodeId(node.nodeId());
        r.setRole(node.role().name());
        r.setHubNodeId(node.hubId());
        r.setScopeOrgUnitId(scopeOrgUnitId);
        r.setScopePath(node.scopePath());
        r.setLamport(node.lamport());
        r.setPushedSeq(node.pushedSeq());
        r.setPulledSeq(node.pulledSeq());
        r.setCreatedAt(Rows.now(clock));
        r.insert();
    }

    /** Moves the logical clock forward to at least {@code lamport}. */
    void advanceClock(long lamport) {
        dsl.update(SYNC_NODE).set(SYNC_NODE.LAMPORT, DSL.greatest(SYNC_NODE.LAMPORT, DSL.val(lamport))).execute();
    }

    void pushedThrough(long seq, long lamport) {
        advanceClock(lamport);
        dsl.update(SYNC_NODE).set(SYNC_NODE.PUSHED_SEQ, seq).set(SYNC_NODE.LAST_SYNCED_AT, Rows.now(clock)).execute();
    }

    void pulledThrough(long seq, long lamport) {
        advanceClock(lamport);
        dsl.update(SYNC_NODE).set(SYNC_NODE.PULLED_SEQ, seq).set(SYNC_NODE.LAST_SYNCED_AT, Rows.now(clock)).execute();
    }

    void addReplica(UUID replicaId, UUID scopeOrgUnitId, String scopePath) {
        OffsetDateTime now = Rows.now(clock);
        dsl.insertInto(SYNC_REPLICA)
                .set(SYNC_REPLICA.NODE_ID, replicaId)
                .set(SYNC_REPLICA.SCOPE_ORG_UNIT_ID, scopeOrgUnitId)
                .set(SYNC_REPLICA.SCOPE_PATH, scopePath)
                .set(SYNC_REPLICA.CREATED_AT, now)
                .set(SYNC_REPLICA.LAST_SEEN_AT, now)
                .execute();
    }

    /** A replica's scope path and when it last synced, if the hub knows it. */
    Optional<KnownReplica> replica(UUID replicaId) {
        return dsl.selectFrom(SYNC_REPLICA).where(SYNC_REPLICA.NODE_ID.eq(replicaId))
                .fetchOptional(r -> new KnownReplica(r.getNodeId(), r.getScopePath(), r.getLastSeenAt()));
    }

    void seen(UUID replicaId) {
        dsl.update(SYNC_REPLICA).set(SYNC_REPLICA.LAST_SEEN_AT, Rows.now(clock))
                .where(SYNC_REPLICA.NODE_ID.eq(replicaId)).execute();
    }

    /**
     * A replica the hub created.
     *
     * @param nodeId     its id
     * @param scopePath  its org subtree
     * @param lastSeenAt when it last started a sync
     */
    record KnownReplica(UUID nodeId, String scopePath, OffsetDateTime lastSeenAt) {
    }

    /** The change ids among these the hub has already applied. */
    Set<UUID> alreadyReceived(Collection<UUID> changeIds) {
        Set<UUID> found = new HashSet<>();
        List<UUID> ids = new ArrayList<>(changeIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            found.addAll(dsl.select(SYNC_RECEIVED.CHANGE_ID).from(SYNC_RECEIVED)
                    .where(SYNC_RECEIVED.CHANGE_ID.in(ids.subList(from, Math.min(ids.size(), from + 1000))))
                    .fetch(SYNC_RECEIVED.CHANGE_ID));
        }
        return found;
    }

    void received(List<TravelChange> changes) {
        OffsetDateTime now = Rows.now(clock);
        List<SyncReceivedRecord> records = new ArrayList<>(changes.size());
        for (TravelChange c : changes) {
            SyncReceivedRecord r = dsl.newRecord(SYNC_RECEIVED);
            r.setChangeId(c.changeId());
            r.setOriginNode(c.originNode());
            r.setLamport(c.lamport());
            r.setReceivedAt(now);
            records.add(r);
        }
        if (!records.isEmpty()) {
            dsl.batchInsert(records).execute();
        }
    }

    private static SyncNode toNode(SyncNodeRecord r) {
        return new SyncNode(r.getNodeId(), SyncNode.Role.valueOf(r.getRole()), r.getHubNodeId(), r.getScopePath(),
                r.getLamport(), r.getPushedSeq(), r.getPulledSeq());
    }
}
