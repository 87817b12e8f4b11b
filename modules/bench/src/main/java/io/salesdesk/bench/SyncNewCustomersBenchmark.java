package io.salesdesk.bench;

import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.Ids;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.sync.LocalHub;
import io.salesdesk.sync.SyncReport;
import io.salesdesk.sync.SyncService;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push of 10,000 customers a branch created offline (a ledger imported on the laptop), each
 * checked at the hub for a duplicate (decision 12): every iteration adds 10,000 customers on the
 * replica, a tenth of them named like a hub customer (recorded as DUPLICATE conflicts), and times one
 * sync. Hub and replica are embedded HSQLDB files in one process.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class SyncNewCustomersBenchmark {

    static final int ROWS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(SyncNewCustomersBenchmark.class);

    private final Clock clock = Clock.systemUTC();
    private Path dir;
    private SyncHubWorkspace hubSpace;
    private LocalHub hub;
    private Database replica;
    private int round;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("salesdesk-sync-new-bench");
        hubSpace = new SyncHubWorkspace(dir.resolve("hub"), clock, ROWS);
        hub = new LocalHub(hubSpace.db, clock);
        replica = SyncService.createReplica(hub, DatabaseConfig.embedded(dir.resolve("replica")),
                hubSpace.company.id(), clock, SyncService.DEFAULT_PAGE);
    }

    /** Adds ROWS customers on the replica; every tenth takes the name of a customer the hub has. */
    @Setup(Level.Iteration)
    public void create() {
        round++;
        List<Customer> existing = hubSpace.db.transactionResult(cfg -> CustomerRepository.using(cfg, clock,
                UnaryOperator.identity()).allLive());
        List<CustomerRepository.NewCustomer> added = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            String name = i % 10 == 0 ? existing.get(i % existing.size()).name() : "分支新客户 " + round + "-" + i;
            CustomerDraft d = new CustomerDraft(name, null, io.salesdesk.crm.Tier.C, null, null, null, null,
                    hubSpace.reps.get(i % hubSpace.reps.size()).id());
            added.add(new CustomerRepository.NewCustomer(Ids.newId(clock), d, CompanyName.normalise(name), null, null,
                    null));
        }
        for (int from = 0; from < ROWS; from += 1000) {
            List<CustomerRepository.NewCustomer> chunk = added.subList(from, Math.min(ROWS, from + 1000));
            replica.transaction(cfg -> CustomerRepository.using(cfg, clock, UnaryOperator.identity())
                    .insertAll(hubSpace.reps.get(0).asActor(), ChangeReason.user(), chunk));
        }
    }

    @Benchmark
    public SyncReport sync() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        SyncReport report = new SyncService(replica, clock).sync(hub);
        LOG.warn("push of {} new customers: CPU {} ms, wall {} ms ({})", ROWS,
                (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000, (System.nanoTime() - wall) / 1_000_000, report);
        if (report.pushed() < ROWS) {
            throw new IllegalStateException("Sync pushed fewer customers than were added: " + report);
        }
        return report;
    }

    @TearDown(Level.Trial)
    public void close() {
        replica.close();
        hubSpace.db.close();
    }
}
