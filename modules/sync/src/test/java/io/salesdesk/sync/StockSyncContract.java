package io.salesdesk.sync;

import static io.salesdesk.db.jooq.Tables.STOCK;
import static io.salesdesk.db.jooq.Tables.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.salesdesk.commerce.CommerceException;
import io.salesdesk.commerce.freeze.OrderFreezeService;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.product.ProductDraft;
import io.salesdesk.commerce.product.ProductService;
import io.salesdesk.commerce.stock.LineCheck;
import io.salesdesk.commerce.stock.OpportunityLine;
import io.salesdesk.commerce.stock.OpportunityLines;
import io.salesdesk.commerce.stock.StockCheck;
import io.salesdesk.commerce.stock.StockLevel;
import io.salesdesk.commerce.stock.StockService;
import io.salesdesk.commerce.stock.Warehouse;
import io.salesdesk.commerce.stock.WarehouseDraft;
import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stock is kept at the head office and comes down to a replica (docs/decisions.md, decision 6): a
 * replica of 华东大区 has the hub's warehouses and levels from its creation, takes a receipt made at
 * the hub on the next sync, refuses every stock write itself, and a deal's stock check there sees the
 * hub's levels. A hub (the subclass's database) and a replica on a real HSQLDB file.
 */
abstract class StockSyncContract {

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T02:00:00Z"));
    private Database hubDb;
    private SyncFixture org;
    private LocalHub hub;
    private Database replica;
    private Actor hubAdmin;
    private Product monitor;
    private Warehouse suzhou;

    abstract Database openHub(Path hubDir);

    @BeforeEach
    void setUp() {
        hubDb = openHub(dir.resolve("hub"));
        org = new SyncFixture(hubDb, clock);
        hub = new LocalHub(hubDb, clock);
        hubAdmin = new Actor(org.zhang.id(), "总部管理员", Role.ADMIN, org.company.path());
        monitor = new ProductService(hubDb, clock).create(hubAdmin, new ProductDraft("JH-M100", "康瑞 M100 监护仪",
                "监护仪", "台", new BigDecimal("18800.00"), new BigDecimal("12000.00")));
        StockService atHub = stock(hubDb);
        suzhou = atHub.createWarehouse(hubAdmin, new WarehouseDraft("SZ-01", "苏州仓", "苏州工业园区",
                List.of("320000")));
        atHub.receive(hubAdmin, monitor.id(), suzhou.id(), new BigDecimal("12"));
        atHub.reserve(hubAdmin, monitor.id(), suzhou.id(), new BigDecimal("2"));
        atHub.setInbound(hubAdmin, monitor.id(), suzhou.id(), new BigDecimal("30"), LocalDate.of(2026, 3, 20));
    }

    @AfterEach
    void tearDown() {
        for (Database db : new Database[] {replica, hubDb}) {
            if (db != null) {
                db.close();
            }
        }
    }

