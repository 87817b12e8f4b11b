package io.salesdesk.sync;

import io.salesdesk.db.Database;
import java.time.Instant;
import java.util.Optional;

/**
 * What a branch replica's sync control shows.
 *
 * @param lastSyncedAt when a sync last committed a page (null: never since the replica was made)
 * @param waiting      local changes not yet pushed to the hub
 */
public record ReplicaStatus(Instant lastSyncedAt, int waiting) {

    /** The status of this database, empty unless it is a branch replica (sync_node role REPLICA). */
    public static Optional<ReplicaStatus> of(Database db) {
        return db.transactionResult(cfg -> ReplicaStatusRepository.using(cfg).status());
    }
}
