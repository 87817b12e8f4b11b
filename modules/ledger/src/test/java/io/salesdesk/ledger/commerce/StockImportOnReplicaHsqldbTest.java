package io.salesdesk.ledger.commerce;

import static io.salesdesk.db.jooq.Tables.SYNC_NODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.commerce.CommerceException;
import io.salesdesk.core.Actor;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.ledger.imports.LedgerEntities;
import io.salesdesk.ledger.imports.LedgerFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a branch replica stock and products are kept at the head office (docs/decisions.md, decision 6):
 * the stock import refuses before columns are mapped, and the import menu leaves both ledgers out
 * instead of failing. A real HSQLDB marked as a replica the way registration marks it (sync_node).
 */
class StockImportOnReplicaHsqldbTest {

    @TempDir
    Path dir;

    Database db;
    LedgerFixture f;
    Actor admin;
    final Clock clock = Clock.fixed(Instant.parse("2026-04-10T02:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        db = TestDatabases.hsqldb(dir.resolve("db"));
        f = new LedgerFixture(db, clock);
        admin = f.admin.asActor();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aReplicaRefusesTheStockImportAndLeavesStockAndProductsOffTheImportMenu() {
        LedgerEntities ledgers = f.entities.and(CommerceLedgers.of(db, clock));
        StockImportTarget stock = new StockImportTarget(db, clock);
        stock.checkAllowed(admin);
        assertThat(ledgers.importKeys(admin)).contains("stock", "products");

        db.dsl().insertInto(SYNC_NODE).set(SYNC_NODE.NODE_ID, UUID.fromString("0192f3a1-7c00-7abc-8def-0123dea3f09c"))
                .set(SYNC_NODE.ROLE, "REPLICA").set(SYNC_NODE.LAMPORT, 0L).set(SYNC_NODE.PUSHED_SEQ, 0L)
                .set(SYNC_NODE.PULLED_SEQ, 0L).set(SYNC_NODE.CREATED_AT, OffsetDateTime.now(clock)).execute();

        assertThatThrownBy(() -> stock.checkAllowed(admin)).isInstanceOfSatisfying(CommerceException.class,
                e -> assertThat(e.messageKey()).isEqualTo("stock.atHeadOffice"));
        assertThat(ledgers.importKeys(admin)).doesNotContain("stock", "products").contains("customers");
    }
}
