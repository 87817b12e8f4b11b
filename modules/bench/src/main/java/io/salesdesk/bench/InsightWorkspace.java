package io.salesdesk.bench;

import static io.salesdesk.db.jooq.Tables.ACTIVITY;
import static io.salesdesk.db.jooq.Tables.CONTRACT;
import static io.salesdesk.db.jooq.Tables.COST_ENTRY;
import static io.salesdesk.db.jooq.Tables.LEAD;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;

import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.ActivityDayRepository;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerFirstWonRepository;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.LeadKpiDayRepository;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.BulkInsert;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.jooq.tables.records.ActivityRecord;
import io.salesdesk.db.jooq.tables.records.ContractRecord;
import io.salesdesk.db.jooq.tables.records.CostEntryRecord;
import io.salesdesk.db.jooq.tables.records.LeadRecord;
import io.salesdesk.db.jooq.tables.records.OpportunityRecord;
import io.salesdesk.insight.demo.DemoKpis;
import io.salesdesk.workflow.approval.ContractKpiDayRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The big insight workspace of issue #9: at scale 1.0, 1,000,000 opportunities and 5,000,000
 * activities over two years (plus 100,000 customers, 500,000 leads — two in five with a deal —
 * a contract per won deal, and acquisition costs), on the demo organisation's reps. Rows go in
 * with batched JDBC inserts of 5,000 (no service call per row, no audit entries: this is a load,
 * not user work), and the KPI roll-ups are counted once at the end. {@code scale} shrinks every
 * count, e.g. 0.1 for the shared 2-CPU machine.
 *
 * <p>Time to make it, 2026-11-28, 2 CPUs shared with two other engineers (load average 8-14):
 * scale 0.1 in 342 s (roll-ups 29 s); scale 1.0 in 61 min (roll-ups 6.4 min), about 14 s per
 * 100,000 activities while the machine was quieter and 40-70 s when it was not. Before the load
 * ran with the redo log off and a large cache it was stopped after 30 minutes at 600,000
 * activities. Most of the time is HSQLDB keeping the activity table's nine index trees.
 */
public final class InsightWorkspace {

    public static final int FULL_OPPORTUNITIES = 1_000_000;
    public static final int FULL_ACTIVITIES = 5_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(InsightWorkspace.class);
    private static final int BATCH = 5_000;
    // While loading: about 1.5 GB of rows in memory (the JVM's default heap here is 1/4 of RAM).
    private static final int LOAD_CACHE_ROWS = 4_000_000;
    private static final int LOAD_CACHE_KB = 1_500_000;
    private static final int DAYS = 730;
    private static final String[] KINDS = {"CALL", "CALL", "CALL", "VISIT", "MEETING", "DEMO", "NOTE", "NOTE"};

    private InsightWorkspace() {
    }

