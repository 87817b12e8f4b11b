package io.salesdesk.sync;

import io.salesdesk.core.SalesDeskException;
import java.util.UUID;

/**
 * A replica offline for longer than the hub's retention limit: it must be created afresh, after
 * its unsynced changes are exported ({@link SyncService#unsyncedChanges}).
 */
public final class ReplicaExpiredException extends SalesDeskException {

    public ReplicaExpiredException(UUID replicaId, long days) {
        super("error.syncReplicaExpired", replicaId, days);
    }
}
