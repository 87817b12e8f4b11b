package io.salesdesk.ledger.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.product.ProductDraft;
import io.salesdesk.commerce.product.ProductService;
import io.salesdesk.commerce.stock.StockLevel;
import io.salesdesk.commerce.stock.StockService;
import io.salesdesk.commerce.stock.Warehouse;
import io.salesdesk.commerce.stock.WarehouseDraft;
import io.salesdesk.core.Actor;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.ledger.commerce.CommerceLedgers;
import io.salesdesk.ledger.convert.CellProblem;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing product catalogues and stock ledgers (产品、库存) on a real HSQLDB, and undoing them. */
class CommerceImportHsqldbTest {

    static final List<String> PRODUCT_HEADERS = List.of("产品编码", "品名", "产品类别", "单位", "目录价", "成本价");
    static final List<String> STOCK_HEADERS = List.of("SKU", "仓库", "现有库存", "在途数量", "预计到货");

    @TempDir
    Path dir;

    Database db;
    LedgerFixture f;
    LedgerImport imports;
    ImportHistory history;
    ProductService products;
    StockService stock;
    Actor admin;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        db = TestDatabases.hsqldb(dir.resolve("db"));
        f = new LedgerFixture(db, clock);
        LedgerEntities entities = f.entities.and(CommerceLedgers.of(db, clock));
        imports = new LedgerImport(db, clock, entities.importTargets());
        history = new ImportHistory(db, clock, entities.importTargets());
        products = new ProductService(db, clock);
        stock = new StockService(db, clock, f.regions);
        admin = f.admin.asActor();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Path ledger(String name, List<String> headers, List<Object>... rows) {
        return TestLedgers.xlsx(dir.resolve(name), null, headers, Arrays.asList(rows));
    }

    private ImportPreview preview(Path file, String entity, DuplicateDecision onDuplicate, Actor actor) {
        return imports.preview(file, ImportRequest.of(entity).withOnDuplicate(onDuplicate).withSkipInvalid(true),
                actor, ImportMonitor.NONE);
    }

    private Product product(String sku, String list) {
        return products.create(admin, new ProductDraft(sku, sku, "监护仪", "台", new BigDecimal(list), BigDecimal.ONE));
    }

    @Test
    void productsAreImportedWithTheirPricesAndBadRowsAreRefused() {
        Path file = ledger("products.xlsx", PRODUCT_HEADERS,
                List.of("MON-M8", "多参数监护仪 M8", "监护仪", "台", "38000", "26000"),
                List.of("US-P5", "便携彩超 P5", "超声", "台", "9999.99", "6000.1"),
                List.of("INF-B2", "输液泵 B2", "输注泵", "台", "-5", "3000"),
                Arrays.asList("CON-1", "一次性电极片", null, "盒", "80", "35"));

        ImportPreview preview = preview(file, "products", DuplicateDecision.SKIP, admin);

        assertThat(preview.problems()).extracting(CellProblem::rowNumber, CellProblem::messageKey)
                .containsExactly(tuple(4, "product.price.negative"), tuple(5, "ledger.convert.required"));
        ImportResult result = imports.commit(preview, admin, ImportMonitor.NONE);
        assertThat(result.counts().created()).isEqualTo(2);
        assertThat(products.bySku("US-P5").orElseThrow().listPrice()).isEqualTo("9999.99");
        assertThat(products.bySku("US-P5").orElseThrow().costPrice()).isEqualTo("6000.10");
        assertThat(products.bySku("INF-B2")).isEmpty();
    }

    @Test
    void aProductOnRecordIsUpdatedOnRequestAndUndoGivesItsPriceBack() {
        product("MON-M8", "38000");
        Path file = ledger("products.xlsx", PRODUCT_HEADERS,
                List.of("MON-M8", "MON-M8", "监护仪", "台", "36000", "1"),
                List.of("MON-M9", "MON-M9", "监护仪", "台", "45000", "30000"));

        ImportPreview preview = preview(file, "products", DuplicateDecision.UPDATE, admin);
        assertThat(preview.rows().get(0).match().kind()).isEqualTo(MatchKind.NAME);
        ImportResult result = imports.commit(preview, admin, ImportMonitor.NONE);

        assertThat(result.counts().updated()).isEqualTo(1);
        assertThat(products.bySku("MON-M8").orElseThrow().listPrice()).isEqualTo("36000.00");

        UndoResult undo = history.undo(result.batchId(), admin);
        assertThat(undo.restored()).isEqualTo(1);
        assertThat(undo.removed()).isEqualTo(1);
        assertThat(products.bySku("MON-M8").orElseThrow().listPrice()).isEqualTo("38000.00");
        assertThat(products.bySku("MON-M9")).isEmpty();

        // The undone SKU can come in again: its deleted row is revived.
        assertThat(imports.commit(preview(file, "products", DuplicateDecision.SKIP, admin), admin,
                ImportMonitor.NONE).counts().created()).isEqualTo(1);
        assertThat(products.bySku("MON-M9")).isPresent();
    }

