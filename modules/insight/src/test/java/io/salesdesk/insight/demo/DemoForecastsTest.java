package io.salesdesk.insight.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.commerce.demo.DemoCatalogue;
import io.salesdesk.commerce.demo.DemoFinance;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.insight.forecast.ForecastLevel;
import io.salesdesk.insight.forecast.ForecastMethod;
import io.salesdesk.insight.forecast.ForecastPeriod;
import io.salesdesk.insight.forecast.ForecastService;
import io.salesdesk.insight.forecast.ProcurementService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoForecastsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T01:30:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;

    @Test
    void theDemoShowsTheAccuracyOfThreeClosedQuartersAndThisQuartersCommits() {
        try (Database db = TestDatabases.hsqldb(dir)) {
            new DemoWorkspace(db, CLOCK).create(42, 300);
            new DemoCatalogue(db, CLOCK).create(42);
            new DemoFinance(db, CLOCK, dir.resolve("attachments")).create(42);
            DemoForecasts.Summary summary = new DemoForecasts(db, CLOCK, dir.resolve("attachments")).create(42);
            assertThat(summary.contracts()).isGreaterThan(20);
            assertThat(summary.commits()).isEqualTo(12);
            assertThat(summary.adjustments()).isEqualTo(2);

            var gm = new UserService(db, CLOCK).defaultUser("gm").orElseThrow().asActor();
            ForecastService forecasts = new ForecastService(db, CLOCK);
            var report = forecasts.accuracy(gm, ForecastPeriod.Kind.QUARTER, 3);
            assertThat(report.periods()).hasSize(3);
            assertThat(report.figures()).filteredOn(f -> f.method() != ForecastMethod.RUN_RATE)
                    .allSatisfy(f -> assertThat(f.mape()).isNotNull());
            var adjusted = report.figures().stream()
                    .filter(f -> f.level() == ForecastLevel.REP && f.method() == ForecastMethod.ADJUSTED).findFirst()
                    .orElseThrow();
            assertThat(adjusted.mape()).isLessThan(report.figures().stream()
                    .filter(f -> f.level() == ForecastLevel.REP && f.method() == ForecastMethod.WEIGHTED).findFirst()
                    .orElseThrow().mape());
            ForecastPeriod q4 = ForecastPeriod.containing(ForecastPeriod.Kind.QUARTER, forecasts.today());
            assertThat(forecasts.forecast(gm, q4, ForecastLevel.REP)).allSatisfy(r -> assertThat(r.commit()).isNotNull());
            assertThat(forecasts.isFrozen(q4)).isTrue();
            assertThat(new ProcurementService(db, CLOCK).lines(gm, q4)).isNotEmpty();
            var shanghai = new UserService(db, CLOCK).defaultUser("manager.sh").orElseThrow().asActor();
            assertThat(new ProcurementService(db, CLOCK).lines(shanghai, q4)).isNotEmpty();
        }
    }
}
