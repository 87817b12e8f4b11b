package io.salesdesk.sync;

import static io.salesdesk.db.jooq.Tables.CONTACT;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;

import io.salesdesk.db.Database;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Every synced row of a database as sync sees it: for comparing a replica with its hub. */
public final class SyncedRows {

    private SyncedRows() {
    }

    /** Customers then contacts, deleted ones included, by id. */
    public static Map<UUID, RowState> read(Database db) {
        return db.transactionResult(cfg -> {
            RowStateRepository rows = RowStateRepository.using(cfg);
            Map<UUID, RowState> all = new TreeMap<>();
            var dsl = org.jooq.impl.DSL.using(cfg);
            rows.read(SyncedEntity.CUSTOMER, dsl.select(CUSTOMER.ID).from(CUSTOMER).fetch(CUSTOMER.ID), null)
                    .forEach(r -> all.put(r.id(), r));
            rows.read(SyncedEntity.CONTACT, dsl.select(CONTACT.ID).from(CONTACT).fetch(CONTACT.ID), null)
                    .forEach(r -> all.put(r.id(), r));
            return all;
        });
    }
}
