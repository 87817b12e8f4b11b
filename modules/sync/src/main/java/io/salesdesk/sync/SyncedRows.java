package io.salesdesk.sync;

import io.salesdesk.db.Database;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Every synced row of a database as sync sees it: for comparing a replica with its hub. */
public final class SyncedRows {

    private SyncedRows() {
    }

    /** Every synced row with its custom values, deleted ones included, by id. */
    public static Map<UUID, RowState> read(Database db) {
        return db.transactionResult(cfg -> {
            RowStateRepository rows = RowStateRepository.using(cfg);
            Map<UUID, RowState> all = new TreeMap<>();
            for (SyncedEntity entity : SyncedEntity.values()) {
                rows.all(entity).forEach(r -> all.put(r.id(), r));
            }
            return all;
        });
    }
}
