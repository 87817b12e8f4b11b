package io.salesdesk.ledger.commerce;

import io.salesdesk.commerce.product.ProductService;
import io.salesdesk.db.Database;
import io.salesdesk.ledger.imports.LedgerEntities;
import java.time.Clock;
import java.util.List;

/** The commerce ledgers: products and stock, importable (the app adds them to the CRM's with {@link LedgerEntities#and}). */
public final class CommerceLedgers {

    private CommerceLedgers() {
    }

    public static LedgerEntities of(Database db, Clock clock) {
        return new LedgerEntities(List.of(new ProductImportTarget(db, clock, new ProductService(db, clock)),
                new StockImportTarget(db, clock)), List.of());
    }
}
