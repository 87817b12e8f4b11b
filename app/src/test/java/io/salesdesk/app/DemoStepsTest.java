package io.salesdesk.app;

import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.LEAD;
import static io.salesdesk.db.jooq.Tables.REP_TERRITORY;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.db.WorkspaceSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo workspace survives a first start closed half-way, and real workspaces are left alone. */
class DemoStepsTest {

    @TempDir
    Path dir;

    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    @Test
    void aDemoInterruptedAfterTheCustomersGetsItsBoardsAndLeadsOnTheNextStart() {
        try (Database db = TestDatabases.hsqldb(dir)) {
            // The first start made the customers, then the window was closed.
            new DemoWorkspace(db, clock).create(7, 200);
            db.transaction(cfg -> WorkspaceSettings.using(cfg).put(DemoSteps.DONE_KEY, "customers"));

            new DemoSteps(db, clock, 7, 200).createOrResume();

            assertThat(count(db, LEAD)).isPositive();
            assertThat(count(db, REP_TERRITORY)).isPositive();
            assertThat(count(db, CUSTOMER)).as("the customers are not made twice").isEqualTo(200);
            assertThat(count(db, io.salesdesk.db.jooq.Tables.APPROVAL_FLOW)).as("the seed contract and quote discount flows")
                    .isEqualTo(2);
            java.util.Optional<String> done = db.transactionResult(
                    cfg -> WorkspaceSettings.using(cfg).get(DemoSteps.DONE_KEY));
            assertThat(done).hasValue("customers,boards,leads,calendar,catalogue,finance,approvals,territories,places,kpi,funnels,forecasts,reports,onboarding,keyAccounts");
            assertThat(count(db, io.salesdesk.db.jooq.Tables.ONBOARDING_ASSIGNMENT)).as("the demo's new hire").isEqualTo(1);
            assertThat(count(db, io.salesdesk.db.jooq.Tables.BOARD)).as("the key-account board beside the default boards")
                    .isEqualTo(5);
        }
    }

    @Test
    void aStepCutOffHalfWayIsNotMadeTwiceAndTheStepsAfterItStillRun() {
        try (Database db = TestDatabases.hsqldb(dir)) {
            new DemoWorkspace(db, clock).create(7, 200);
            new io.salesdesk.board.demo.DemoBoards(db, clock).create(7);
            // The window closed while the boards step was being made.
            db.transaction(cfg -> {
                WorkspaceSettings.using(cfg).put(DemoSteps.DONE_KEY, "customers");
                WorkspaceSettings.using(cfg).put(DemoSteps.RUNNING_KEY, "boards");
            });
            int tasks = count(db, io.salesdesk.db.jooq.Tables.TASK);

            new DemoSteps(db, clock, 7, 200).createOrResume();

            // The onboarding step's tasks (one per step of the new hire's path) come on top.
            assertThat(count(db, io.salesdesk.db.jooq.Tables.TASK) - count(db, io.salesdesk.db.jooq.Tables.ONBOARDING_STEP))
                    .as("no second set of demo tasks").isEqualTo(tasks);
            assertThat(count(db, LEAD)).isPositive();
        }
    }

    @Test
    void aWorkspaceWithDataButNoDemoNoteGetsNoDemoData() {
        try (Database db = TestDatabases.hsqldb(dir)) {
            new DemoWorkspace(db, clock).create(7, 50);

            new DemoSteps(db, clock, 7, 50).createOrResume();

            assertThat(count(db, LEAD)).isZero();
        }
    }

    private static int count(Database db, org.jooq.Table<?> table) {
        return db.transactionResult(cfg -> DSL.using(cfg).fetchCount(table));
    }
}
