package io.salesdesk.bench;

import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.ActivityDraft;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.ActivityRepository;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityService;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.crm.OrgUnitRepository;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.crm.UserService;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.insight.report.DailyReport;
import io.salesdesk.insight.report.DailyReportService;
import io.salesdesk.insight.report.ReportPeriod;
import io.salesdesk.insight.report.ReportScope;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.LocalDate;
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
 * The daily report for 200 reps (target ≤ 10 s): 10 teams of 20 reps, 20,000 customers, 300,000
 * follow-ups and 6,000 leads over 60 days, 1,000 deals of which 300 moved stage yesterday. Measured:
 * the company report computed and written as .xlsx and PDF, which is what the schedule does each morning.
 * Run short: {@code -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class DailyReportBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(DailyReportBenchmark.class);
    private static final int TEAMS = 10;
    private static final int REPS_PER_TEAM = 20;
    private static final int CUSTOMERS = 20_000;
    private static final int ACTIVITIES = 300_000;
    private static final int DAYS = 60;
    private static final int BATCH = 10_000;

    private Database db;
    private DailyReportService reports;
    private ReportPeriod yesterday;
    private ReportScope company;
    private Path out;
    private io.salesdesk.core.Actor admin;

    @Setup(Level.Trial)
    public void open() {
        Path dir = Paths.get(System.getProperty("salesdesk.bench.reportDir", "target/bench-daily-report-200"));
        Clock clock = Clock.systemUTC();
        db = Database.open(DatabaseConfig.embedded(dir));
        if (new UserService(db, clock).all().isEmpty()) {
            LOG.warn("Creating the 200-rep daily report workspace in {} (once)", dir.toAbsolutePath());
            fill(db, clock);
        }
        out = dir.resolve("out");
        reports = new DailyReportService(db, clock, out, Locale.SIMPLIFIED_CHINESE);
        yesterday = ReportPeriod.day(io.salesdesk.core.BusinessTime.today(clock).minusDays(1));
        company = ReportScope.company("基准公司");
        admin = new UserService(db, clock).byUsername("admin").orElseThrow().asActor();
    }

    private static void fill(Database db, Clock clock) {
        ChangeReason reason = ChangeReason.of(ChangeReason.Kind.SYSTEM, "benchmark");
        List<User> reps = new ArrayList<>();
        db.transaction(cfg -> {
            OrgUnitRepository units = OrgUnitRepository.using(cfg, clock);
            UserRepository users = UserRepository.using(cfg, clock);
            UUID companyId = Ids.newId(clock);
            OrgUnit root = new OrgUnit(companyId, null, "基准公司", OrgUnit.Kind.COMPANY, OrgUnit.rootPath(companyId), null);
            units.insert(null, reason, root);
            users.insert(null, reason, new User(Ids.newId(clock), "admin", "管理员", Role.ADMIN, root.id(), root.name(),
                    root.path(), null), null, null);
            for (int t = 0; t < TEAMS; t++) {
                UUID id = Ids.newId(clock);
                OrgUnit team = new OrgUnit(id, root.id(), "团队" + (t + 1), OrgUnit.Kind.TEAM, root.childPath(id), null);
                units.insert(null, reason, team);
                for (int r = 0; r < REPS_PER_TEAM; r++) {
                    User rep = new User(Ids.newId(clock), "rep" + t + "_" + r, "销售" + t + "-" + r, Role.REP, team.id(),
                            team.name(), team.path(), null);
                    users.insert(null, reason, rep, null, null);
                    reps.add(rep);
                }
            }
        });
        SplittableRandom random = new SplittableRandom(2026);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        List<UUID> customerIds = new ArrayList<>(CUSTOMERS);
        List<UUID> customerOwners = new ArrayList<>(CUSTOMERS);
        for (int start = 0; start < CUSTOMERS; start += BATCH) {
            List<CustomerRepository.NewCustomer> batch = new ArrayList<>();
            for (int i = start; i < Math.min(CUSTOMERS, start + BATCH); i++) {
                String name = "日报基准客户" + i + "号医疗器械有限公司";
                UUID owner = reps.get(random.nextInt(reps.size())).id();
                UUID id = Ids.newId(clock);
                customerIds.add(id);
                customerOwners.add(owner);
                batch.add(new CustomerRepository.NewCustomer(id, new CustomerDraft(name, null, Tier.B, "HOSPITAL",
                        null, null, null, owner), CompanyName.normalise(name), null, null, now.minusDays(200)));
            }
            db.transaction(cfg -> CustomerRepository.using(cfg, clock, code -> code).insertAll(null, reason, batch));
        }
        ActivityKind[] kinds = ActivityKind.values();
        for (int start = 0; start < ACTIVITIES; start += BATCH) {
            List<ActivityRepository.NewActivity> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                int c = random.nextInt(CUSTOMERS);
                OffsetDateTime at = now.minusMinutes(random.nextInt(DAYS * 24 * 60));
                batch.add(new ActivityRepository.NewActivity(Ids.newId(clock), customerIds.get(c), customerOwners.get(c),
                        new ActivityDraft(kinds[random.nextInt(kinds.length)], at, null, 30, "基准跟进", null, null, null)));
            }
            db.transaction(cfg -> ActivityRepository.using(cfg, clock).insertAll(null, reason, batch));
        }
        db.transaction(cfg -> {
            var dsl = org.jooq.impl.DSL.using(cfg);
            for (int i = 0; i < DAYS * 100; i++) {
                OffsetDateTime created = now.minusMinutes(random.nextInt(DAYS * 24 * 60));
                dsl.insertInto(io.salesdesk.db.jooq.Tables.LEAD).set(io.salesdesk.db.jooq.Tables.LEAD.ID, Ids.newId(clock))
                        .set(io.salesdesk.db.jooq.Tables.LEAD.NAME, "基准线索" + i)
                        .set(io.salesdesk.db.jooq.Tables.LEAD.STATUS, "ASSIGNED")
                        .set(io.salesdesk.db.jooq.Tables.LEAD.OWNER_ID, reps.get(random.nextInt(reps.size())).id())
                        .set(io.salesdesk.db.jooq.Tables.LEAD.RESPONSE_MINUTES, random.nextInt(240))
                        .set(io.salesdesk.db.jooq.Tables.LEAD.BOARD_RANK, "m").set(io.salesdesk.db.jooq.Tables.LEAD.VERSION, 1L)
                        .set(io.salesdesk.db.jooq.Tables.LEAD.CREATED_AT, created)
                        .set(io.salesdesk.db.jooq.Tables.LEAD.UPDATED_AT, created).execute();
            }
        });
        LocalDate day = io.salesdesk.core.BusinessTime.today(clock).minusDays(1);
        Clock before = Clock.fixed(day.minusDays(5).atTime(10, 0).atZone(io.salesdesk.core.BusinessTime.ZONE).toInstant(),
                ZoneOffset.UTC);
        Clock during = Clock.fixed(day.atTime(15, 0).atZone(io.salesdesk.core.BusinessTime.ZONE).toInstant(), ZoneOffset.UTC);
        for (int i = 0; i < 1000; i++) {
            int c = random.nextInt(CUSTOMERS);
            User owner = reps.stream().filter(r -> r.id().equals(customerOwners.get(c))).findFirst().orElseThrow();
            Opportunity deal = new OpportunityService(db, before).create(owner.asActor(), new OpportunityDraft(
                    customerIds.get(c), "基准商机" + i, owner.id(), "INITIAL", new BigDecimal("100000.00"), null, null,
                    null, null));
            if (i % 10 < 3) {
                new OpportunityService(db, during).move(owner.asActor(), deal.id(), deal.version(), "NEEDS", null, null,
                        null);
            }
        }
    }

    @Benchmark
    public DailyReport computeAndWriteBoth() {
        DailyReport report = reports.compute(admin, yesterday, company);
        reports.write(report, out.resolve("daily.xlsx"), Locale.SIMPLIFIED_CHINESE);
        reports.write(report, out.resolve("daily.pdf"), Locale.SIMPLIFIED_CHINESE);
        return report;
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
    }
}
