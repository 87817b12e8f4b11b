package io.salesdesk.insight.kpi;

import static io.salesdesk.db.jooq.Tables.APPROVAL_REQUEST;
import static io.salesdesk.db.jooq.Tables.CONTRACT;
import static io.salesdesk.db.jooq.Tables.CONTRACT_KPI_DAY;
import static io.salesdesk.db.jooq.Tables.CUSTOMER_FIRST_WON;
import static io.salesdesk.db.jooq.Tables.LEAD;
import static io.salesdesk.db.jooq.Tables.LEAD_KPI_DAY;
import static io.salesdesk.db.jooq.Tables.LEAD_KPI_MONTH;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY_STAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.commerce.contract.ContractRepository;
import io.salesdesk.commerce.contract.ContractStatus;
import io.salesdesk.commerce.cost.CostService;
import io.salesdesk.core.Actor;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.crm.CustomerFirstWonRepository;
import io.salesdesk.crm.LeadKpiDayRepository;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityRepository;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.crm.lead.LeadFields;
import io.salesdesk.crm.lead.LeadRepository;
import io.salesdesk.crm.lead.LeadStatus;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.workflow.approval.ApprovalRepository;
import io.salesdesk.workflow.approval.ApprovalSubject;
import io.salesdesk.workflow.approval.ContractKpiDayRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The KPI roll-ups (lead_kpi_day and _month, contract_kpi_day, customer_first_won) kept by the repositories
 * through random inserts, edits, stage moves, submissions and deletes: each table equals a recount
 * from the rows, and every lead, contract and CAC figure equals a brute-force count in Java over
 * the same rows, per rep and for the whole company, on a real HSQLDB (and PostgreSQL).
 */
class KpiRollupsTest {

