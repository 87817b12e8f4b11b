package io.salesdesk.bench;

import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.Ids;
import io.salesdesk.crm.ActivityDraft;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.ActivityRepository;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace benchmarks run on: the demo organisation with (by default) 100,000 customers in a
 * data folder that is made once and reused, plus one customer with 500 follow-ups.
 */
public final class BenchWorkspace implements AutoCloseable {

    /** Name of the customer that carries 500 follow-ups. */
    public static final String BUSY_CUSTOMER = "基准测试医疗器械有限公司（500 条跟进）";

    private static final Logger LOG = LoggerFactory.getLogger(BenchWorkspace.class);

    final Database db;
    final CustomerService customers;
    final User admin;
    final User manager;
    final UUID busyCustomerId;

    private BenchWorkspace(Database db, CustomerService customers, User admin, User manager, UUID busyCustomerId) {
        this.db = db;
        this.customers = customers;
        this.admin = admin;
        this.manager = manager;
        this.busyCustomerId = busyCustomerId;
    }

    /**
     * Opens (creating on first use) the workspace in {@code salesdesk.bench.dataDir}
     * (default {@code target/bench-100k}) with {@code salesdesk.bench.customers} customers.
     */
    public static BenchWorkspace open() {
        Path dir = Paths.get(System.getProperty("salesdesk.bench.dataDir", "target/bench-100k"));
        int size = Integer.getInteger("salesdesk.bench.customers", 100_000);
        Clock clock = Clock.systemUTC();
        Database db = Database.open(DatabaseConfig.embedded(dir));
        DemoWorkspace demo = new DemoWorkspace(db, clock);
        if (demo.isEmpty()) {
            LOG.warn("Creating the {}-customer benchmark workspace in {} (once)", size, dir.toAbsolutePath());
            demo.create(20260101L, size);
        }
        UserService users = new UserService(db, clock);
        User admin = users.byUsername("admin").orElseThrow();
        User manager = users.defaultUser(DemoWorkspace.DEFAULT_USER).orElseThrow();
        CustomerService customers = new CustomerService(db, clock, new RegionService(db));
        UUID busy = customers.page(admin.asActor(), CustomerQuery.all().withText(BUSY_CUSTOMER), 0, 1).stream()
                .findFirst().map(Customer::id)
                .orElseGet(() -> createBusyCustomer(db, clock, customers, manager));
        return new BenchWorkspace(db, customers, admin, manager, busy);
    }

    private static UUID createBusyCustomer(Database db, Clock clock, CustomerService customers, User owner) {
        Customer busy = customers.create(owner.asActor(), new CustomerDraft(BUSY_CUSTOMER, null, Tier.A, "HOSPITAL",
                "310115", "上海市浦东新区张江路1号", null, owner.id()));
        OffsetDateTime start = OffsetDateTime.now(clock).minusDays(500);
        List<ActivityRepository.NewActivity> activities = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ActivityKind kind = ActivityKind.values()[i % ActivityKind.values().length];
            activities.add(new ActivityRepository.NewActivity(Ids.newId(clock), busy.id(), owner.id(),
                    new ActivityDraft(kind, start.plusDays(i), null, 30, "第 " + (i + 1) + " 次跟进：讨论设备更新与预算",
                            "需再沟通", "下周再联系", null)));
        }
        db.transaction(cfg -> ActivityRepository.using(cfg, clock).insertAll(owner.asActor(),
                ChangeReason.of(ChangeReason.Kind.SYSTEM, "benchmark"), activities));
        LOG.info("Benchmark customer {} has 500 follow-ups ({})", busy.id(), CompanyName.normalise(BUSY_CUSTOMER));
        return busy.id();
    }

    @Override
    public void close() {
        db.close();
    }
}
