package io.salesdesk.bench;

import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync of a replica after 10,000 customers changed on one side (issue 11: ≤ 5 s each way on
 * loopback): {@code push}, edited on the replica; {@code pull}, edited on the hub. Hub and replica
 * are embedded HSQLDB files in one process (the in-process {@link LocalHub}); each iteration first
 * edits the phone of every customer on the chosen side, then times one sync.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class SyncBenchmark {

    static final int ROWS = 10_000;

    @Param({"push", "pull"})
    public String direction;

    private static final Logger LOG = LoggerFactory.getLogger(SyncBenchmark.class);

    private final Clock clock = Clock.systemUTC();
    private Path dir;
    private SyncHubWorkspace hubSpace;
    private LocalHub hub;
    private Database replica;
    private int round;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("salesdesk-sync-bench");
        hubSpace = new SyncHubWorkspace(dir.resolve("hub"), clock, ROWS);
        hub = new LocalHub(hubSpace.db, clock);
        replica = SyncService.createReplica(hub, DatabaseConfig.embedded(dir.resolve("replica")),
                hubSpace.company.id(), clock, SyncService.DEFAULT_PAGE);
    }

    /** Changes every customer's phone on the side being measured. */
    @Setup(Level.Iteration)
    public void edit() {
        round++;
        Database side = "push".equals(direction) ? replica : hubSpace.db;
        List<Customer> all = side.transactionResult(cfg -> CustomerRepository.using(cfg, clock, UnaryOperator.identity())
                .allLive());
        for (int from = 0; from < all.size(); from += 1000) {
            List<Customer> chunk = all.subList(from, Math.min(all.size(), from + 1000));
            side.transaction(cfg -> {
                CustomerRepository customers = CustomerRepository.using(cfg, clock, UnaryOperator.identity());
                for (Customer c : chunk) {
                    CustomerDraft d = new CustomerDraft(c.name(), c.creditCode(), c.tier(), c.industry(),
                            c.regionCode(), c.address(), "0512-" + (6000000 + round), c.ownerId());
                    customers.update(hubSpace.reps.get(0).asActor(), ChangeReason.user(), c.id(), c.version(), d,
                            CompanyName.normalise(d.name()));
                }
            });
        }
    }

    @Benchmark
    public SyncReport sync() {
        // The hub is in process, so this thread's CPU time is the whole sync's cost on both sides,
        // without the wait for a CPU that a busy machine adds to the wall time.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        SyncReport report = new SyncService(replica, clock).sync(hub);
        LOG.warn("sync {} of {} changed customers: CPU {} ms, wall {} ms ({})", direction, ROWS,
                (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000, (System.nanoTime() - wall) / 1_000_000, report);
        if (report.pushed() + report.pulled() < ROWS) {
            throw new IllegalStateException("Sync moved fewer rows than were changed: " + report);
        }
        return report;
    }

    @TearDown(Level.Trial)
    public void close() {
        replica.close();
        hubSpace.db.close();
    }
}
