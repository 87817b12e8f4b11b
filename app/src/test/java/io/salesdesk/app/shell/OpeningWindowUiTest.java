package io.salesdesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.ToggleButton;
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
import io.salesdesk.app.ledgers.LedgersPage;

/** The window is there before the workspace opens, and a page chosen meanwhile is the one shown. */
@ExtendWith(ApplicationExtension.class)
class OpeningWindowUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    MainWindow window;

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
        window = new MainWindow(workspace.appearance());
        stage.setScene(window.createScene());
        stage.show();
    }

    @Test
    void windowSaysTheWorkspaceIsOpeningThenShowsThePageChosenMeanwhile(FxRobot robot) {
        assertThat(robot.lookup("#openingPane").tryQuery()).isPresent();
        assertThat(window.attached()).isFalse();

        robot.clickOn("#nav-LEDGERS");
        robot.interact(() -> window.attach(workspace.context()));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#openingPane").tryQuery()).isEmpty();
        assertThat(robot.lookup(node -> node instanceof LedgersPage).tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-LEDGERS").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#statusSchema").tryQuery()).isPresent();
    }
}
