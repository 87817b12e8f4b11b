package io.salesdesk.studio.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dashboard layouts on a real database: a user's own, the team's default, the built-in one. */
class DashboardLayoutServiceTest {

    static final List<String> BUILT_IN = List.of("kpi.SIGNED_AMOUNT", "kpi.CAC", "chart.signed");
    static final Set<String> KNOWN = Set.of("kpi.SIGNED_AMOUNT", "kpi.CAC", "kpi.LEAD_CONVERSION", "chart.signed");

    @TempDir
    Path dir;

    Database db;
    SalesOrgFixture f;
    DashboardLayoutService layouts;
    final TestClock clock = new TestClock(Instant.parse("2026-11-26T01:30:00Z"));

    @BeforeEach
    void setUp() {
        db = open(dir);
        f = new SalesOrgFixture(db, clock);
        layouts = new DashboardLayoutService(db, clock);
    }

    Database open(Path where) {
        return TestDatabases.hsqldb(where);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void everyoneSeesTheBuiltInLayoutUntilTheTeamOrTheyArrangeTheirOwn() {
        assertThat(layouts.layoutFor(f.wang.asActor(), BUILT_IN, KNOWN))
                .isEqualTo(new DashboardLayout(BUILT_IN, DashboardLayout.Source.BUILT_IN));

        layouts.saveTeamDefault(f.zjManager.asActor(), List.of("kpi.LEAD_CONVERSION", "kpi.SIGNED_AMOUNT"));
        layouts.saveOwn(f.li.asActor(), List.of("chart.signed", "kpi.CAC", "chart.signed"));

        assertThat(layouts.layoutFor(f.wang.asActor(), BUILT_IN, KNOWN))
                .isEqualTo(new DashboardLayout(List.of("kpi.LEAD_CONVERSION", "kpi.SIGNED_AMOUNT"),
                        DashboardLayout.Source.TEAM));
        assertThat(layouts.layoutFor(f.li.asActor(), BUILT_IN, KNOWN))
                .isEqualTo(new DashboardLayout(List.of("chart.signed", "kpi.CAC"), DashboardLayout.Source.OWN));

        layouts.resetOwn(f.li.asActor());
        assertThat(layouts.layoutFor(f.li.asActor(), BUILT_IN, KNOWN).source()).isEqualTo(DashboardLayout.Source.TEAM);
    }

    @Test
    void aSecondSaveReplacesTheFirstAndWidgetsTheAppNoLongerHasAreDropped() {
        layouts.saveOwn(f.wang.asActor(), List.of("kpi.CAC"));
        layouts.saveOwn(f.wang.asActor(), List.of("kpi.OLD_TILE", "kpi.SIGNED_AMOUNT"));

        assertThat(layouts.layoutFor(f.wang.asActor(), BUILT_IN, KNOWN).widgets()).containsExactly("kpi.SIGNED_AMOUNT");
    }

    @Test
    void onlyAManagerSetsTheTeamDefaultAndAnEmptyLayoutIsRefused() {
        assertThatThrownBy(() -> layouts.saveTeamDefault(f.wang.asActor(), List.of("kpi.CAC")))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("studio.notAllowed"));
        assertThatThrownBy(() -> layouts.saveOwn(f.wang.asActor(), List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.messageKey()).containsExactly("studio.dashboard.widgets"));
    }
}
