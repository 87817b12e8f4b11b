package io.salesdesk.insight.forecast;

import static io.salesdesk.insight.forecast.ForecastFixture.Q4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each forecast figure against a fixture computed by hand (2026 Q4, today 2026-11-26).
 *
 * <p>Open deals closing in Q4: 王一 100,000 × 50 % + 40,000 × 25 % = 60,000; 李二 200,000 × 10 % =
 * 20,000; 张三 80,000 × 50 % = 40,000. Not counted: a deal closing in January, a won deal, a
 * deleted deal, a deal without amount. Signed in Q4: 王一 30,000 (a voided 5,000 is not), 李二
 * 12,000.50; 张三's 9,000 contract is deleted. Signed in 2026 Q1–Q3 (195 working days): 王一
 * 50,000 + 40,000; Q4 has 66 working days, so 王一's run-rate is 90,000 × 66 / 195 = 30,461.54.
 */
class ForecastServiceTest {

    @TempDir
    Path dir;
    Database db;
    ForecastFixture f;
    ForecastService forecasts;

    /** The database the tests run on; the PostgreSQL variant overrides it. */
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @BeforeEach
    void setUp() {
        db = open(dir);
        f = new ForecastFixture(db);
        forecasts = new ForecastService(db, f.clock);
        var org = f.org;
        f.deal(org.wang, f.wangCustomer, "QUOTE", "100000", 50, LocalDate.of(2026, 11, 30));
        f.deal(org.wang, f.wangCustomer, "NEEDS", "40000", 25, LocalDate.of(2026, 12, 15));
        f.deal(org.wang, f.wangCustomer, "NEGOTIATION", "999", 70, LocalDate.of(2027, 1, 5));
        f.deal(org.wang, f.wangCustomer, "WON", "70000", 100, LocalDate.of(2026, 11, 1));
        f.deal(org.wang, f.wangCustomer, "INITIAL", null, 10, LocalDate.of(2026, 11, 1));
        f.deleteDeal(f.deal(org.wang, f.wangCustomer, "CONTRACT", "50000", 85, LocalDate.of(2026, 11, 20)));
        f.deal(org.li, f.liCustomer, "INITIAL", "200000", 10, LocalDate.of(2026, 10, 10));
        f.deal(org.zhang, f.zhangCustomer, "QUOTE", "80000", 50, LocalDate.of(2026, 12, 1));
        f.contract(org.wang, f.wangCustomer, "30000", "SIGNED", LocalDate.of(2026, 10, 15), false);
        f.contract(org.wang, f.wangCustomer, "5000", "VOID", LocalDate.of(2026, 10, 20), false);
        f.contract(org.li, f.liCustomer, "12000.50", "EXECUTING", LocalDate.of(2026, 11, 2), false);
        f.contract(org.zhang, f.zhangCustomer, "9000", "SIGNED", LocalDate.of(2026, 11, 3), true);
        f.contract(org.wang, f.wangCustomer, "50000", "CLOSED", LocalDate.of(2026, 3, 10), false);
        f.contract(org.wang, f.wangCustomer, "40000", "SIGNED", LocalDate.of(2026, 8, 20), false);
        f.contract(org.wang, f.wangCustomer, "7000", "SIGNED", LocalDate.of(2025, 12, 31), false);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Map<String, ForecastRow> byName(List<ForecastRow> rows) {
        return rows.stream().collect(Collectors.toMap(ForecastRow::subjectName, Function.identity()));
    }

    @Test
    void weightedPipelineCountsOpenDealsClosingInThePeriodTimesTheirProbability() {
        Map<String, ForecastRow> reps = byName(forecasts.forecast(f.org.admin.asActor(), Q4, ForecastLevel.REP));
        assertThat(reps.get("王一").weighted()).isEqualByComparingTo("60000");
        assertThat(reps.get("李二").weighted()).isEqualByComparingTo("20000");
        assertThat(reps.get("张三").weighted()).isEqualByComparingTo("40000");
        Map<String, ForecastRow> regions = byName(forecasts.forecast(f.org.admin.asActor(), Q4, ForecastLevel.REGION));
        assertThat(regions.get("浙江大区").weighted()).isEqualByComparingTo("80000");
        assertThat(regions.get("江苏大区").weighted()).isEqualByComparingTo("40000");
    }

    @Test
    void actualsAreTheLiveContractsSignedInThePeriod() {
        Map<String, ForecastRow> reps = byName(forecasts.forecast(f.org.admin.asActor(), Q4, ForecastLevel.REP));
        assertThat(reps.get("王一").actual()).isEqualByComparingTo("30000");
        assertThat(reps.get("李二").actual()).isEqualByComparingTo("12000.50");
        assertThat(reps.get("张三").actual()).isEqualByComparingTo("0");
        Map<String, ForecastRow> teams = byName(forecasts.forecast(f.org.admin.asActor(), Q4, ForecastLevel.TEAM));
        assertThat(teams.get("浙江大区").actual()).isEqualByComparingTo("42000.50");
    }

    @Test
    void runRateProjectsThePastThreePeriodsPerWorkingDay() {
        Map<String, ForecastRow> reps = byName(forecasts.forecast(f.org.admin.asActor(), Q4, ForecastLevel.REP));
        assertThat(reps.get("王一").runRate()).isEqualByComparingTo("30461.54");
        assertThat(reps.get("李二").runRate()).isEqualByComparingTo("0");
        assertThat(ForecastService.runRate(new BigDecimal("100"), 0, 20)).isEqualByComparingTo("0");
    }

    @Test
    void managerSeesOnlyTheirRegionAndARepOnlyTheirOwnRow() {
        assertThat(forecasts.forecast(f.org.zjManager.asActor(), Q4, ForecastLevel.REP))
                .extracting(ForecastRow::subjectName).containsExactlyInAnyOrder("王一", "李二");
        assertThat(forecasts.forecast(f.org.zjManager.asActor(), Q4, ForecastLevel.REGION))
                .extracting(ForecastRow::subjectName).containsExactly("浙江大区");
        assertThat(forecasts.levels(f.org.wang.asActor())).containsExactly(ForecastLevel.REP);
        assertThat(forecasts.forecast(f.org.wang.asActor(), Q4, ForecastLevel.REP))
                .extracting(ForecastRow::subjectName).containsExactly("王一");
        assertThat(forecasts.forecast(f.org.wang.asActor(), Q4, ForecastLevel.REGION)).isEmpty();
    }

    @Test
    void theLatestCommitCountsAndTeamsSumTheirRepsCommits() {
        forecasts.commit(f.org.wang.asActor(), Q4, new BigDecimal("55000"), "两家医院年底采购");
        forecasts.commit(f.org.wang.asActor(), Q4, new BigDecimal("58000"), null);
        forecasts.commit(f.org.li.asActor(), Q4, new BigDecimal("15000"), null);
        Map<String, ForecastRow> reps = byName(forecasts.forecast(f.org.admin.asActor(), Q4, ForecastLevel.REP));
        assertThat(reps.get("王一").commit()).isEqualByComparingTo("58000");
        assertThat(reps.get("张三").commit()).isNull();
        assertThat(reps.get("张三").adjusted()).isEqualByComparingTo("40000");
        Map<String, ForecastRow> regions = byName(forecasts.forecast(f.org.admin.asActor(), Q4, ForecastLevel.REGION));
        assertThat(regions.get("浙江大区").commit()).isEqualByComparingTo("73000");
        assertThat(regions.get("江苏大区").commit()).isNull();
    }

    @Test
    void anAdjustmentKeepsWhoWhenOldNewAndWhy() {
        forecasts.commit(f.org.wang.asActor(), Q4, new BigDecimal("58000"), null);
        f.clock.advance(Duration.ofMinutes(5));
        forecasts.adjust(f.org.zjManager.asActor(), Q4, ForecastLevel.REP, f.org.wang.id(), new BigDecimal("50000"),
                "西湖医院预算推迟到明年");
        f.clock.advance(Duration.ofMinutes(5));
        forecasts.adjust(f.org.admin.asActor(), Q4, ForecastLevel.REP, f.org.wang.id(), new BigDecimal("52000"),
                "总部复核");
        ForecastRow wang = byName(forecasts.forecast(f.org.admin.asActor(), Q4, ForecastLevel.REP)).get("王一");
        assertThat(wang.commit()).isEqualByComparingTo("58000");
        assertThat(wang.adjusted()).isEqualByComparingTo("52000");

        List<ForecastEntry> history = forecasts.history(f.org.zjManager.asActor(), Q4, ForecastLevel.REP, f.org.wang.id());
        assertThat(history).hasSize(3);
        ForecastEntry first = history.get(1);
        assertThat(first.kind()).isEqualTo(ForecastEntry.Kind.ADJUST);
        assertThat(first.oldAmount()).isEqualByComparingTo("58000");
        assertThat(first.amount()).isEqualByComparingTo("50000");
        assertThat(first.note()).isEqualTo("西湖医院预算推迟到明年");
        assertThat(first.byName()).isEqualTo("陈东");
        assertThat(first.at()).isNotNull();
        assertThat(history.get(2).oldAmount()).isEqualByComparingTo("50000");
        // Another region's manager neither sees nor changes it.
        assertThat(forecasts.history(f.org.jsManager.asActor(), Q4, ForecastLevel.REP, f.org.wang.id())).isEmpty();
    }

    @Test
    void adjustmentsAreRefusedWithoutANoteOrOutsideTheManagersOrg() {
        UUID wang = f.org.wang.id();
        assertThatThrownBy(() -> forecasts.adjust(f.org.zjManager.asActor(), Q4, ForecastLevel.REP, wang,
                BigDecimal.TEN, " ")).isInstanceOf(SalesDeskException.class)
                .extracting(e -> ((SalesDeskException) e).messageKey()).isEqualTo("forecast.error.noteRequired");
        assertThatThrownBy(() -> forecasts.adjust(f.org.jsManager.asActor(), Q4, ForecastLevel.REP, wang,
                BigDecimal.TEN, "试试")).extracting(e -> ((SalesDeskException) e).messageKey())
                .isEqualTo("forecast.error.adjustNotAllowed");
        assertThatThrownBy(() -> forecasts.adjust(f.org.li.asActor(), Q4, ForecastLevel.REP, wang,
                BigDecimal.TEN, "试试")).extracting(e -> ((SalesDeskException) e).messageKey())
                .isEqualTo("forecast.error.adjustNotAllowed");
        assertThatThrownBy(() -> forecasts.commit(f.org.wang.asActor(), Q4, new BigDecimal("-1"), null))
                .extracting(e -> ((SalesDeskException) e).messageKey()).isEqualTo("forecast.error.amount");
    }

    @Test
    void aFrozenForecastDoesNotChangeWithLaterCommits() {
        forecasts.commit(f.org.wang.asActor(), Q4, new BigDecimal("58000"), null);
        assertThat(forecasts.freeze(f.org.admin.asActor(), Q4)).isEqualTo(3 + 2 + 2);
        forecasts.commit(f.org.wang.asActor(), Q4, new BigDecimal("70000"), null);
        assertThat(forecasts.freeze(f.org.admin.asActor(), Q4)).isZero();
        var snapshots = db.transactionResult(cfg -> ForecastRepository.using(cfg, f.clock).snapshots(
                f.org.admin.asActor(), ForecastLevel.REP, ForecastPeriod.Kind.QUARTER, List.of(Q4.start())));
        ForecastRow wang = snapshots.stream().map(ForecastRepository.Snapshot::row)
                .filter(r -> r.subjectName().equals("王一")).findFirst().orElseThrow();
        assertThat(wang.commit()).isEqualByComparingTo("58000");
        assertThat(wang.weighted()).isEqualByComparingTo("60000");
        assertThat(wang.runRate()).isEqualByComparingTo("30461.54");
        assertThatThrownBy(() -> forecasts.freeze(f.org.wang.asActor(), Q4))
                .extracting(e -> ((SalesDeskException) e).messageKey()).isEqualTo("forecast.error.freezeNotAllowed");
    }
}
