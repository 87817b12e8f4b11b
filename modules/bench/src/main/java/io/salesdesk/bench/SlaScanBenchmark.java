package io.salesdesk.bench;

import static io.salesdesk.db.jooq.Tables.SLA_RULE;

import io.salesdesk.board.escalation.EscalationService;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.workflow.sla.SlaScanner;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The follow-up SLA scan over 100,000 owned customers (target ≤ 500 ms): the four default rules
 * (tiers A, B, C and the lead response rule), each threshold one query. The setup switches the
 * rules on and runs the first scan, which acts on every lapse of the last week (logged with its
 * time); the measured scans are the ones the scheduler runs every minute after that.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class SlaScanBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(SlaScanBenchmark.class);
    private static final int CUSTOMERS = 100_000;
    private static final int BATCH = 5_000;

    private Database db;
    private SlaScanner scanner;

    @Setup(Level.Trial)
    public void open() {
        Path dir = Paths.get(System.getProperty("salesdesk.bench.slaDir", "target/bench-sla-100k"));
        Clock clock = Clock.systemUTC();
        db = Database.open(DatabaseConfig.embedded(dir));
        DemoWorkspace demo = new DemoWorkspace(db, clock);
        if (demo.isEmpty()) {
            LOG.warn("Creating the {}-customer SLA benchmark workspace in {} (once)", CUSTOMERS, dir.toAbsolutePath());
            demo.create(20260101L, 0);
            fill(db, clock);
        }
        db.transaction(cfg -> DSL.using(cfg).update(SLA_RULE).set(SLA_RULE.ACTIVE_SINCE, OffsetDateTime.now(clock))
                .execute());
        scanner = new SlaScanner(db, clock, new EscalationService(db, clock), Locale.SIMPLIFIED_CHINESE);
        long started = System.nanoTime();
        SlaScanner.Report first = scanner.scan();
        LOG.warn("First scan after switching the rules on: {} reminders, {} escalations in {} ms", first.reminders(),
                first.escalations(), (System.nanoTime() - started) / 1_000_000);
    }

    /** 100,000 customers of the twelve reps, last followed up at any time in the last six months. */
    private static void fill(Database db, Clock clock) {
        List<User> reps = new UserService(db, clock).all().stream().filter(u -> u.role() == Role.REP).toList();
        SplittableRandom random = new SplittableRandom(7);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        for (int start = 0; start < CUSTOMERS; start += BATCH) {
            List<CustomerRepository.NewCustomer> batch = new ArrayList<>(BATCH);
            for (int i = start; i < start + BATCH; i++) {
                String name = "基准客户" + i + "号医疗器械有限公司";
                Tier tier = Tier.values()[random.nextInt(4)];
                OffsetDateTime last = random.nextInt(20) == 0 ? null : now.minusMinutes(random.nextInt(182 * 24 * 60));
                batch.add(new CustomerRepository.NewCustomer(Ids.newId(clock), new CustomerDraft(name, null, tier,
                        "HOSPITAL", "330106", null, null, reps.get(random.nextInt(reps.size())).id()),
                        CompanyName.normalise(name), last, null, now.minusDays(200)));
            }
            db.transaction(cfg -> CustomerRepository.using(cfg, clock, code -> code).insertAll(null,
                    ChangeReason.of(ChangeReason.Kind.SYSTEM, "benchmark"), batch));
        }
    }

    @Benchmark
    public SlaScanner.Report scan() {
        return scanner.scan();
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
    }
}
