package io.salesdesk.sync;

import static io.salesdesk.db.jooq.Tables.SYNC_NODE;
import static io.salesdesk.db.jooq.Tables.SYNC_REPLICA;

import io.salesdesk.db.Database;
import org.jooq.impl.DSL;

/**
 * Whether this database exchanges rows with others by sync: it is a branch replica, or a hub that
 * has made replicas. A customer merge is then not undone in one click (decision 12): the undo's
 * moves of rows back to the merged customer would not reach the other side.
 */
public final class SyncPeersRepository {

    private SyncPeersRepository() {
    }

    public static boolean exchangesRows(Database db) {
        return db.transactionResult(cfg -> DSL.using(cfg).fetchExists(SYNC_REPLICA)
                || DSL.using(cfg).fetchExists(SYNC_NODE, SYNC_NODE.ROLE.eq(SyncNode.Role.REPLICA.name())));
    }
}
