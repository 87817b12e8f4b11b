package io.salesdesk.bench;

import io.salesdesk.board.escalation.EscalationService;
import io.salesdesk.board.task.TaskService;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.ActivityDraft;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.ActivityRepository;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.studio.field.CustomFieldService;
import io.salesdesk.studio.rule.AutomationRuleService;
import io.salesdesk.studio.rule.RuleRunner;
import io.salesdesk.studio.rule.RuleSuggestions;
import io.salesdesk.studio.rule.RuleTest;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
 * A time-based automation rule over 100,000 customers and 300,000 follow-ups (target ≤ 500 ms): the
 * Studio goal's rule, "tier A, no technical demo for 20 days → task for the owner, tell the manager".
 * {@code scan} is what the scheduler runs every minute once the rule has caught up (the setup's first
 * run acts on the few hundred lapses and logs its time); {@code testMode} is the builder's 测试 button
 * (count and first 20 over all customers).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class RuleScanBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(RuleScanBenchmark.class);
    private static final int CUSTOMERS = 100_000;
    private static final int BATCH = 5_000;

    private Database db;
    private RuleRunner runner;
    private AutomationRuleService rules;
    private UUID ruleId;

    @Setup(Level.Trial)
    public void open() {
        Path dir = Paths.get(System.getProperty("salesdesk.bench.rulesDir", "target/bench-rules-100k"));
        Clock clock = Clock.systemUTC();
        db = Database.open(DatabaseConfig.embedded(dir));
        DemoWorkspace demo = new DemoWorkspace(db, clock);
        if (demo.isEmpty()) {
            LOG.warn("Creating the {}-customer rule benchmark workspace in {} (once)", CUSTOMERS, dir.toAbsolutePath());
            demo.create(20260101L, 0);
            fill(db, clock);
        }
        CustomFieldService fields = new CustomFieldService(db, clock);
        rules = new AutomationRuleService(db, clock, fields, Locale.SIMPLIFIED_CHINESE);
        UserService users = new UserService(db, clock);
        User admin = users.byUsername("admin").orElseThrow();
        if (rules.rules().isEmpty()) {
            rules.addSuggestion(admin.asActor(), RuleSuggestions.DEMO_20);
        }
        ruleId = rules.rules().get(0).id();
        runner = new RuleRunner(db, clock, new TaskService(db, clock), new EscalationService(db, clock),
                new CustomerService(db, clock, new RegionService(db)), fields, Locale.SIMPLIFIED_CHINESE);
        long started = System.nanoTime();
        int fired = 0;
        int run;
        while ((run = runner.runDue().fired()) > 0) {
            fired += run;
        }
        LOG.warn("Catching up: the rule acted on {} customers in {} ms", fired,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * 100,000 customers of the reps, a quarter of each tier, each with a call, a visit and a demo in the
     * last 19 days — except one in fifty whose demo is 21 to 60 days old, the lapses the rule finds.
     */
    private static void fill(Database db, Clock clock) {
        List<User> reps = new UserService(db, clock).all().stream().filter(u -> u.role() == Role.REP).toList();
        SplittableRandom random = new SplittableRandom(11);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        ChangeReason reason = ChangeReason.of(ChangeReason.Kind.SYSTEM, "benchmark");
        for (int start = 0; start < CUSTOMERS; start += BATCH) {
            List<CustomerRepository.NewCustomer> customers = new ArrayList<>(BATCH);
            List<ActivityRepository.NewActivity> activities = new ArrayList<>(BATCH * 3);
            for (int i = start; i < start + BATCH; i++) {
                String name = "规则基准客户" + i + "号医院";
                User owner = reps.get(random.nextInt(reps.size()));
                UUID id = Ids.newId(clock);
                customers.add(new CustomerRepository.NewCustomer(id, new CustomerDraft(name, null,
                        Tier.values()[i % 4], "HOSPITAL", "330106", null, null, owner.id()),
                        CompanyName.normalise(name), null, null, now.minusDays(200)));
                int demoDaysAgo = random.nextInt(50) == 0 ? 21 + random.nextInt(40) : random.nextInt(19);
                activities.add(activity(clock, id, owner, ActivityKind.DEMO, now.minusDays(demoDaysAgo)));
                activities.add(activity(clock, id, owner, ActivityKind.CALL, now.minusDays(random.nextInt(90))));
                activities.add(activity(clock, id, owner, ActivityKind.VISIT, now.minusDays(random.nextInt(90))));
            }
            db.transaction(cfg -> CustomerRepository.using(cfg, clock, code -> code).insertAll(null, reason,
                    customers));
            db.transaction(cfg -> ActivityRepository.using(cfg, clock).insertAll(null, reason, activities));
        }
    }

    private static ActivityRepository.NewActivity activity(Clock clock, UUID customer, User owner, ActivityKind kind,
                                                           OffsetDateTime at) {
        return new ActivityRepository.NewActivity(Ids.newId(clock), customer, owner.id(),
                new ActivityDraft(kind, at, null, 30, null, null, null, null));
    }

    @Benchmark
    public RuleRunner.Report scan() {
        return runner.runDue();
    }

    @Benchmark
    public RuleTest testMode() {
        return rules.test(rules.find(ruleId).orElseThrow().definition(), AutomationRuleService.TEST_LIMIT);
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
    }
}
