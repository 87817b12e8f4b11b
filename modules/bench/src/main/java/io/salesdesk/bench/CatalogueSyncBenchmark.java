package io.salesdesk.bench;

import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.product.ProductDraft;
import io.salesdesk.commerce.product.ProductService;
import io.salesdesk.commerce.stock.StockService;
import io.salesdesk.commerce.stock.Warehouse;
import io.salesdesk.commerce.stock.WarehouseDraft;
import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.crm.RegionService;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.sync.LocalHub;
import io.salesdesk.sync.SyncReport;
import io.salesdesk.sync.SyncService;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the product catalogue and its stock add to every sync, since they travel whole in each hello
 * (docs/decisions.md, decision 6): one sync with nothing else to move, against a hub with no
 * products and one with {@code products} of them, each stocked in {@code warehouses} warehouses or
 * none, one of whose prices changed (and stock was received) before each iteration.
 * Hub and replica are embedded HSQLDB files in one process.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class CatalogueSyncBenchmark {

    @Param({"0", "2000"})
    public int products;

    /** 0: the catalogue alone; 2: each product stocked in two warehouses, one receipt per iteration. */
    @Param({"0", "2"})
    public int warehouses;

    private final Clock clock = Clock.systemUTC();
    private Path dir;
    private SyncHubWorkspace hubSpace;
    private LocalHub hub;
    private Database replica;
    private Product first;
    private Warehouse shanghai;
    private Actor admin;
    private StockService stock;
    private int round;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("salesdesk-catalogue-bench");
        hubSpace = new SyncHubWorkspace(dir.resolve("hub"), clock, 100);
        ProductService catalogue = new ProductService(hubSpace.db, clock);
        Actor actor = hubSpace.reps.get(0).asActor();
        // Stock is kept by managers and company-wide roles.
        admin = new Actor(actor.userId(), actor.displayName(), Role.ADMIN, actor.orgPath());
        stock = new StockService(hubSpace.db, clock, new RegionService(hubSpace.db));
        Warehouse hangzhou = null;
        if (warehouses > 0) {
            shanghai = stock.createWarehouse(admin, new WarehouseDraft("SH-01", "上海仓", null, List.of("310000")));
            hangzhou = stock.createWarehouse(admin, new WarehouseDraft("HZ-01", "杭州仓", null, List.of("330100")));
        }
        for (int i = 0; i < products; i++) {
            Product p = catalogue.create(actor, new ProductDraft(String.format("JH-%05d", i), "监护仪 " + i,
                    "监护仪", "台", new BigDecimal(10_000 + i), new BigDecimal(6_000 + i)));
            if (i == 0) {
                first = p;
            }
            if (warehouses > 0) {
                stock.receive(admin, p.id(), shanghai.id(), BigDecimal.valueOf(10 + i % 50));
                stock.receive(admin, p.id(), hangzhou.id(), BigDecimal.valueOf(5 + i % 20));
            }
        }
        hub = new LocalHub(hubSpace.db, clock);
        replica = SyncService.createReplica(hub, DatabaseConfig.embedded(dir.resolve("replica")),
                hubSpace.company.id(), clock, SyncService.DEFAULT_PAGE);
    }

    /** A new list price for one product at the hub and one more of it received, which the next sync brings down. */
    @Setup(Level.Iteration)
    public void reprice() {
        if (first == null) {
            return;
        }
        round++;
        ProductService catalogue = new ProductService(hubSpace.db, clock);
        Product now = catalogue.find(first.id()).orElseThrow();
        catalogue.update(hubSpace.reps.get(0).asActor(), now.id(), now.version(), new ProductDraft(now.sku(),
                now.name(), now.category(), now.unit(), now.listPrice().add(BigDecimal.valueOf(round)), now.costPrice()));
        if (shanghai != null) {
            stock.receive(admin, first.id(), shanghai.id(), BigDecimal.ONE);
        }
    }

    @Benchmark
    public SyncReport sync() {
        return new SyncService(replica, clock).sync(hub);
    }

    @TearDown(Level.Trial)
    public void close() {
        replica.close();
        hubSpace.db.close();
    }
}