    /**
     * The workspace of {@code scale} in {@code dir}, made there first when it is not there yet.
     * It is built in a sibling folder and renamed when complete, so an interrupted run leaves no
     * half-filled workspace for the next run to reuse; the load runs with HSQLDB's redo log off and
     * a cache that holds the hot index pages (the default 50,000 rows made every insert read the
     * disk at full size), and ends with one checkpoint.
     */
    public static Database openEmbedded(Path dir, Clock clock, double scale) {
        if (!Files.isDirectory(dir)) {
            Path partial = dir.resolveSibling(dir.getFileName() + ".partial");
            deleteTree(partial);
            DatabaseConfig normal = DatabaseConfig.embedded(partial);
            // Applied when HSQLDB creates the files; reset before the workspace is closed.
            DatabaseConfig load = new DatabaseConfig(normal.mode(), normal.url() + ";hsqldb.log_data=false"
                    + ";hsqldb.cache_rows=" + LOAD_CACHE_ROWS + ";hsqldb.cache_size=" + LOAD_CACHE_KB,
                    normal.user(), normal.password(), normal.dataDir());
            try (Database db = Database.open(load)) {
                createIfEmpty(db, clock, scale);
                db.dsl().execute("SET FILES CACHE ROWS 50000");
                db.dsl().execute("SET FILES CACHE SIZE 10000");
                db.dsl().execute("SET FILES LOG TRUE");
                db.dsl().execute("CHECKPOINT");
            }
            try {
                Files.move(partial, dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not keep the generated workspace as " + dir, e);
            }
        }
        return Database.open(DatabaseConfig.embedded(dir));
    }

    /** Fills an empty database; does nothing when the demo organisation is already there. */
    public static void createIfEmpty(Database db, Clock clock, double scale) {
        DemoWorkspace demo = new DemoWorkspace(db, clock);
        if (!demo.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        demo.create(20260909L, 0);
        // Before the bulk rows: DemoKpis adjusts the demo's own records (note durations, drafting dates).
        new DemoKpis(db, clock).create(20260909L);
        fill(db, clock, scale);
        long filled = System.nanoTime();
        // The bulk load went past the repositories that keep the roll-ups: count them once.
        db.transaction(cfg -> {
            ActivityDayRepository.using(cfg).rebuild();
            LeadKpiDayRepository.using(cfg).rebuild();
            ContractKpiDayRepository.using(cfg).rebuild();
            CustomerFirstWonRepository.using(cfg).rebuild();
        });
        LOG.warn("Insight workspace at scale {} made in {} s (roll-ups {} s)", scale,
                (System.nanoTime() - started) / 1_000_000_000, (System.nanoTime() - filled) / 1_000_000_000);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the unfinished workspace " + dir, e);
        }
    }

    private static void fill(Database db, Clock clock, double scale) {
        int opportunities = (int) Math.round(FULL_OPPORTUNITIES * scale);
        int activities = (int) Math.round(FULL_ACTIVITIES * scale);
        int customers = Math.max(100, opportunities / 10);
        List<User> reps = new UserService(db, clock).all().stream().filter(u -> u.role() == Role.REP).toList();
        SplittableRandom random = new SplittableRandom(9);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        UUID[] customerIds = new UUID[customers];
        UUID[] owners = new UUID[customers];
        for (int start = 0; start < customers; start += BATCH) {
            List<CustomerRepository.NewCustomer> batch = new ArrayList<>();
            for (int i = start; i < Math.min(customers, start + BATCH); i++) {
                String name = "洞察基准客户" + i + "号医疗科技有限公司";
                owners[i] = reps.get(random.nextInt(reps.size())).id();
                customerIds[i] = Ids.newId(clock);
                batch.add(new CustomerRepository.NewCustomer(customerIds[i], new CustomerDraft(name, null, Tier.B,
                        "HOSPITAL", "310104", null, null, owners[i]), CompanyName.normalise(name), now, null,
                        now.minusDays(DAYS)));
            }
            db.transaction(cfg -> CustomerRepository.using(cfg, clock, code -> code)
                    .insertAll(null, ChangeReason.of(ChangeReason.Kind.SYSTEM, "benchmark"), batch));
        }
        LOG.warn("{} customers", customers);
        // Deals; a lead for every other deal (its source) and one without a deal in between.
        UUID[] dealIds = new UUID[opportunities];
        for (int start = 0; start < opportunities; start += BATCH) {
            int first = start;
            db.transaction(cfg -> {
                DSLContext dsl = DSL.using(cfg);
                List<OpportunityRecord> deals = new ArrayList<>();
                List<LeadRecord> leads = new ArrayList<>();
                List<ContractRecord> contracts = new ArrayList<>();
                List<CostEntryRecord> costs = new ArrayList<>();
                for (int i = first; i < Math.min(opportunities, first + BATCH); i++) {
                    int c = random.nextInt(customers);
                    OffsetDateTime created = now.minusMinutes(random.nextInt(DAYS * 24 * 60));
                    int roll = random.nextInt(10);
                    String stage = roll < 2 ? "WON" : roll < 3 ? "LOST" : new String[] {"INITIAL", "NEEDS", "SOLUTION",
                            "QUOTE", "NEGOTIATION", "CONTRACT"}[random.nextInt(6)];
                    OffsetDateTime closed = roll < 3 ? min(now, created.plusDays(10 + random.nextInt(110))) : null;
                    OpportunityRecord o = dsl.newRecord(OPPORTUNITY);
                    o.setId(dealIds[i] = Ids.newId(clock));
                    o.setCustomerId(customerIds[c]);
                    o.setName("基准商机 " + i);
                    o.setOwnerId(owners[c]);
                    o.setStage(stage);
                    o.setAmount(BigDecimal.valueOf(20_000 + random.nextInt(800_000)));
                    o.setProbability("WON".equals(stage) ? 100 : "LOST".equals(stage) ? 0 : 30);
                    o.setStageChangedAt(closed != null ? closed : created);
                    o.setClosedAt(closed);
                    o.setBoardRank(String.format("b%08d", i));
                    o.setVersion(1L);
                    o.setCreatedAt(created);
                    o.setUpdatedAt(closed != null ? closed : created);
                    deals.add(o);
                    if (i % 2 == 0) {
                        leads.add(lead(dsl, clock, random, i, created.minusDays(1 + random.nextInt(5)), owners[c],
                                o.getId(), customerIds[c]));
                        leads.add(lead(dsl, clock, random, i + 1, now.minusMinutes(random.nextInt(DAYS * 24 * 60)),
                                reps.get(random.nextInt(reps.size())).id(), null, null));
                    }
                    if ("WON".equals(stage)) {
                        ContractRecord k = dsl.newRecord(CONTRACT);
                        k.setId(Ids.newId(clock));
                        k.setContractNo("HT-INS-" + i);
                        k.setTitle("基准合同 " + i);
                        k.setCustomerId(customerIds[c]);
                        k.setOpportunityId(o.getId());
                        k.setOwnerId(owners[c]);
                        k.setOurParty("本公司");
                        k.setTheirParty("洞察基准客户" + c);
                        k.setAmount(o.getAmount().setScale(2));
                        k.setStatus(random.nextInt(4) == 0 ? "CLOSED" : "EXECUTING");
                        k.setSignedOn(closed.atZoneSameInstant(BusinessTime.ZONE).toLocalDate());
                        k.setVersion(1L);
                        k.setCreatedAt(closed.minusDays(3 + random.nextInt(28)));
                        k.setUpdatedAt(closed);
                        contracts.add(k);
                        if (random.nextInt(3) == 0) {
                            CostEntryRecord e = dsl.newRecord(COST_ENTRY);
                            e.setId(Ids.newId(clock));
                            e.setKind("ACQUISITION");
                            e.setCustomerId(customerIds[c]);
                            e.setOpportunityId(o.getId());
                            e.setChannel("展会");
                            e.setAmount(BigDecimal.valueOf(1_000 + random.nextInt(30_000)).setScale(2));
                            e.setIncurredOn(created.atZoneSameInstant(BusinessTime.ZONE).toLocalDate());
                            e.setBasis(random.nextBoolean() ? "MEASURED" : "ALLOCATED");
                            e.setVersion(1L);
                            e.setCreatedAt(created);
                            e.setUpdatedAt(created);
                            costs.add(e);
                        }
                    }
                }
                BulkInsert.insert(dsl, deals);
                BulkInsert.insert(dsl, leads);
                BulkInsert.insert(dsl, contracts);
                BulkInsert.insert(dsl, costs);
            });
        }
        LOG.warn("{} opportunities with their leads, contracts and costs", opportunities);
        for (int start = 0; start < activities; start += BATCH) {
            int first = start;
            db.transaction(cfg -> {
                DSLContext dsl = DSL.using(cfg);
                List<ActivityRecord> batch = new ArrayList<>();
                for (int i = first; i < Math.min(activities, first + BATCH); i++) {
                    int c = random.nextInt(customers);
                    String kind = KINDS[random.nextInt(KINDS.length)];
                    OffsetDateTime at = now.minusMinutes(random.nextInt(DAYS * 24 * 60));
                    ActivityRecord a = dsl.newRecord(ACTIVITY);
                    a.setId(Ids.newId(clock));
                    a.setCustomerId(customerIds[c]);
                    a.setOwnerId(owners[c]);
                    a.setKind(kind);
                    a.setOccurredAt(at);
                    a.setDurationMinutes(random.nextInt(10) == 0 ? null : "CALL".equals(kind)
                            ? 1 + random.nextInt(30) : 10 + random.nextInt(110));
                    a.setNote("基准跟进 " + i);
                    a.setVersion(1L);
                    a.setCreatedAt(at);
                    a.setUpdatedAt(at);
                    batch.add(a);
                }
                BulkInsert.insert(dsl, batch);
            });
            if ((start / BATCH) % 20 == 0) {
                LOG.warn("{} activities", start);
            }
        }
    }

    private static LeadRecord lead(DSLContext dsl, Clock clock, SplittableRandom random, int i, OffsetDateTime created,
                                   UUID owner, UUID deal, UUID customer) {
        LeadRecord l = dsl.newRecord(LEAD);
        l.setId(Ids.newId(clock));
        l.setName("基准线索 " + i);
        l.setStatus(deal != null ? "CONVERTED" : "CONTACTED");
        l.setOwnerId(owner);
        l.setAssignedAt(created);
        // Most answered within the hour, a long tail over days.
        int minutes = (int) Math.min(5_000, Math.round(-Math.log(1 - random.nextDouble()) * 45));
        l.setFirstResponseAt(created.plusMinutes(minutes));
        l.setResponseMinutes(minutes);
        l.setCustomerId(customer);
        l.setOpportunityId(deal);
        l.setBoardRank(String.format("l%08d", i));
        l.setVersion(1L);
        l.setCreatedAt(created);
        l.setUpdatedAt(created);
        return l;
    }

    private static OffsetDateTime min(OffsetDateTime a, OffsetDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
