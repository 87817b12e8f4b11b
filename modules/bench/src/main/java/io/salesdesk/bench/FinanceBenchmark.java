package io.salesdesk.bench;

import static io.salesdesk.db.jooq.Tables.COLLECTION_ITEM;
import static io.salesdesk.db.jooq.Tables.CONTRACT;
import static io.salesdesk.db.jooq.Tables.COST_ENTRY;

import io.salesdesk.commerce.collection.Ageing;
import io.salesdesk.commerce.collection.AgeingLine;
import io.salesdesk.commerce.collection.CollectionService;
import io.salesdesk.commerce.cost.CostService;
import io.salesdesk.commerce.cost.CustomerCac;
import io.salesdesk.core.Actor;
import io.salesdesk.core.BoardRank;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityRepository;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.BulkInsert;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.jooq.tables.records.CollectionItemRecord;
import io.salesdesk.db.jooq.tables.records.ContractRecord;
import io.salesdesk.db.jooq.tables.records.CostEntryRecord;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receivables and CAC at scale (targets: ageing of 100,000 collection items ≤ 300 ms; CAC per
 * customer for 100,000 customers ≤ 1 s). The workspace: 100,000 customers of the demo's reps, each
 * with a deal won in the last year; 34,000 signed contracts on them with 102,000 collection items
 * due over the last six months and the next month, a third partly paid; and 200,000 acquisition and
 * pre-sales cost entries (measured and allocated, four channels). Built once in
 * {@code target/bench-finance-100k}; the measured calls are the services the UI calls.
 *
 * <p>First figures (embedded HSQLDB file, 2 CPUs shared with other builds, load ≈ 5.5; median of
 * 3-11 samples): ageing total 1.4 s, ageing per customer 18.5 s, CAC per customer 6.9 s — all over
 * target. The plans use the indexes (due date, then the contract's primary key); the time goes in
 * HSQLDB's row-by-row joins over cached (disk-backed) tables. Not yet measured on PostgreSQL.
 *
 * <p>Where the time goes (thread CPU time of the raw SQL, which the machine's load does not inflate,
 * and JFR): the ageing's join to contract, one primary-key lookup per item, cost more than the scan
 * and the sums together; with the contract's customer, owner and status copied onto the item the
 * total is one scan (≈ 0.25 s CPU). Grouping 102,000 items into 34,000 customers still costs
 * ≈ 1.3 s CPU: HSQLDB groups through a TreeMap whose UUID comparisons dominate the profile, and the
 * customer index does not change that. CAC per customer: finding each customer's first won deal
 * (grouping 100,000 deals) ≈ 0.5 s CPU, the cost sums (200,000 entries into 100,000 groups) ≈ 0.7 s,
 * names in order ≈ 0.4 s, but the three in one query ≈ 3.5-4.3 s CPU (rows re-read from the data
 * file: the 250,000-row cache is smaller than the 400,000 rows it touches; a 1,000,000-row cache
 * gave no consistent gain in these runs). A maintained first-won date on the customer brought it to
 * ≈ 1.2-1.5 s CPU (measured on a scratch copy, not built: the crm module's opportunity writes would
 * have to keep it).
 *
 * <p>After the copies on collection_item (same machine, load ≈ 5, heavier than the first run;
 * -wi 2 -w 3 -i 3 -r 5): ageing total 0.51 s (was 1.44 s at load 3 in the same session), ageing
 * per customer 4.3 s (was 8.9 s), per owner ≈ 0.9 s, a rep's own ≈ 0.5 s; CAC per customer 11.6 s
 * (unchanged query; 8.1 s at load 3). Still over target: the per-customer grouping and the CAC
 * need the next step above.
 *
 * <p>2026-11-28, after bucketing in Java over per-due-date sums, grouping per customer in a hash
 * map, and ranking CAC by cost with names for the returned rows only. Embedded HSQLDB, thread CPU
 * time ({@link FinanceCpuTime}, median of 7): ageing total 240 ms, per customer 1.5 s; CAC of
 * 100,000 customers, the 500 most costly returned 3.9 s, all rows 7.2 s. PostgreSQL 15 (local,
 * default settings, JMH wall time at load ≈ 6): ageing total 150 ms, per customer 0.78 s, CAC
 * 500 most costly 0.81 s, all rows 2.1 s. The targets hold on PostgreSQL, where a company with
 * 100,000 customers keeps them; on the embedded file HSQLDB's interpreter costs about 2 µs per row
 * read, so CAC would need a maintained first-won date and cost totals to get near a second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class FinanceBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(FinanceBenchmark.class);
    private static final int CUSTOMERS = 100_000;
    private static final int CONTRACTS = 34_000;
    private static final int BATCH = 5_000;
    private static final String[] CHANNELS = {"展会", "官网", "渠道代理", "老客户转介绍"};

    private Database db;
    private CollectionService collections;
    private CostService costs;
    private Actor admin;
    private LocalDate from;
    private LocalDate to;

    @Setup(Level.Trial)
    public void open() {
        // A PostgreSQL URL (salesdesk.bench.financeUrl, user and password in it) measures the team
        // database instead of the embedded file.
        String url = System.getProperty("salesdesk.bench.financeUrl");
        Path dir = Paths.get(System.getProperty("salesdesk.bench.financeDir", "target/bench-finance-100k"));
        Clock clock = Clock.systemUTC();
        db = Database.open(url == null ? DatabaseConfig.embedded(dir) : DatabaseConfig.server(url, null, null));
        DemoWorkspace demo = new DemoWorkspace(db, clock);
        if (demo.isEmpty()) {
            LOG.warn("Creating the finance benchmark workspace in {} (once)", url == null ? dir.toAbsolutePath() : url);
            demo.create(20260101L, 0);
            fill(db, clock);
            if (url != null) {
                // What autovacuum would do in the minutes after a bulk load; without it PostgreSQL
                // plans for the empty tables it analysed last.
                db.dsl().execute("ANALYZE");
            }
        }
        admin = new UserService(db, clock).all().stream().filter(u -> u.role() == Role.ADMIN).findFirst()
                .orElseThrow().asActor();
        collections = new CollectionService(db, clock);
        costs = new CostService(db, clock);
        to = LocalDate.now(clock);
        from = to.minusDays(400);
        LOG.warn("Ageing {} open; CAC over {} customers", collections.ageing(admin).total(),
                costs.cacByCustomer(admin, from, to).size());
    }

    private static void fill(Database db, Clock clock) {
        List<User> reps = new UserService(db, clock).all().stream().filter(u -> u.role() == Role.REP).toList();
        SplittableRandom random = new SplittableRandom(11);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        LocalDate today = now.toLocalDate();
        List<UUID> customers = new ArrayList<>(CUSTOMERS);
        List<UUID> owners = new ArrayList<>(CUSTOMERS);
        for (int start = 0; start < CUSTOMERS; start += BATCH) {
            List<CustomerRepository.NewCustomer> batch = new ArrayList<>(BATCH);
            List<OpportunityRepository.NewOpportunity> deals = new ArrayList<>(BATCH);
            String rank = BoardRank.first();
            for (int i = start; i < start + BATCH; i++) {
                String name = "回款基准客户" + i + "号医疗器械有限公司";
                UUID owner = reps.get(random.nextInt(reps.size())).id();
                UUID id = Ids.newId(clock);
                customers.add(id);
                owners.add(owner);
                batch.add(new CustomerRepository.NewCustomer(id, new CustomerDraft(name, null, Tier.B, "HOSPITAL",
                        "330106", null, null, owner), CompanyName.normalise(name), now, null, now.minusDays(400)));
                deals.add(new OpportunityRepository.NewOpportunity(Ids.newId(clock), new OpportunityDraft(id,
                        "设备采购 " + i, owner, "WON", BigDecimal.valueOf(50_000 + random.nextInt(500_000)), null, null,
                        null, "基准"), 100, rank = BoardRank.between(rank, null), now.minusDays(random.nextInt(365))));
            }
            db.transaction(cfg -> {
                ChangeReason reason = ChangeReason.of(ChangeReason.Kind.SYSTEM, "benchmark");
                CustomerRepository.using(cfg, clock, code -> code).insertAll(null, reason, batch);
                OpportunityRepository.using(cfg, clock).insertAll(null, reason, deals);
            });
        }
        db.transaction(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            List<ContractRecord> contracts = new ArrayList<>();
            List<CollectionItemRecord> items = new ArrayList<>();
            for (int i = 0; i < CONTRACTS; i++) {
                ContractRecord c = dsl.newRecord(CONTRACT);
                c.setId(Ids.newId(clock));
                c.setContractNo("HT-BENCH-" + i);
                c.setTitle("基准合同 " + i);
                c.setCustomerId(customers.get(i));
                c.setOwnerId(owners.get(i));
                c.setOurParty("本公司");
                c.setTheirParty("回款基准客户" + i);
                c.setAmount(new BigDecimal("300000.00"));
                c.setStatus("EXECUTING");
                c.setSignedOn(today.minusDays(200));
                c.setVersion(1L);
                c.setCreatedAt(now);
                c.setUpdatedAt(now);
                contracts.add(c);
                for (int seq = 1; seq <= 3; seq++) {
                    CollectionItemRecord item = dsl.newRecord(COLLECTION_ITEM);
                    item.setId(Ids.newId(clock));
                    item.setContractId(c.getId());
                    item.setCustomerId(c.getCustomerId());
                    item.setOwnerId(c.getOwnerId());
                    item.setContractStatus(c.getStatus());
                    item.setSeq(seq);
                    item.setMilestone(seq == 1 ? "SIGNING" : seq == 2 ? "DELIVERY" : "ACCEPTANCE");
                    item.setAmount(new BigDecimal("100000.00"));
                    item.setDueOn(today.minusDays(random.nextInt(210) - 30));
                    item.setInvoiced(new BigDecimal("100000.00"));
                    item.setCollected(random.nextInt(3) == 0 ? new BigDecimal("40000.00") : BigDecimal.ZERO.setScale(2));
                    item.setVersion(1L);
                    item.setCreatedAt(now);
                    item.setUpdatedAt(now);
                    items.add(item);
                }
            }
            BulkInsert.insert(dsl, contracts);
            BulkInsert.insert(dsl, items);
        });
        for (int start = 0; start < CUSTOMERS; start += BATCH) {
            int first = start;
            db.transaction(cfg -> {
                DSLContext dsl = DSL.using(cfg);
                List<CostEntryRecord> entries = new ArrayList<>();
                for (int i = first; i < first + BATCH; i++) {
                    for (int k = 0; k < 2; k++) {
                        CostEntryRecord e = dsl.newRecord(COST_ENTRY);
                        e.setId(Ids.newId(clock));
                        e.setKind(k == 0 ? "ACQUISITION" : "PRESALES");
                        e.setSubkind(k == 0 ? "CAMPAIGN" : null);
                        e.setCustomerId(customers.get(i));
                        e.setChannel(CHANNELS[i % CHANNELS.length]);
                        e.setAmount(BigDecimal.valueOf(10_000 + random.nextInt(500_000)).movePointLeft(2));
                        e.setIncurredOn(today.minusDays(30 + random.nextInt(300)));
                        e.setBasis(k == 0 ? "ALLOCATED" : "MEASURED");
                        e.setVersion(1L);
                        e.setCreatedAt(now);
                        e.setUpdatedAt(now);
                        entries.add(e);
                    }
                }
                BulkInsert.insert(dsl, entries);
            });
        }
    }

    /** The ageing total over every open item (what the collections page header shows). */
    @Benchmark
    public Ageing ageingTotal() {
        return collections.ageing(admin);
    }

    /** The ageing per customer (the receivables table). */
    @Benchmark
    public List<AgeingLine> ageingByCustomer() {
        return collections.ageingByCustomer(admin);
    }

    /**
     * CAC of every customer won in the last 400 days (100,000), ranked, the 500 most costly
     * returned: what the costs page shows.
     */
    @Benchmark
    public List<CustomerCac> cacPerCustomer() {
        return costs.cacByCustomer(admin, from, to, 500);
    }

    /** The same with all 100,000 rows returned (an export). */
    @Benchmark
    public List<CustomerCac> cacPerCustomerAll() {
        return costs.cacByCustomer(admin, from, to);
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
    }
}
