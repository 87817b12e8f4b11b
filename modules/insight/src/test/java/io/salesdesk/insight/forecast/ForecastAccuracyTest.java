package io.salesdesk.insight.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forecast of 2026 Q3 is frozen on 1 July, the quarter closes, and its accuracy is measured on
 * 26 November against the contracts signed in it.
 *
 * <p>Frozen: 王一 weighted 100,000 × 50 % = 50,000, commit 45,000, adjusted by 陈东 to 42,000; 李二
 * nothing (weighted 0, adjusted 0); 张三 weighted 20,000 × 50 % = 10,000. Run-rate 0 for all (nothing
 * signed in the three quarters before). Signed in Q3: 王一 40,000, 李二 5,000, 张三 none.
 */
class ForecastAccuracyTest {

    @TempDir
    Path dir;
    Database db;
    ForecastFixture f;
    ForecastService forecasts;
    ForecastPeriod q3 = ForecastPeriod.containing(ForecastPeriod.Kind.QUARTER, LocalDate.of(2026, 7, 1));

    @BeforeEach
    void setUp() {
        db = TestDatabases.hsqldb(dir);
        f = new ForecastFixture(db, Instant.parse("2026-07-01T02:00:00Z"));
        forecasts = new ForecastService(db, f.clock);
        f.deal(f.org.wang, f.wangCustomer, "QUOTE", "100000", 50, LocalDate.of(2026, 8, 15));
        f.deal(f.org.zhang, f.zhangCustomer, "QUOTE", "20000", 50, LocalDate.of(2026, 9, 1));
        forecasts.commit(f.org.wang.asActor(), q3, new BigDecimal("45000"), null);
        forecasts.adjust(f.org.zjManager.asActor(), q3, ForecastLevel.REP, f.org.wang.id(), new BigDecimal("42000"),
                "招标延期一个月");
        forecasts.freeze(f.org.admin.asActor(), q3);
        f.clock.advance(Duration.between(Instant.parse("2026-07-01T02:00:00Z"), ForecastFixture.NOW));
        f.contract(f.org.wang, f.wangCustomer, "40000", "SIGNED", LocalDate.of(2026, 8, 10), false);
        f.contract(f.org.li, f.liCustomer, "5000", "CLOSED", LocalDate.of(2026, 9, 10), false);
        // Signed after the quarter: not an actual of Q3.
        f.contract(f.org.zhang, f.zhangCustomer, "8000", "SIGNED", LocalDate.of(2026, 10, 1), false);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private AccuracyFigure figure(ForecastService.AccuracyReport report, ForecastLevel level, ForecastMethod method) {
        return report.figures().stream().filter(a -> a.level() == level && a.method() == method).findFirst()
                .orElseThrow();
    }

    @Test
    void mapeAndBiasPerMethodAtRepLevel() {
        var report = forecasts.accuracy(f.org.admin.asActor(), ForecastPeriod.Kind.QUARTER, 1);
        assertThat(report.periods()).containsExactly(q3);
        // (|40-50|/40 + |5-0|/5) / 2; (10 - 5 + 10) / 45
        AccuracyFigure weighted = figure(report, ForecastLevel.REP, ForecastMethod.WEIGHTED);
        assertThat(weighted.mape()).isEqualByComparingTo("0.6250");
        assertThat(weighted.bias()).isEqualByComparingTo("0.3333");
        assertThat(weighted.zeroActualCells()).isEqualTo(1);
        // only 王一 committed: |40-45|/40; 5/40
        AccuracyFigure commit = figure(report, ForecastLevel.REP, ForecastMethod.COMMIT);
        assertThat(commit.mape()).isEqualByComparingTo("0.1250");
        assertThat(commit.bias()).isEqualByComparingTo("0.1250");
        assertThat(commit.missingForecastCells()).isEqualTo(2);
        // (|40-42|/40 + 1) / 2; (2 - 5 + 10) / 45
        AccuracyFigure adjusted = figure(report, ForecastLevel.REP, ForecastMethod.ADJUSTED);
        assertThat(adjusted.mape()).isEqualByComparingTo("0.5250");
        assertThat(adjusted.bias()).isEqualByComparingTo("0.1556");
        AccuracyFigure runRate = figure(report, ForecastLevel.REP, ForecastMethod.RUN_RATE);
        assertThat(runRate.mape()).isEqualByComparingTo("1");
        assertThat(runRate.bias()).isEqualByComparingTo("-1");
    }

    @Test
    void regionLevelComparesRegionTotals() {
        var report = forecasts.accuracy(f.org.admin.asActor(), ForecastPeriod.Kind.QUARTER, 1);
        // 浙江 50,000 against 45,000; 江苏 10,000 against nothing (out of MAPE, in bias)
        AccuracyFigure weighted = figure(report, ForecastLevel.REGION, ForecastMethod.WEIGHTED);
        assertThat(weighted.mape()).isEqualByComparingTo("0.1111");
        assertThat(weighted.bias()).isEqualByComparingTo("0.3333");
        // 浙江's commit is its reps' 45,000: |45-45|/45
        assertThat(figure(report, ForecastLevel.REGION, ForecastMethod.COMMIT).mape()).isEqualByComparingTo("0");
    }

    @Test
    void aRepSeesOnlyTheAccuracyOfTheirOwnForecast() {
        var report = forecasts.accuracy(f.org.wang.asActor(), ForecastPeriod.Kind.QUARTER, 1);
        assertThat(report.figures()).allMatch(a -> a.level() == ForecastLevel.REP);
        assertThat(figure(report, ForecastLevel.REP, ForecastMethod.WEIGHTED).mape()).isEqualByComparingTo("0.25");
    }

    @Test
    void periodsWithoutASnapshotSayWhy() {
        var report = forecasts.accuracy(f.org.admin.asActor(), ForecastPeriod.Kind.MONTH, 2);
        assertThat(report.figures()).allSatisfy(a -> {
            assertThat(a.mape()).isNull();
            assertThat(a.noDataReason()).isEqualTo("forecast.noData.noSnapshots");
        });
    }
}