    private static final ChangeReason REASON = ChangeReason.of(ChangeReason.Kind.USER, "test");
    private static final Period Q2 = new Period(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30));
    private static final Period SPRING_SUMMER = new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 8, 31));
    /** Partial months at both ends around a whole one: read partly by month, partly by day. */
    private static final Period MID_APRIL_TO_MID_JUNE = new Period(LocalDate.of(2026, 4, 10), LocalDate.of(2026, 6, 20));
    /** Inside one month: read by day only. */
    private static final Period MID_MAY = new Period(LocalDate.of(2026, 5, 5), LocalDate.of(2026, 5, 25));
    private static final String[] STAGES = {"INITIAL", "NEEDS", "QUOTE", "WON", "WON", "LOST"};

    @TempDir
    Path dir;
    private Database db;
    private TestClock clock;
    private SalesOrgFixture org;
    private KpiService kpis;
    private CostService costs;

    /** The database the tests run on; the PostgreSQL variant overrides it. */
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @BeforeEach
    void open() {
        db = open(dir);
        clock = new TestClock(Instant.parse("2026-07-02T02:00:00Z"));
        org = new SalesOrgFixture(db, clock);
        costs = new CostService(db, clock);
        kpis = new KpiService(db, costs);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void rollUpsKeptByTheRepositoriesEqualARecountAndABruteForceCount(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<User> reps = List.of(org.wang, org.li, org.zhang);
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            User rep = reps.get(i % reps.size());
            customers.add(org.customer(rep, "客户" + i + "医院", Tier.B, SalesOrgFixture.HANGZHOU, null));
        }
        OffsetDateTime base = OffsetDateTime.parse("2026-03-10T00:00:00Z");
        List<UUID> deals = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            deals.add(newDeal(random, reps, customers, base, i));
        }
        List<UUID> leads = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            leads.add(newLead(random, reps, deals, base, i));
        }
        UUID flow = Ids.newId(clock);
        db.transaction(cfg -> ApprovalRepository.using(cfg, clock).insertFlow(null, flow, ContractKpiDayRepository.ENTITY,
                "submit", "合同审批", "{}"));
        List<UUID> contracts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            contracts.add(newContract(random, reps, customers, i));
        }
        // Edits in a random order, the clock moving on (a stage move closes a deal "now").
        for (int step = 0; step < 80; step++) {
            clock.advance(Duration.ofHours(1 + random.nextInt(30)));
            switch (random.nextInt(6)) {
                case 0 -> editLead(random, reps, deals, leads.get(random.nextInt(leads.size())));
                case 1 -> moveDeal(random, reps, customers, deals.get(random.nextInt(deals.size())));
                case 2 -> signOrReassign(random, reps, contracts.get(random.nextInt(contracts.size())));
                case 3 -> submit(flow, contracts.get(random.nextInt(contracts.size())), reps.get(0));
                case 4 -> deleteLead(leads.get(random.nextInt(leads.size())));
                default -> deleteDeal(deals.get(random.nextInt(deals.size())));
            }
        }

        assertRollUpsEqualRecount();
        for (Period period : List.of(Q2, SPRING_SUMMER, MID_APRIL_TO_MID_JUNE, MID_MAY)) {
            assertFiguresEqualBruteForce(period, reps);
            assertCacEqualsBruteForce(org.admin.asActor(), period, null);
            assertCacEqualsBruteForce(org.zjManager.asActor(), period, Set.of(org.wang.id(), org.li.id()));
        }
    }

    // ------------------------------------------------------------------ writes through the repositories

    private UUID newDeal(SplittableRandom random, List<User> reps, List<UUID> customers, OffsetDateTime base, int i) {
        UUID id = Ids.newId(clock);
        String stage = STAGES[random.nextInt(STAGES.length)];
        boolean closed = "WON".equals(stage) || "LOST".equals(stage);
        OpportunityDraft draft = new OpportunityDraft(customers.get(random.nextInt(customers.size())), "商机" + i,
                reps.get(random.nextInt(reps.size())).id(), stage, BigDecimal.valueOf(10_000), null, null, null,
                closed ? "结案" : null);
        db.transaction(cfg -> OpportunityRepository.using(cfg, clock).insertAll(null, REASON, List.of(
                new OpportunityRepository.NewOpportunity(id, draft, closed ? 100 : 30, "m",
                        base.plusMinutes(random.nextInt(150 * 24 * 60))))));
        return id;
    }

    private UUID newLead(SplittableRandom random, List<User> reps, List<UUID> deals, OffsetDateTime base, int i) {
        UUID id = Ids.newId(clock);
        UUID owner = random.nextInt(5) == 0 ? null : reps.get(random.nextInt(reps.size())).id();
        OffsetDateTime created = base.plusMinutes(random.nextInt(150 * 24 * 60));
        db.transaction(cfg -> {
            LeadRepository repo = LeadRepository.using(cfg, clock);
            repo.insertAll(null, REASON, List.of(new LeadRepository.NewLead(id, new LeadDraft("线索" + i, null, null,
                    null, null, null, null, null, null), owner == null ? LeadStatus.NEW : LeadStatus.ASSIGNED, owner,
                    null, null, null, "m", created)));
        });
        editLead(random, reps, deals, id);
        return id;
    }

    private void editLead(SplittableRandom random, List<User> reps, List<UUID> deals, UUID lead) {
        db.transaction(cfg -> {
            LeadRepository repo = LeadRepository.using(cfg, clock);
            var current = repo.findAny(lead);
            if (current.isEmpty()) {
                return;
            }
            Integer minutes = random.nextInt(4) == 0 ? null : random.nextInt(200);
            UUID deal = random.nextInt(3) == 0 ? null : deals.get(random.nextInt(deals.size()));
            UUID owner = random.nextInt(6) == 0 ? null : reps.get(random.nextInt(reps.size())).id();
            repo.update(null, REASON, lead, current.get().version(), f -> new LeadFields(f.draft(), f.status(), owner,
                    f.assignedAt(), f.assignmentReason(), f.assignmentFlag(), f.firstResponseAt(), minutes,
                    f.disqualifyReason(), f.customerId(), deal, f.closedAt(), f.boardRank()));
        });
    }

    private void moveDeal(SplittableRandom random, List<User> reps, List<UUID> customers, UUID deal) {
        db.transaction(cfg -> {
            OpportunityRepository repo = OpportunityRepository.using(cfg, clock);
            var current = repo.findAny(deal);
            if (current.isEmpty()) {
                return;
            }
            String stage = STAGES[random.nextInt(STAGES.length)];
            boolean closes = "WON".equals(stage) || "LOST".equals(stage);
            UUID customer = random.nextInt(4) == 0 ? customers.get(random.nextInt(customers.size()))
                    : current.get().customerId();
            UUID owner = random.nextInt(4) == 0 ? reps.get(random.nextInt(reps.size())).id() : current.get().ownerId();
            repo.update(null, REASON, deal, current.get().version(), new OpportunityDraft(customer,
                    current.get().name(), owner, stage, BigDecimal.valueOf(10_000), null, null, null,
                    closes ? "结案" : null), closes ? 100 : 30, closes, "m");
        });
    }

    private void deleteLead(UUID lead) {
        db.transaction(cfg -> {
            LeadRepository repo = LeadRepository.using(cfg, clock);
            repo.findAny(lead).ifPresent(l -> repo.delete(null, REASON, lead, l.version()));
        });
    }

    private void deleteDeal(UUID deal) {
        db.transaction(cfg -> {
            OpportunityRepository repo = OpportunityRepository.using(cfg, clock);
            repo.findAny(deal).ifPresent(o -> repo.delete(null, REASON, deal, o.version()));
        });
    }

    private UUID newContract(SplittableRandom random, List<User> reps, List<UUID> customers, int i) {
        UUID id = Ids.newId(clock);
        ContractStatus status = ContractStatus.values()[random.nextInt(ContractStatus.values().length)];
        LocalDate signed = LocalDate.of(2026, 3, 1).plusDays(random.nextInt(180));
        db.transaction(cfg -> ContractRepository.using(cfg, clock).insert(null, REASON, id, "HT-R" + i,
                new ContractRepository.Fields("合同" + i, customers.get(random.nextInt(customers.size())), null, null,
                        reps.get(random.nextInt(reps.size())).id(), "我方", "对方",
                        BigDecimal.valueOf(1_000 + random.nextInt(90_000)).setScale(2), null, status,
                        random.nextInt(5) == 0 ? null : signed, null), List.of()));
        return id;
    }

    private void signOrReassign(SplittableRandom random, List<User> reps, UUID contract) {
        db.transaction(cfg -> {
            ContractRepository repo = ContractRepository.using(cfg, clock);
            var current = repo.findAny(contract).orElseThrow();
            ContractRepository.Fields f = ContractRepository.Fields.of(current);
            ContractRepository.Fields next = random.nextBoolean()
                    ? f.withStatus(ContractStatus.values()[random.nextInt(ContractStatus.values().length)],
                            LocalDate.of(2026, 3, 1).plusDays(random.nextInt(180)), null)
                    : f.withDraft(f.title(), f.customerId(), reps.get(random.nextInt(reps.size())).id(), f.ourParty(),
                            f.theirParty(), BigDecimal.valueOf(1_000 + random.nextInt(90_000)).setScale(2), f.terms());
            repo.update(null, REASON, contract, current.version(), next, null);
        });
    }

    private void submit(UUID flow, UUID contract, User submitter) {
        db.transaction(cfg -> ApprovalRepository.using(cfg, clock).insertRequest(Ids.newId(clock),
                new ApprovalRepository.FlowVersion(flow, "合同审批", 1, "{}"),
                new ApprovalSubject(ContractKpiDayRepository.ENTITY, "submit", contract, "合同", Map.of()),
                submitter.id(), "{}", "[]"));
    }

    // ------------------------------------------------------------------ checks

    private void assertRollUpsEqualRecount() {
        Map<String, List<List<Object>>> kept = rollUpRows();
        db.transaction(cfg -> {
            LeadKpiDayRepository.using(cfg).rebuild();
            ContractKpiDayRepository.using(cfg).rebuild();
            CustomerFirstWonRepository.using(cfg).rebuild();
        });
        Map<String, List<List<Object>>> recounted = rollUpRows();
        recounted.forEach((table, rows) -> assertThat(kept.get(table)).as(table).containsExactlyInAnyOrderElementsOf(rows));
    }

    /** Each roll-up's rows that count something (a delta can leave a row at zero), as plain values. */
    private Map<String, List<List<Object>>> rollUpRows() {
        return db.transactionResult(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            Map<String, List<List<Object>>> rows = new HashMap<>();
            rows.put("lead_kpi_day", values(dsl, LEAD_KPI_DAY, LEAD_KPI_DAY.LEADS.ne(0)));
            rows.put("lead_kpi_month", values(dsl, LEAD_KPI_MONTH, LEAD_KPI_MONTH.LEADS.ne(0)));
            rows.put("contract_kpi_day", values(dsl, CONTRACT_KPI_DAY, CONTRACT_KPI_DAY.CONTRACTS.ne(0)));
            rows.put("customer_first_won", values(dsl, CUSTOMER_FIRST_WON, DSL.noCondition()));
            return rows;
        });
    }

    private static List<List<Object>> values(DSLContext dsl, Table<?> table, org.jooq.Condition counting) {
        return dsl.selectFrom(table).where(counting).fetch().stream().map(r -> {
            List<Object> v = new ArrayList<>();
            for (Object o : r.intoArray()) {
                v.add(o instanceof BigDecimal b ? b.stripTrailingZeros() : o instanceof OffsetDateTime t
                        ? t.toInstant() : o);
            }
            return v;
        }).toList();
    }

    private void assertFiguresEqualBruteForce(Period period, List<User> reps) {
        List<Record> leadRows = db.transactionResult(cfg -> DSL.using(cfg).select(LEAD.OWNER_ID, LEAD.CREATED_AT,
                        LEAD.RESPONSE_MINUTES, OPPORTUNITY.STAGE, OPPORTUNITY.CLOSED_AT)
                .from(LEAD).leftJoin(OPPORTUNITY).on(OPPORTUNITY.ID.eq(LEAD.OPPORTUNITY_ID), OPPORTUNITY.DELETED_AT.isNull())
                .where(LEAD.DELETED_AT.isNull()).fetch().stream().map(r -> (Record) r).toList());
        Map<String, String> stageOutcome = db.transactionResult(cfg -> DSL.using(cfg)
                .select(OPPORTUNITY_STAGE.CODE, OPPORTUNITY_STAGE.OUTCOME).from(OPPORTUNITY_STAGE)
                .fetchMap(OPPORTUNITY_STAGE.CODE, OPPORTUNITY_STAGE.OUTCOME));
        KpiReport byRep = kpis.report(org.admin.asActor(), period, KpiGrouping.REP);
        Map<UUID, KpiGroupFigures> groups = byRep.groups().stream().filter(g -> g.groupId() != null)
                .collect(Collectors.toMap(KpiGroupFigures::groupId, Function.identity()));
        List<UUID> scopes = new ArrayList<>();
        reps.forEach(r -> scopes.add(r.id()));
        scopes.add(null); // the whole company
        for (UUID rep : scopes) {
            KpiGroupFigures figures = rep == null ? byRep.total() : groups.get(rep);
            String as = rep == null ? "company" : rep.toString();
            // Leads.
            List<Integer> minutes = new ArrayList<>();
            long created = 0;
            long won = 0;
            long wonDays = 0;
            for (Record r : leadRows) {
                LocalDate day = r.get(LEAD.CREATED_AT).atZoneSameInstant(BusinessTime.ZONE).toLocalDate();
                if (day.isBefore(period.from()) || day.isAfter(period.to())
                        || rep != null && !rep.equals(r.get(LEAD.OWNER_ID))) {
                    continue;
                }
                created++;
                if (r.get(LEAD.RESPONSE_MINUTES) != null) {
                    minutes.add(r.get(LEAD.RESPONSE_MINUTES));
                }
                if (r.get(OPPORTUNITY.STAGE) != null && "WON".equals(stageOutcome.get(r.get(OPPORTUNITY.STAGE)))
                        && r.get(OPPORTUNITY.CLOSED_AT) != null) {
                    won++;
                    wonDays += r.get(OPPORTUNITY.CLOSED_AT).atZoneSameInstant(BusinessTime.ZONE).toLocalDate()
                            .toEpochDay() - day.toEpochDay();
                }
            }
            if (figures == null) {
                assertThat(created).as(as + " leads").isZero();
            } else {
                minutes.sort(Integer::compare);
                assertFigure(figures, KpiKind.RESPONSE_MEDIAN, minutes.isEmpty() ? null
                        : BigDecimal.valueOf(minutes.get(rank(minutes.size(), 0.5))), as);
                assertFigure(figures, KpiKind.RESPONSE_P90, minutes.isEmpty() ? null
                        : BigDecimal.valueOf(minutes.get(rank(minutes.size(), 0.9))), as);
                assertFigure(figures, KpiKind.LEAD_CONVERSION, created == 0 ? null : BigDecimal.valueOf(won * 100)
                        .divide(BigDecimal.valueOf(created), 1, RoundingMode.HALF_UP), as);
                assertFigure(figures, KpiKind.LEAD_CYCLE, won == 0 ? null : BigDecimal.valueOf(wonDays)
                        .divide(BigDecimal.valueOf(won), 1, RoundingMode.HALF_UP), as);
            }
            assertContractsEqualBruteForce(period, rep, figures, as);
        }
    }

    private void assertContractsEqualBruteForce(Period period, UUID rep, KpiGroupFigures figures, String as) {
        List<Record> rows = db.transactionResult(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            var submitted = DSL.select(DSL.min(APPROVAL_REQUEST.SUBMITTED_AT)).from(APPROVAL_REQUEST)
                    .where(APPROVAL_REQUEST.ENTITY.eq("contract"), APPROVAL_REQUEST.RECORD_ID.eq(CONTRACT.ID));
            return dsl.select(CONTRACT.OWNER_ID, CONTRACT.SIGNED_ON, CONTRACT.AMOUNT, CONTRACT.CREATED_AT,
                            DSL.field(submitted).as("submitted_at"))
                    .from(CONTRACT)
                    .where(CONTRACT.DELETED_AT.isNull(), CONTRACT.STATUS.in("SIGNED", "EXECUTING", "CLOSED"),
                            CONTRACT.SIGNED_ON.between(period.from(), period.to()))
                    .fetch().stream().map(r -> (Record) r).toList();
        });
        BigDecimal amount = BigDecimal.ZERO;
        long count = 0;
        long cycleDays = 0;
        long cycled = 0;
        long excluded = 0;
        for (Record r : rows) {
            if (rep != null && !rep.equals(r.get(CONTRACT.OWNER_ID))) {
                continue;
            }
            count++;
            amount = amount.add(r.get(CONTRACT.AMOUNT));
            OffsetDateTime submitted = r.get("submitted_at", OffsetDateTime.class);
            OffsetDateTime from = submitted != null ? submitted : r.get(CONTRACT.CREATED_AT);
            long days = r.get(CONTRACT.SIGNED_ON).toEpochDay()
                    - from.atZoneSameInstant(BusinessTime.ZONE).toLocalDate().toEpochDay();
            if (days >= 0) {
                cycleDays += days;
                cycled++;
            } else {
                excluded++;
            }
        }
        if (figures == null) {
            assertThat(count).as(as + " contracts").isZero();
            return;
        }
        assertFigure(figures, KpiKind.SIGNED_AMOUNT, count == 0 ? null : amount, as);
        assertThat(figures.figure(KpiKind.SIGNED_AMOUNT).records()).as(as).isEqualTo(count);
        assertFigure(figures, KpiKind.CONTRACT_CYCLE, cycled == 0 ? null : BigDecimal.valueOf(cycleDays)
                .divide(BigDecimal.valueOf(cycled), 1, RoundingMode.HALF_UP), as);
        if (cycled > 0) {
            assertThat(figures.figure(KpiKind.CONTRACT_CYCLE).excluded()).as(as + " excluded").isEqualTo(excluded);
        }
        List<MonthlyAmount> bars = kpis.signedByMonth(org.admin.asActor(), period, KpiGrouping.REP);
        if (rep != null) {
            BigDecimal barSum = bars.stream().filter(b -> rep.equals(b.groupId())).map(MonthlyAmount::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(barSum).as(as + " bars").isEqualByComparingTo(amount);
        }
    }

    /** The customers won in the period as CAC counts them: first live won deal, of an owner in scope. */
    private void assertCacEqualsBruteForce(Actor viewer, Period period, Set<UUID> owners) {
        Map<String, String> stageOutcome = db.transactionResult(cfg -> DSL.using(cfg)
                .select(OPPORTUNITY_STAGE.CODE, OPPORTUNITY_STAGE.OUTCOME).from(OPPORTUNITY_STAGE)
                .fetchMap(OPPORTUNITY_STAGE.CODE, OPPORTUNITY_STAGE.OUTCOME));
        Map<UUID, OffsetDateTime> firstWin = new HashMap<>();
        db.transactionResult(cfg -> DSL.using(cfg).select(OPPORTUNITY.CUSTOMER_ID, OPPORTUNITY.OWNER_ID,
                        OPPORTUNITY.STAGE, OPPORTUNITY.CLOSED_AT).from(OPPORTUNITY)
                .where(OPPORTUNITY.DELETED_AT.isNull()).fetch())
                .forEach(r -> {
                    if ("WON".equals(stageOutcome.get(r.value3())) && r.value4() != null
                            && (owners == null || owners.contains(r.value2()))) {
                        firstWin.merge(r.value1(), r.value4(), (a, b) -> a.isBefore(b) ? a : b);
                    }
                });
        Set<UUID> won = new HashSet<>();
        firstWin.forEach((customer, at) -> {
            if (!at.isBefore(period.start()) && at.isBefore(period.end())) {
                won.add(customer);
            }
        });
        assertThat(costs.cac(viewer, period.from(), period.to()).customersWon()).as(viewer.toString())
                .isEqualTo(won.size());
        assertThat(costs.cacByCustomer(viewer, period.from(), period.to())).extracting(c -> c.customerId())
                .containsExactlyInAnyOrderElementsOf(won);
    }

    private static int rank(int n, double p) {
        return (int) Math.max(1, Math.ceil(p * n)) - 1;
    }

    private static void assertFigure(KpiGroupFigures figures, KpiKind kind, BigDecimal expected, String as) {
        KpiFigure f = figures.figure(kind);
        if (expected == null) {
            assertThat(f.hasValue()).as(as + " " + kind).isFalse();
        } else {
            assertThat(f.value()).as(as + " " + kind).isEqualByComparingTo(expected);
        }
    }
}