    @Test
    void stockRowsSetOnHandAndInboundAndRefuseWhatCannotBe() {
        Product m8 = product("MON-M8", "38000");
        product("MON-M9", "45000");
        Warehouse wz = stock.createWarehouse(admin, new WarehouseDraft("WZ01", "温州仓", null, List.of("330300")));
        Path file = ledger("stock.xlsx", STOCK_HEADERS,
                Arrays.asList("MON-M8", "WZ01", 12, 20, LocalDate.of(2026, 12, 15)),
                Arrays.asList("MON-X", "WZ01", 1, null, null),
                Arrays.asList("MON-M9", "NB01", 1, null, null),
                Arrays.asList("MON-M9", "WZ01", -3, null, null),
                Arrays.asList("MON-M9", "WZ01", 3, 5, null));

        ImportPreview preview = preview(file, "stock", DuplicateDecision.SKIP, admin);

        assertThat(preview.problems()).extracting(CellProblem::rowNumber, CellProblem::messageKey).containsExactly(
                tuple(3, "ledger.import.unknownSku"), tuple(4, "ledger.import.unknownWarehouse"),
                tuple(5, "ledger.import.negativeStock"), tuple(6, "ledger.import.inboundWithoutEta"));
        assertThat(imports.commit(preview, admin, ImportMonitor.NONE).counts().created()).isEqualTo(1);
        StockLevel level = stock.level(m8.id(), wz.id()).orElseThrow();
        assertThat(level.onHand()).isEqualByComparingTo("12");
        assertThat(level.inbound()).isEqualByComparingTo("20");
        assertThat(level.inboundEta()).isEqualTo(LocalDate.of(2026, 12, 15));
    }

    @Test
    void aStockCountIsUpdatedOnRequestNeverBelowWhatIsReservedAndUndone() {
        Product m8 = product("MON-M8", "38000");
        Warehouse wz = stock.createWarehouse(admin, new WarehouseDraft("WZ01", "温州仓", null, List.of("330300")));
        stock.receive(admin, m8.id(), wz.id(), new BigDecimal("10"));
        stock.reserve(admin, m8.id(), wz.id(), new BigDecimal("4"));

        ImportPreview tooLow = preview(ledger("low.xlsx", STOCK_HEADERS, Arrays.asList("MON-M8", "WZ01", 3, 0, null)),
                "stock", DuplicateDecision.UPDATE, admin);
        assertThat(tooLow.problems()).extracting(CellProblem::messageKey).containsExactly("ledger.import.belowReserved");

        ImportResult result = imports.commit(preview(ledger("count.xlsx", STOCK_HEADERS,
                Arrays.asList("MON-M8", "WZ01", 7, null, null)), "stock", DuplicateDecision.UPDATE, admin), admin,
                ImportMonitor.NONE);
        assertThat(result.counts().updated()).isEqualTo(1);
        assertThat(stock.level(m8.id(), wz.id()).orElseThrow().onHand()).isEqualByComparingTo("7");
        assertThat(stock.level(m8.id(), wz.id()).orElseThrow().reserved()).isEqualByComparingTo("4");

        UndoResult undo = history.undo(result.batchId(), admin);
        assertThat(undo.restored()).isEqualTo(1);
        assertThat(stock.level(m8.id(), wz.id()).orElseThrow().onHand()).isEqualByComparingTo("10");
    }

    @Test
    void undoLeavesStockThatMovedSinceAndRemovesRowsItCreated() {
        Product m8 = product("MON-M8", "38000");
        Product m9 = product("MON-M9", "45000");
        Warehouse wz = stock.createWarehouse(admin, new WarehouseDraft("WZ01", "温州仓", null, List.of("330300")));
        ImportResult result = imports.commit(preview(ledger("stock.xlsx", STOCK_HEADERS,
                Arrays.asList("MON-M8", "WZ01", 5, null, null), Arrays.asList("MON-M9", "WZ01", 5, null, null)),
                "stock", DuplicateDecision.SKIP, admin), admin, ImportMonitor.NONE);
        stock.reserve(admin, m9.id(), wz.id(), BigDecimal.ONE);

        UndoResult undo = history.undo(result.batchId(), admin);

        assertThat(undo.removed()).isEqualTo(1);
        assertThat(undo.conflicts()).extracting(UndoResult.Conflict::name).containsExactly("MON-M9 @ WZ01");
        assertThat(stock.level(m8.id(), wz.id())).isEmpty();
        assertThat(stock.level(m9.id(), wz.id())).isPresent();
    }

    @Test
    void aRepMayNotImportTheCatalogue() {
        Path file = ledger("products.xlsx", PRODUCT_HEADERS, List.of("MON-M8", "M8", "监护仪", "台", "1", "1"));
        assertThatThrownBy(() -> preview(file, "products", DuplicateDecision.SKIP, f.wang.asActor()))
                .isInstanceOfSatisfying(LedgerImportException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("ledger.import.stockManagersOnly"));
    }

    @Test
    void aBranchReplicaRefusesToImportTheCatalogueWhichTheHeadOfficeKeeps() {
        db.dsl().insertInto(io.salesdesk.db.jooq.Tables.SYNC_NODE)
                .set(io.salesdesk.db.jooq.Tables.SYNC_NODE.NODE_ID, java.util.UUID.randomUUID())
                .set(io.salesdesk.db.jooq.Tables.SYNC_NODE.ROLE, "REPLICA")
                .set(io.salesdesk.db.jooq.Tables.SYNC_NODE.LAMPORT, 0L)
                .set(io.salesdesk.db.jooq.Tables.SYNC_NODE.PUSHED_SEQ, 0L)
                .set(io.salesdesk.db.jooq.Tables.SYNC_NODE.PULLED_SEQ, 0L)
                .set(io.salesdesk.db.jooq.Tables.SYNC_NODE.CREATED_AT, java.time.OffsetDateTime.now(clock))
                .execute();
        Path file = ledger("products.xlsx", PRODUCT_HEADERS, List.of("MON-M8", "M8", "监护仪", "台", "1", "1"));

        assertThatThrownBy(() -> preview(file, "products", DuplicateDecision.SKIP, admin))
                .isInstanceOfSatisfying(io.salesdesk.core.SalesDeskException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("product.atHeadOffice"));
        assertThat(products.bySku("MON-M8")).isEmpty();
    }
}
