package io.salesdesk.insight.kpi;

import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.commerce.cost.CostService;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.User;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Every KPI against the hand-counted quarter of {@link KpiFixture}, on a real HSQLDB. */
class KpiServiceTest {

    private static final Period Q2 = new Period(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30));

    @TempDir
    Path dir;
    private Database db;
    private KpiFixture f;
    private KpiService kpis;

    /** The database the tests run on; the PostgreSQL variant overrides it. */
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @BeforeEach
    void open() {
        db = open(dir);
        TestClock clock = new TestClock(Instant.parse("2026-07-02T02:00:00Z"));
        f = new KpiFixture(db, clock);
        kpis = new KpiService(db, new CostService(db, clock));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private KpiReport q2() {
        return kpis.report(f.org.admin.asActor(), Q2, KpiGrouping.ALL);
    }

    private static BigDecimal value(KpiReport report, KpiKind kind) {
        return report.figure(kind).value();
    }

    @Test
    void signedAmountCountsSignedExecutingAndClosedContractsOfThePeriodOnly() {
        KpiFigure signed = q2().figure(KpiKind.SIGNED_AMOUNT);
        assertThat(signed.value()).isEqualByComparingTo("180000");
        assertThat(signed.records()).isEqualTo(3);
    }

    @Test
    void signedPerRepPerMonthDividesByRepsEmployedAndCalendarMonths() {
        // 180,000 ÷ 3 reps ÷ 3 months.
        assertThat(value(q2(), KpiKind.SIGNED_PER_REP_MONTH)).isEqualByComparingTo("20000.00");
        KpiReport byRep = kpis.report(f.org.admin.asActor(), Q2, KpiGrouping.REP);
        Map<String, KpiGroupFigures> reps = byName(byRep);
        assertThat(reps.get("王一").figure(KpiKind.SIGNED_PER_REP_MONTH).value()).isEqualByComparingTo("50000.00");
        assertThat(reps.get("李二").figure(KpiKind.SIGNED_PER_REP_MONTH).value()).isEqualByComparingTo("10000.00");
    }

    @Test
    void responseMedianAndP90AreNearestRankOverRespondedLeadsNotDeleted() {
        KpiReport report = q2();
        assertThat(value(report, KpiKind.RESPONSE_MEDIAN)).isEqualByComparingTo("20");
        assertThat(value(report, KpiKind.RESPONSE_P90)).isEqualByComparingTo("200");
        assertThat(report.figure(KpiKind.RESPONSE_MEDIAN).records()).isEqualTo(6);
        KpiGroupFigures wang = byName(kpis.report(f.org.admin.asActor(), Q2, KpiGrouping.REP)).get("王一");
        assertThat(wang.figure(KpiKind.RESPONSE_MEDIAN).value()).isEqualByComparingTo("30");
        assertThat(wang.figure(KpiKind.RESPONSE_P90).value()).isEqualByComparingTo("50");
    }

    @Test
    void contractCycleRunsFromFirstApprovalSubmissionOrCreationToSigning() {
        // (9 + 5 + 2) ÷ 3 = 5.3
        assertThat(value(q2(), KpiKind.CONTRACT_CYCLE)).isEqualByComparingTo("5.3");
        List<KpiRecord> records = kpis.drillDown(f.org.admin.asActor(), KpiKind.CONTRACT_CYCLE, Q2, KpiGrouping.ALL,
                null);
        assertThat(records).extracting(r -> r.value().intValue()).containsExactly(9, 5, 2);
    }

    @Test
    void paperworkShareIsPaperworkMinutesOverAllTimedMinutesInShanghaiDays() {
        // 50 ÷ 161 minutes; the deleted call and the note of 1 July (Shanghai) are left out.
        assertThat(value(q2(), KpiKind.PAPERWORK_SHARE)).isEqualByComparingTo("31.1");
    }

    @Test
    void paperworkKindsAreASetting() {
        kpis.saveSettings(new KpiSettings(List.of("NOTE", "MEETING"), List.of("CALL", "VISIT", "MEETING", "DEMO"), 2,
                List.of("REP", "MANAGER")));
        // (50 + 60) ÷ 161
        assertThat(value(q2(), KpiKind.PAPERWORK_SHARE)).isEqualByComparingTo("68.3");
    }

    @Test
    void dailyTouchesCountEffectiveTouchesPerRepPerWorkingDayOfTheCalendar() {
        // 4 touches ÷ 3 reps ÷ 64 working days (65 weekdays less 1 May).
        assertThat(value(q2(), KpiKind.DAILY_TOUCHES)).isEqualByComparingTo("0.02");
        assertThat(q2().figure(KpiKind.DAILY_TOUCHES).records()).isEqualTo(4);
        KpiGroupFigures wang = byName(kpis.report(f.org.admin.asActor(), Q2, KpiGrouping.REP)).get("王一");
        // 2 ÷ 1 ÷ 64 = 0.03125
        assertThat(wang.figure(KpiKind.DAILY_TOUCHES).value()).isEqualByComparingTo("0.03");
    }

    @Test
    void keyRoleAttritionIsLeaversOverHeadcountOnTheFirstDay() {
        // 李二 left; on 1 April 陈东, 王一, 李二, 赵南 were there (张三 joined later): 1 ÷ 4.
        assertThat(value(q2(), KpiKind.KEY_ROLE_ATTRITION)).isEqualByComparingTo("25.0");
        List<KpiRecord> leavers = kpis.drillDown(f.org.admin.asActor(), KpiKind.KEY_ROLE_ATTRITION, Q2,
                KpiGrouping.ALL, null);
        assertThat(leavers).extracting(KpiRecord::title).containsExactly("李二");
    }

    @Test
    void cacAndItsMeasuredShareComeFromCommerceCosts() {
        KpiReport report = q2();
        assertThat(value(report, KpiKind.CAC)).isEqualByComparingTo("4000.00");
        assertThat(value(report, KpiKind.CAC_MEASURED_SHARE)).isEqualByComparingTo("75.0");
    }

    @Test
    void leadConversionAndCycleCountLeadsCreatedInThePeriod() {
        KpiReport report = q2();
        // 8 live leads (one unassigned), 1 won deal, 5 → 25 April in Shanghai days.
        assertThat(value(report, KpiKind.LEAD_CONVERSION)).isEqualByComparingTo("12.5");
        assertThat(report.figure(KpiKind.LEAD_CONVERSION).records()).isEqualTo(8);
        assertThat(value(report, KpiKind.LEAD_CYCLE)).isEqualByComparingTo("20.0");
    }

    @Test
    void drillDownReturnsExactlyTheRecordsSummed() {
        List<KpiRecord> signed = kpis.drillDown(f.org.admin.asActor(), KpiKind.SIGNED_AMOUNT, Q2, KpiGrouping.ALL, null);
        assertThat(signed).extracting(KpiRecord::id).containsExactlyInAnyOrder(f.c1, f.c2, f.c3);
        assertThat(signed.stream().map(KpiRecord::value).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(value(q2(), KpiKind.SIGNED_AMOUNT));

        List<KpiRecord> paperwork = kpis.drillDown(f.org.admin.asActor(), KpiKind.PAPERWORK_SHARE, Q2,
                KpiGrouping.ALL, null);
        assertThat(paperwork.stream().map(KpiRecord::value).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("50");

        // The lead cycle lists the won deals, with the lead that led to each; the days add up to the figure's.
        List<KpiRecord> won = kpis.drillDown(f.org.admin.asActor(), KpiKind.LEAD_CYCLE, Q2, KpiGrouping.ALL, null);
        assertThat(won).extracting(KpiRecord::source, KpiRecord::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(KpiRecord.Source.OPPORTUNITY, f.wonDeal));
        assertThat(won.get(0).value()).isEqualByComparingTo("20");
        assertThat(won.get(0).day()).isEqualTo(LocalDate.of(2026, 4, 25));
        assertThat(kpis.drillDown(f.org.admin.asActor(), KpiKind.DAILY_TOUCHES, Q2, KpiGrouping.ALL, null)).hasSize(4);
        assertThat(kpis.drillDown(f.org.admin.asActor(), KpiKind.RESPONSE_P90, Q2, KpiGrouping.ALL, null)).hasSize(6);
    }

    @Test
    void drillDownOfAGroupReturnsThatGroupsRecordsOnly() {
        UUID wang = f.org.wang.id();
        List<KpiRecord> signed = kpis.drillDown(f.org.admin.asActor(), KpiKind.SIGNED_AMOUNT, Q2, KpiGrouping.REP, wang);
        assertThat(signed).extracting(KpiRecord::id).containsExactlyInAnyOrder(f.c1, f.c2);
    }

    @Test
    void groupingByTeamAndRegionFollowsTheOrgTree() {
        KpiReport byTeam = kpis.report(f.org.admin.asActor(), Q2, KpiGrouping.TEAM);
        assertThat(byName(byTeam).get("浙江大区").figure(KpiKind.SIGNED_AMOUNT).value()).isEqualByComparingTo("180000");
        KpiReport byRegion = kpis.report(f.org.admin.asActor(), Q2, KpiGrouping.REGION);
        assertThat(byName(byRegion).get("江苏大区").figure(KpiKind.SIGNED_AMOUNT).hasValue()).isFalse();
        assertThat(byName(byRegion).get("江苏大区").figure(KpiKind.RESPONSE_MEDIAN).value()).isEqualByComparingTo("5");
    }

    @Test
    void aRepSeesOnlyTheirOwnRecordsAndNoCompanyCac() {
        KpiReport report = kpis.report(f.org.wang.asActor(), Q2, KpiGrouping.ALL);
        assertThat(value(report, KpiKind.SIGNED_AMOUNT)).isEqualByComparingTo("150000");
        assertThat(report.figure(KpiKind.CAC).noDataReason()).isEqualTo("kpi.noData.cacNotAllowed");
    }

    @Test
    void thisQuarterComparesWithLastQuarter() {
        KpiComparison comparison = kpis.compare(f.org.admin.asActor(), PeriodComparison.previous(Q2), KpiGrouping.ALL);
        assertThat(comparison.periods().baseline()).isEqualTo(new Period(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 31)));
        assertThat(comparison.baseline().figure(KpiKind.SIGNED_AMOUNT).value()).isEqualByComparingTo("40000");
        assertThat(comparison.delta(KpiKind.SIGNED_AMOUNT)).hasValueSatisfying(
                d -> assertThat(d).isEqualByComparingTo("140000"));
        assertThat(comparison.deltaPercent(KpiKind.SIGNED_AMOUNT)).hasValueSatisfying(
                d -> assertThat(d).isEqualByComparingTo("350.0"));
        assertThat(comparison.baseline().figure(KpiKind.CONTRACT_CYCLE).value()).isEqualByComparingTo("10.0");
        // No key-role person left in Q1.
        assertThat(comparison.baseline().figure(KpiKind.KEY_ROLE_ATTRITION).value()).isEqualByComparingTo("0.0");
        // Both CACs come from one query; each must be what the period alone gives.
        assertThat(comparison.current().figure(KpiKind.CAC)).isEqualTo(q2().figure(KpiKind.CAC));
        assertThat(comparison.baseline().figure(KpiKind.CAC)).isEqualTo(kpis.report(f.org.admin.asActor(),
                comparison.periods().baseline(), KpiGrouping.ALL).figure(KpiKind.CAC));
    }

    @Test
    void beforeAndAfterADateSplitTheRangeAtThatDate() {
        PeriodComparison periods = PeriodComparison.beforeAfter(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 15),
                LocalDate.of(2026, 6, 30));
        KpiComparison comparison = kpis.compare(f.org.admin.asActor(), periods, KpiGrouping.ALL);
        assertThat(comparison.current().figure(KpiKind.SIGNED_AMOUNT).value()).isEqualByComparingTo("80000");
        assertThat(comparison.baseline().figure(KpiKind.SIGNED_AMOUNT).value()).isEqualByComparingTo("100000");
        assertThatThrownBy(() -> PeriodComparison.beforeAfter(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 6, 30))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyPeriodGivesNoDataWithAReasonForEveryFigure() {
        KpiReport empty = kpis.report(f.org.admin.asActor(), Period.month(YearMonth.of(2025, 1)), KpiGrouping.REP);
        for (KpiKind kind : KpiKind.values()) {
            KpiFigure figure = empty.figure(kind);
            if (kind == KpiKind.KEY_ROLE_ATTRITION) {
                assertThat(figure.value()).isEqualByComparingTo("0.0");
                continue;
            }
            assertThat(figure.hasValue()).as(kind.name()).isFalse();
            assertThat(figure.noDataReason()).as(kind.name()).startsWith("kpi.noData.");
        }
    }

    @Test
    void signedByMonthGivesTheBarsOfTheChart() {
        List<MonthlyAmount> bars = kpis.signedByMonth(f.org.admin.asActor(), Q2, KpiGrouping.REP);
        assertThat(bars).extracting(b -> b.groupName() + " " + b.month() + " " + b.amount().toBigInteger())
                .containsExactly("王一 2026-04 100000", "王一 2026-05 50000", "李二 2026-06 30000");
    }

    @Test
    void aContractSignedBeforeItWasSubmittedIsLeftOutOfTheCycleAndCounted() {
        // Signed 10 June, created 20 June: a data error, not a cycle of -10 days.
        f.contract(f.org.li, f.liCustomer, "HT-7", "1000.00", "SIGNED", "2026-06-10", "2026-06-20T02:00:00", null);
        KpiFigure cycle = q2().figure(KpiKind.CONTRACT_CYCLE);
        assertThat(cycle.value()).isEqualByComparingTo("5.3");
        assertThat(cycle.records()).isEqualTo(3);
        assertThat(cycle.excluded()).isEqualTo(1);
        assertThat(kpis.drillDown(f.org.admin.asActor(), KpiKind.CONTRACT_CYCLE, Q2, KpiGrouping.ALL, null))
                .extracting(r -> r.value().intValue()).containsExactly(9, 5, 2);
        KpiGroupFigures li = byName(kpis.report(f.org.admin.asActor(), Q2, KpiGrouping.REP)).get("李二");
        assertThat(li.figure(KpiKind.CONTRACT_CYCLE).value()).isEqualByComparingTo("2.0");
        assertThat(li.figure(KpiKind.CONTRACT_CYCLE).excluded()).isEqualTo(1);
    }

    @Test
    void aCycleWithOnlyContractsSignedBeforeSubmissionSaysSoInsteadOfAFigure() {
        Period july = Period.month(YearMonth.of(2026, 7));
        f.contract(f.org.li, f.liCustomer, "HT-8", "1000.00", "SIGNED", "2026-07-10", "2026-07-20T02:00:00", null);
        KpiFigure cycle = kpis.report(f.org.admin.asActor(), july, KpiGrouping.ALL).figure(KpiKind.CONTRACT_CYCLE);
        assertThat(cycle.hasValue()).isFalse();
        assertThat(cycle.noDataReason()).isEqualTo("kpi.noData.onlySignedBeforeSubmitted");
    }

    @Test
    void activitiesOfASoftDeletedCustomerDoNotCount() {
        long version = db.transactionResult(cfg -> DSL.using(cfg).select(CUSTOMER.VERSION).from(CUSTOMER)
                .where(CUSTOMER.ID.eq(f.zhangCustomer)).fetchOne().value1());
        db.transaction(cfg -> CustomerRepository.using(cfg, f.clock, code -> code).delete(null,
                ChangeReason.of(ChangeReason.Kind.USER, "test"), f.zhangCustomer, version));
        // 张三's 40-minute demo is gone: 50 ÷ 121 minutes, 3 touches.
        KpiReport report = q2();
        assertThat(value(report, KpiKind.PAPERWORK_SHARE)).isEqualByComparingTo("41.3");
        assertThat(report.figure(KpiKind.DAILY_TOUCHES).records()).isEqualTo(3);
        assertThat(kpis.drillDown(f.org.admin.asActor(), KpiKind.DAILY_TOUCHES, Q2, KpiGrouping.ALL, null)).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 10, 11, 25})
    void activityFiguresEqualABruteForceCountOverRandomFollowUps(int touchMinMinutes) {
        // Up to 10 minutes the roll-up answers; above, the activities themselves: both must agree with Java.
        kpis.saveSettings(new KpiSettings(List.of("NOTE"), List.of("CALL", "VISIT", "MEETING", "DEMO"),
                touchMinMinutes, List.of("REP", "MANAGER")));
        // Partial months at both ends: October and December by day, November from the monthly roll-up.
        Period q4 = new Period(LocalDate.of(2026, 10, 10), LocalDate.of(2026, 12, 20));
        List<User> reps = List.of(f.org.wang, f.org.li, f.org.zhang);
        List<UUID> customers = List.of(f.wangCustomer, f.liCustomer, f.zhangCustomer);
        String[] kinds = {"CALL", "VISIT", "MEETING", "DEMO", "NOTE"};
        SplittableRandom random = new SplittableRandom(touchMinMinutes);
        Map<String, long[]> expected = new HashMap<>(); // rep → paperwork, timed, touches
        OffsetDateTime first = OffsetDateTime.parse("2026-09-30T12:00:00Z");
        for (int i = 0; i < 150; i++) {
            User rep = reps.get(random.nextInt(reps.size()));
            String kind = kinds[random.nextInt(kinds.length)];
            OffsetDateTime at = first.plusMinutes(random.nextInt(94 * 24 * 60));
            Integer minutes = random.nextInt(8) == 0 ? null : random.nextInt(30);
            f.activity(rep, customers.get(random.nextInt(customers.size())), kind,
                    at.toLocalDateTime().toString(), minutes);
            LocalDate day = at.atZoneSameInstant(BusinessTime.ZONE).toLocalDate();
            if (day.isBefore(q4.from()) || day.isAfter(q4.to())) {
                continue;
            }
            long[] sums = expected.computeIfAbsent(rep.displayName(), k -> new long[3]);
            int m = minutes == null ? 0 : minutes;
            sums[0] += "NOTE".equals(kind) ? m : 0;
            sums[1] += m;
            sums[2] += !"NOTE".equals(kind) && (minutes == null || minutes >= touchMinMinutes) ? 1 : 0;
        }
        Map<String, KpiGroupFigures> byRep = byName(kpis.report(f.org.admin.asActor(), q4, KpiGrouping.REP));
        expected.forEach((rep, sums) -> {
            KpiGroupFigures g = byRep.get(rep);
            assertThat(g.figure(KpiKind.PAPERWORK_SHARE).value()).as(rep).isEqualByComparingTo(
                    BigDecimal.valueOf(sums[0] * 100).divide(BigDecimal.valueOf(sums[1]), 1, RoundingMode.HALF_UP));
            assertThat(g.figure(KpiKind.DAILY_TOUCHES).records()).as(rep).isEqualTo(sums[2]);
        });
    }

    private static Map<String, KpiGroupFigures> byName(KpiReport report) {
        return report.groups().stream().collect(Collectors.toMap(KpiGroupFigures::groupName, Function.identity()));
    }
}
