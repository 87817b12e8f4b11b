package io.salesdesk.app.firstrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.customers.CustomersPage;
import io.salesdesk.app.myday.MyDayPage;
import io.salesdesk.app.shell.MainWindow;

/** The tour walks the main pages with 下一步, can be skipped, and is remembered as seen either way. */
@ExtendWith(ApplicationExtension.class)
class TourUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    MainWindow window;
    Stage stage;
    final TourMemory memory = new TourMemory(Preferences.userRoot().node("io/salesdesk/test/" + UUID.randomUUID()));

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(workspace.context(), workspace.appearance());
        stage.setScene(window.createScene());
        stage.show();
    }

    private Tour startTour(FxRobot robot) {
        UUID user = workspace.context().currentUser().id();
        Tour[] tour = new Tour[1];
        robot.interact(() -> {
            tour[0] = new Tour(stage.getScene(), window::show, () -> memory.markSeen(user));
            tour[0].start();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return tour[0];
    }

    private static String title(FxRobot robot) {
        return robot.lookup("#tourTitle").queryAs(Label.class).getText();
    }

    @Test
    void nextWalksThroughThePagesAndTheLastStepEndsTheTour(FxRobot robot) {
        UUID user = workspace.context().currentUser().id();
        Tour tour = startTour(robot);
        assertThat(title(robot)).isEqualTo("欢迎使用 SalesDesk 销售台");

        robot.clickOn("#tourNext");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(title(robot)).isEqualTo("我的今天");
        assertThat(robot.lookup(n -> n instanceof MyDayPage).tryQuery()).isPresent();

        robot.clickOn("#tourNext");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(title(robot)).isEqualTo("客户");
        assertThat(robot.lookup(n -> n instanceof CustomersPage).tryQuery()).isPresent();
        assertThat(memory.seen(user)).isFalse();

        for (int i = 2; i < Tour.STEPS.size(); i++) {
            robot.clickOn("#tourNext");
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(tour.step()).isEqualTo(-1);
        assertThat(robot.lookup("#" + Tour.CALLOUT_ID).tryQuery()).isEmpty();
        assertThat(memory.seen(user)).isTrue();
    }

    @Test
    void skipEndsTheTourAtOnceAndItIsRememberedAsSeen(FxRobot robot) {
        UUID user = workspace.context().currentUser().id();
        Tour tour = startTour(robot);
        robot.clickOn("#tourNext");
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#tourSkip");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(tour.step()).isEqualTo(-1);
        assertThat(robot.lookup("#" + Tour.CALLOUT_ID).tryQuery()).isEmpty();
        assertThat(memory.seen(user)).isTrue();
        // The window is usable again: the navigation answers clicks.
        robot.clickOn("#nav-CUSTOMERS");
        assertThat(robot.lookup(n -> n instanceof CustomersPage).tryQuery()).isPresent();
    }
}
