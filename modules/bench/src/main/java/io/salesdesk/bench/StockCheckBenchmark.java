package io.salesdesk.bench;

import static io.salesdesk.db.jooq.Tables.PRODUCT;
import static io.salesdesk.db.jooq.Tables.STOCK;

import io.salesdesk.commerce.freeze.OrderFreezeService;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.product.ProductService;
import io.salesdesk.commerce.stock.OpportunityLine;
import io.salesdesk.commerce.stock.OpportunityLines;
import io.salesdesk.commerce.stock.StockCheck;
import io.salesdesk.commerce.stock.StockService;
import io.salesdesk.commerce.stock.Warehouse;
import io.salesdesk.commerce.stock.WarehouseDraft;
import io.salesdesk.core.Actor;
import io.salesdesk.core.BoardRank;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.Ids;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityRepository;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The stock check of an opportunity with 20 lines over 50 warehouses (target ≤ 20 ms) on an
 * embedded HSQLDB file: 50 warehouses all serving the customer in 鹿城区 (at county, city and
 * province level), 1,000 products in stock in every warehouse (50,000 stock rows), the 20 planned
 * products each with three ranked substitutes, a quarter of them short. {@code checkAndKeep} is
 * what saving the form costs after the lines are written: read the lines, check, keep the result
 * as JSON (the freeze exists after the first run); {@code preview} is the read-only check the form
 * runs while lines are being entered.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class StockCheckBenchmark {

    static final int WAREHOUSES = 50;
    static final int PRODUCTS = 1_000;
    static final int LINES = 20;
    static final String REGION = "330302";

    private Path dir;
    private Database db;
    private OpportunityLines lines;
    private Actor admin;
    private UUID deal;
    private List<OpportunityLine.Draft> drafts;

    @Setup(Level.Trial)
    public void create() throws IOException {
        dir = Files.createTempDirectory("bench-stock-check");
        Clock clock = Clock.systemUTC();
        db = Database.open(DatabaseConfig.embedded(dir));
        new DemoWorkspace(db, clock).create(20260101L, 0);
        User adminUser = new UserService(db, clock).byUsername("admin").orElseThrow();
        admin = adminUser.asActor();
        RegionService regions = new RegionService(db);
        ProductService products = new ProductService(db, clock);
        StockService stock = new StockService(db, clock, regions);
        OrderFreezeService freezes = new OrderFreezeService(db, clock);
        lines = new OpportunityLines(db, clock, freezes, stock);

        String[] levels = {REGION, "330300", "330000"};
        List<Warehouse> warehouses = new ArrayList<>();
        for (int w = 0; w < WAREHOUSES; w++) {
            warehouses.add(stock.createWarehouse(admin, new WarehouseDraft(String.format("W%03d", w), "基准仓 " + w,
                    null, List.of(levels[w % 3]))));
        }
        SplittableRandom random = new SplittableRandom(11);
        LocalDate eta = LocalDate.now(clock).plusDays(10);
        // The products and their 50,000 stock rows are generated data, written in two JDBC batches:
        // through the services (one audited transaction per change) the setup took over 15 minutes.
        List<UUID> ids = new ArrayList<>();
        db.transaction(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            OffsetDateTime now = OffsetDateTime.now(clock);
            var productBatch = dsl.batch(dsl.insertInto(PRODUCT, PRODUCT.ID, PRODUCT.SKU, PRODUCT.NAME,
                    PRODUCT.CATEGORY, PRODUCT.UNIT, PRODUCT.LIST_PRICE, PRODUCT.COST_PRICE, PRODUCT.ACTIVE,
                    PRODUCT.VERSION, PRODUCT.CREATED_AT, PRODUCT.UPDATED_AT)
                    .values((UUID) null, null, null, null, null, null, null, null, null, null, null));
            for (int p = 0; p < PRODUCTS; p++) {
                UUID id = Ids.newId(clock);
                ids.add(id);
                productBatch.bind(id, String.format("SKU-%04d", p), "基准产品 " + p, "类别" + p % 12, "台",
                        new BigDecimal("1000.00"), new BigDecimal("600.00"), true, 1L, now, now);
            }
            productBatch.execute();
            var stockBatch = dsl.batch(dsl.insertInto(STOCK, STOCK.PRODUCT_ID, STOCK.WAREHOUSE_ID, STOCK.ON_HAND,
                    STOCK.RESERVED, STOCK.INBOUND, STOCK.INBOUND_ETA, STOCK.VERSION, STOCK.UPDATED_AT)
                    .values((UUID) null, null, null, null, null, null, null, null));
            for (int p = 0; p < PRODUCTS; p++) {
                // The first 20 are planned; every fourth of them is out everywhere, with stock inbound.
                boolean shortOne = p < LINES && p % 4 == 0;
                for (Warehouse w : warehouses) {
                    boolean inbound = random.nextInt(5) == 0 || shortOne;
                    stockBatch.bind(ids.get(p), w.id(),
                            shortOne ? BigDecimal.ZERO : BigDecimal.valueOf(1 + random.nextInt(20)), BigDecimal.ZERO,
                            inbound ? BigDecimal.TEN : BigDecimal.ZERO, inbound ? eta.plusDays(random.nextInt(30)) : null,
                            1L, now);
                }
            }
            stockBatch.execute();
        });
        List<Product> all = ids.stream().limit(4L * LINES).map(id -> products.find(id).orElseThrow()).toList();
        for (int p = 0; p < LINES; p++) {
            Product current = products.find(all.get(p).id()).orElseThrow();
            products.setSubstitutes(admin, current.id(), current.version(), List.of(all.get(LINES + 3 * p).id(),
                    all.get(LINES + 3 * p + 1).id(), all.get(LINES + 3 * p + 2).id()));
        }
        UUID customer = Ids.newId(clock);
        deal = Ids.newId(clock);
        db.transaction(cfg -> {
            String name = "温州基准医院";
            CustomerRepository.using(cfg, clock, code -> code).insertAll(null, ChangeReason.of(ChangeReason.Kind.SYSTEM,
                    "benchmark"), List.of(new CustomerRepository.NewCustomer(customer, new CustomerDraft(name, null,
                    Tier.A, "HOSPITAL", REGION, null, null, adminUser.id()), CompanyName.normalise(name), null, null,
                    null)));
            OpportunityRepository deals = OpportunityRepository.using(cfg, clock);
            deals.insertAll(null, ChangeReason.of(ChangeReason.Kind.SYSTEM, "benchmark"), List.of(
                    new OpportunityRepository.NewOpportunity(deal, new OpportunityDraft(customer, "20 行基准商机",
                            adminUser.id(), deals.stages().get(0).code(), null, null, null, null, null), 10,
                            BoardRank.first(), null)));
        });
        drafts = new ArrayList<>();
        for (int p = 0; p < LINES; p++) {
            drafts.add(new OpportunityLine.Draft(all.get(p).id(), BigDecimal.valueOf(50 + p)));
        }
        StockCheck first = lines.save(admin, deal, drafts).check();
        if (first.lines().size() != LINES || first.shortLines().size() < LINES / 4) {
            throw new IllegalStateException("The benchmark's check is not the intended one: " + first);
        }
    }

    @Benchmark
    public StockCheck checkAndKeep() {
        return lines.check(admin, deal).check();
    }

    @Benchmark
    public StockCheck preview() {
        return lines.preview(REGION, drafts);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        db.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
