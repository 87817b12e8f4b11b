package io.salesdesk.sync;

import java.util.UUID;

/**
 * This database's place in sync.
 *
 * @param nodeId    this node's id
 * @param role      hub or replica
 * @param hubId     a replica's hub, null on a hub
 * @param scopePath a replica's org subtree, null on a hub
 * @param lamport   the logical clock
 * @param pushedSeq a replica's cursor: its own audit trail pushed through this sequence number
 * @param pulledSeq a replica's cursor: the hub's audit trail pulled through this sequence number
 */
public record SyncNode(UUID nodeId, Role role, UUID hubId, String scopePath, long lamport, long pushedSeq,
                       long pulledSeq) {

    /** Which end of a sync a database is. */
    public enum Role {
        HUB, REPLICA
    }
}
