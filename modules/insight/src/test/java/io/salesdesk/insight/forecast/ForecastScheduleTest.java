package io.salesdesk.insight.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forecast freezes itself when its period begins, so accuracy is measured without anyone
 * pressing 冻结: the fixture of {@link ForecastAccuracyTest} (Q3 2026, 王一 commits 45,000, his
 * manager adjusts to 42,000), frozen by the timers' {@link ForecastService#freezeDue()} instead.
 */
class ForecastScheduleTest {

    private static final Instant JULY_FIRST = Instant.parse("2026-07-01T02:00:00Z");

    @TempDir
    Path dir;
    Database db;
    ForecastFixture f;
    ForecastService forecasts;
    ForecastPeriod q3 = ForecastPeriod.containing(ForecastPeriod.Kind.QUARTER, LocalDate.of(2026, 7, 1));

    @BeforeEach
    void setUp() {
        db = TestDatabases.hsqldb(dir);
        f = new ForecastFixture(db, JULY_FIRST);
        forecasts = new ForecastService(db, f.clock);
        f.deal(f.org.wang, f.wangCustomer, "QUOTE", "100000", 50, LocalDate.of(2026, 8, 15));
        f.deal(f.org.zhang, f.zhangCustomer, "QUOTE", "20000", 50, LocalDate.of(2026, 9, 1));
        forecasts.commit(f.org.wang.asActor(), q3, new BigDecimal("45000"), null);
        forecasts.adjust(f.org.zjManager.asActor(), q3, ForecastLevel.REP, f.org.wang.id(), new BigDecimal("42000"),
                "招标延期一个月");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void theFirstRunOfAPeriodFreezesItsQuarterAndMonthOnce() {
        assertThat(forecasts.isFrozen(q3)).isFalse();
        assertThat(forecasts.freezeDue()).isPositive();
        assertThat(forecasts.isFrozen(q3)).isTrue();
        assertThat(forecasts.isFrozen(ForecastPeriod.containing(ForecastPeriod.Kind.MONTH, LocalDate.of(2026, 7, 1))))
                .isTrue();
        // Every later run of the period leaves the frozen figures alone, whatever changes.
        forecasts.commit(f.org.wang.asActor(), q3, new BigDecimal("90000"), null);
        assertThat(forecasts.freezeDue()).isZero();
        f.clock.advance(Duration.ofDays(10));
        assertThat(forecasts.freezeDue()).isZero();
        ForecastRow wang = snapshot(q3, "王一");
        assertThat(wang.commit()).isEqualByComparingTo("45000");
        assertThat(wang.adjusted()).isEqualByComparingTo("42000");
    }

    @Test
    void accuracyIsMeasuredFromTheScheduledSnapshotOnceThePeriodCloses() {
        forecasts.freezeDue();
        f.clock.advance(Duration.between(JULY_FIRST, ForecastFixture.NOW));
        f.contract(f.org.wang, f.wangCustomer, "40000", "SIGNED", LocalDate.of(2026, 8, 10), false);
        f.contract(f.org.li, f.liCustomer, "5000", "CLOSED", LocalDate.of(2026, 9, 10), false);

        var report = forecasts.accuracy(f.org.admin.asActor(), ForecastPeriod.Kind.QUARTER, 1);
        AccuracyFigure weighted = report.figures().stream()
                .filter(a -> a.level() == ForecastLevel.REP && a.method() == ForecastMethod.WEIGHTED)
                .findFirst().orElseThrow();
        // As in ForecastAccuracyTest: (|40-50|/40 + |5-0|/5) / 2
        assertThat(weighted.mape()).isEqualByComparingTo("0.6250");
    }

    @Test
    void aClientClosedWhenThePeriodBeganCatchesUpButLeavesPeriodsThatAlreadyEnded() {
        // Nobody ran SalesDesk from 1 July until 3 October.
        f.clock.advance(Duration.between(JULY_FIRST, Instant.parse("2026-10-03T01:00:00Z")));
        assertThat(forecasts.freezeDue()).isPositive();
        assertThat(forecasts.isFrozen(ForecastPeriod.containing(ForecastPeriod.Kind.QUARTER, LocalDate.of(2026, 10, 3))))
                .isTrue();
        assertThat(forecasts.isFrozen(ForecastPeriod.containing(ForecastPeriod.Kind.MONTH, LocalDate.of(2026, 10, 3))))
                .isTrue();
        // Frozen now, Q3 would be judged against results it had already seen.
        assertThat(forecasts.isFrozen(q3)).isFalse();
        assertThat(forecasts.isFrozen(ForecastPeriod.containing(ForecastPeriod.Kind.MONTH, LocalDate.of(2026, 9, 1))))
                .isFalse();
    }

    private ForecastRow snapshot(ForecastPeriod period, String rep) {
        return db.transactionResult(cfg -> ForecastRepository.using(cfg, f.clock).snapshots(f.org.admin.asActor(),
                        ForecastLevel.REP, period.kind(), List.of(period.start()))).stream()
                .map(ForecastRepository.Snapshot::row).filter(r -> r.subjectName().equals(rep)).findFirst()
                .orElseThrow();
    }
}