    @Test
    void aNewReplicaHasTheHubsWarehousesAndStock() {
        createReplica();

        StockService here = stock(replica);
        assertThat(here.warehouses()).extracting(Warehouse::code, Warehouse::regionCodes)
                .containsExactly(tuple("SZ-01", List.of("320000")));
        StockLevel level = here.level(monitor.id(), suzhou.id()).orElseThrow();
        assertThat(level.onHand()).isEqualByComparingTo("12");
        assertThat(level.reserved()).isEqualByComparingTo("2");
        assertThat(level.inbound()).isEqualByComparingTo("30");
        assertThat(level.inboundEta()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(here.availability("320505", List.of(monitor.id())).get(monitor.id()).available())
                .isEqualByComparingTo("10");
    }

    @Test
    void aReceiptANewWarehouseAndItsRegionsAtTheHubArriveOnTheNextSync() {
        createReplica();
        StockService atHub = stock(hubDb);
        atHub.receive(hubAdmin, monitor.id(), suzhou.id(), new BigDecimal("5"));
        Warehouse nanjing = atHub.createWarehouse(hubAdmin, new WarehouseDraft("NJ-01", "南京仓", null,
                List.of("320100")));
        atHub.receive(hubAdmin, monitor.id(), nanjing.id(), new BigDecimal("4"));
        Warehouse sz = atHub.warehouse(suzhou.id()).orElseThrow();
        atHub.updateWarehouse(hubAdmin, sz.id(), sz.version(), new WarehouseDraft(sz.code(), sz.name(), sz.address(),
                List.of("320500")), true);
        // Offline, the replica still shows what it had.
        assertThat(stock(replica).level(monitor.id(), suzhou.id()).orElseThrow().onHand()).isEqualByComparingTo("12");

        sync();

        StockService here = stock(replica);
        assertThat(here.level(monitor.id(), suzhou.id()).orElseThrow().onHand()).isEqualByComparingTo("17");
        // Receiving 5 of the 30 expected leaves 25 inbound, as at the hub.
        assertThat(here.level(monitor.id(), suzhou.id()).orElseThrow().inbound()).isEqualByComparingTo("25");
        assertThat(here.level(monitor.id(), nanjing.id()).orElseThrow().onHand()).isEqualByComparingTo("4");
        assertThat(here.warehouse(suzhou.id()).orElseThrow().regionCodes()).containsExactly("320500");
        assertThat(here.stockOf(monitor.id())).containsExactlyInAnyOrderElementsOf(atHub.stockOf(monitor.id()));
    }

    @Test
    void theReplicaRefusesEveryStockWriteAndChangesNothing() {
        createReplica();
        StockService here = stock(replica);
        Actor eastManager = new Actor(org.li.id(), "李二", Role.MANAGER, org.east.path());
        List<StockLevel> before = here.stockOf(monitor.id());
        Warehouse sz = here.warehouse(suzhou.id()).orElseThrow();

        assertThat(here.keptHere()).isFalse();
        assertThat(stock(hubDb).keptHere()).isTrue();
        refused(() -> here.receive(eastManager, monitor.id(), suzhou.id(), new BigDecimal("5")));
        refused(() -> here.adjust(eastManager, monitor.id(), suzhou.id(), new BigDecimal("-1"), "盘点"));
        refused(() -> here.setInbound(eastManager, monitor.id(), suzhou.id(), new BigDecimal("3"),
                LocalDate.of(2026, 4, 1)));
        refused(() -> here.createWarehouse(eastManager, new WarehouseDraft("BD-1", "本地仓", null, List.of())));
        refused(() -> here.updateWarehouse(eastManager, sz.id(), sz.version(), new WarehouseDraft(sz.code(), "改名",
                null, List.of()), true));

        assertThat(here.stockOf(monitor.id())).containsExactlyInAnyOrderElementsOf(before);
        assertThat(replica.dsl().fetchCount(WAREHOUSE)).isEqualTo(1);
        assertThat(here.warehouse(suzhou.id()).orElseThrow().name()).isEqualTo("苏州仓");
    }

    @Test
    void aDealsStockCheckOnTheReplicaSeesTheHubsLevels() {
        createReplica();
        OpportunityLines lines = new OpportunityLines(replica, clock, new OrderFreezeService(replica, clock),
                stock(replica));

        StockCheck enough = lines.preview("320505", List.of(new OpportunityLine.Draft(monitor.id(),
                new BigDecimal("10"))));
        StockCheck tooMany = lines.preview("320505", List.of(new OpportunityLine.Draft(monitor.id(),
                new BigDecimal("11"))));

        assertThat(enough.hasShortage()).isFalse();
        assertThat(enough.lines()).extracting(LineCheck::available).first()
                .satisfies(a -> assertThat(a).isEqualByComparingTo("10"));
        assertThat(tooMany.shortLines()).extracting(LineCheck::shortage).first()
                .satisfies(s -> assertThat(s).isEqualByComparingTo("1"));
    }

    @Test
    void aReservationMadeOnTheReplicaGivesWayToTheHubsFigureAtTheNextSync() {
        createReplica();
        Actor rep = org.wang.asActor();
        stock(replica).reserve(rep, monitor.id(), suzhou.id(), new BigDecimal("3"));
        assertThat(stock(replica).level(monitor.id(), suzhou.id()).orElseThrow().reserved())
                .isEqualByComparingTo("5");
        stock(hubDb).reserve(hubAdmin, monitor.id(), suzhou.id(), new BigDecimal("1"));

        sync();

        assertThat(stock(replica).level(monitor.id(), suzhou.id()).orElseThrow().reserved())
                .isEqualByComparingTo("3");
        assertThat(replica.dsl().fetchCount(STOCK)).isEqualTo(1);
    }

    private void createReplica() {
        replica = SyncService.createReplica(hub, DatabaseConfig.embedded(dir.resolve("r1")), org.east.id(), clock,
                SyncService.DEFAULT_PAGE);
    }

    private void sync() {
        new SyncService(replica, clock).sync(hub);
    }

    private StockService stock(Database db) {
        return new StockService(db, clock, new RegionService(db));
    }

    private static void refused(ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CommerceException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("stock.atHeadOffice");
            assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).startsWith("这台电脑是分支副本");
        });
    }
}
