package io.salesdesk.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import io.salesdesk.app.UiRobots;
import io.salesdesk.app.MainWindowFixture;
import io.salesdesk.app.UiTestWorkspace;

/**
 * Two administrators with the pool settings open: the one who saves second is told what the other
 * set, nothing of theirs is written, and the page shows the values as they are now.
 */
@ExtendWith(ApplicationExtension.class)
class PoolLimitsStaleUiTest {

    @RegisterExtension
    static final MainWindowFixture app = UiTestWorkspace.withMainWindow().signedInAs("admin");

    @Test
    void aLimitSavedOverAColleaguesChangeIsRefusedAndThePageShowsTheirs(FxRobot robot) throws Exception {
        robot.clickOn("#nav-SETTINGS");
        UiRobots.reveal(robot, "#savePoolLimits");
        WaitForAsyncUtils.waitForFxEvents();
        int read = app.context().pool().dailyClaimLimit();
        // The colleague saves while this page is open.
        app.context().pool().setDailyClaimLimit(app.context().currentUser().asActor(), read, 9);

        TextField limit = robot.lookup("#dailyClaimLimit .text-field").queryAs(TextField.class);
        robot.interact(limit::clear);
        robot.clickOn(limit).write("3");
        robot.clickOn("#savePoolLimits");
        Label status = robot.lookup("#poolLimitsStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().contains("9"));

        assertThat(app.context().pool().dailyClaimLimit()).isEqualTo(9);
        assertThat(status.getText()).contains("每日领取上限", "9");
        @SuppressWarnings("unchecked")
        Spinner<Integer> spinner = robot.lookup("#dailyClaimLimit").queryAs(Spinner.class);
        assertThat(spinner.getValue()).as("the page shows the colleague's limit, not the stale one").isEqualTo(9);

        // Saved again on what the page shows now, the change goes through.
        TextField reloaded = robot.lookup("#dailyClaimLimit .text-field").queryAs(TextField.class);
        robot.interact(reloaded::clear);
        robot.clickOn(reloaded).write("3");
        robot.clickOn("#savePoolLimits");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.context().pool().dailyClaimLimit() == 3);
    }
}
