package io.salesdesk.sync;

import java.util.List;
import java.util.UUID;

/**
 * The hub as a replica sees it. {@link LocalHub} is the hub's own database in this process; a
 * remote hub would put the same calls on the wire. Every call is safe to repeat: a push repeated
 * after a lost answer applies nothing twice, a pull is read-only.
 */
public interface SyncHub {

    /**
     * Makes a new replica for an org unit's subtree.
     *
     * @return the replica's id and scope, and the org tree and users it needs
     */
    Registration register(UUID orgUnitId);

    /**
     * Starts a sync: checks the replica is known and within the retention limit.
     *
     * @throws ReplicaExpiredException if the replica has not synced for longer than the retention limit
     */
    Hello hello(UUID replicaId);

    /** Merges changes into the hub and answers with the hub's rows for every row they touched. */
    PushResult push(UUID replicaId, List<TravelChange> changes);

    /** The hub's rows in the replica's scope touched by the hub's changes after {@code afterSeq}, one page. */
    PullPage pull(UUID replicaId, long afterSeq, int limit);

    /**
     * A new replica's identity.
     *
     * @param replicaId  the replica's node id
     * @param hubId      the hub's node id
     * @param scopeOrgUnitId the org unit whose subtree the replica holds
     * @param scopePath  that unit's path
     * @param directory  org units, users, custom field definitions and the subtree's passwords
     */
    record Registration(UUID replicaId, UUID hubId, UUID scopeOrgUnitId, String scopePath, Directory directory) {
    }

    /**
     * The answer to {@link #hello}.
     *
     * @param hubId     the hub's node id
     * @param lamport   the hub's logical clock
     * @param directory org units and users, so rows that name a new user can be written, and the
     *                  subtree's passwords as they are now
     */
    record Hello(UUID hubId, long lamport, Directory directory) {
    }

    /**
     * The answer to {@link #push}.
     *
     * @param rows      the hub's rows for every row the changes touched, after the merge
     * @param conflicts conflicts the push recorded (zero for a repeated push)
     * @param lamport   the hub's logical clock
     * @param left      rows the changes touched that now lie outside the replica's subtree, which it
     *                  takes off its lists
     */
    record PushResult(List<RowState> rows, int conflicts, long lamport, List<RowRef> left) {
    }

    /** A row named by entity and id only: no fields, since it is none of the replica's business. */
    record RowRef(SyncedEntity entity, java.util.UUID id) {
    }

    /**
     * One page of the hub's feed.
     *
     * @param rows    the rows in scope the page's changes touched, as the hub holds them now
     * @param nextSeq the hub sequence number to pull after next time
     * @param more    whether more pages follow
     * @param lamport the hub's logical clock
     * @param left    rows whose owner, assignee or region the page's changes moved and that now lie
     *                outside the replica's subtree: the replica takes those it holds off its lists
     */
    record PullPage(List<RowState> rows, long nextSeq, boolean more, long lamport, List<RowRef> left) {
    }
}
