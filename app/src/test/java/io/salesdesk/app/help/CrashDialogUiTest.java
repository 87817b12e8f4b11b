package io.salesdesk.app.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.salesdesk.app.UiRobots;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.common.I18n;

/** An exception thrown in an event handler shows the crash dialog once, and the app goes on. */
@ExtendWith(ApplicationExtension.class)
class CrashDialogUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    private Thread.UncaughtExceptionHandler before;

    @Start
    void start(Stage stage) {
        I18n.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        Button fail = new Button("fail");
        fail.setId("fail");
        fail.setOnAction(e -> {
            throw new IllegalStateException("boom in a handler");
        });
        stage.setScene(new Scene(new StackPane(fail), 400, 300));
        stage.show();
    }

    @BeforeEach
    void install() {
        before = Thread.getDefaultUncaughtExceptionHandler();
        CrashHandler.install();
    }

    @AfterEach
    void uninstall() {
        Thread.setDefaultUncaughtExceptionHandler(before);
    }

    @Test
    void exceptionOnTheFxThreadShowsTheCrashDialogWithTheLogFolderOnce(FxRobot robot) throws Exception {
        robot.clickOn("#fail");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#" + CrashDialog.ID).tryQuery().isPresent());

        DialogPane dialog = robot.lookup("#" + CrashDialog.ID).queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("出了点问题");
        assertThat(robot.from(dialog).lookup((Label l) -> l.getText().contains("boom in a handler")).tryQuery())
                .isPresent();
        assertThat(robot.from(dialog).lookup((Label l) -> l.getText().contains(LogFiles.folder().toString()))
                .tryQuery()).isPresent();
        assertThat(robot.lookup("#crashOpenLogs").tryQuery()).isPresent();
        UiRobots.screenshot(robot, "#" + CrashDialog.ID, "crash-dialog.png");

        robot.clickOn("#crashCopy");
        assertThat(robot.lookup("#" + CrashDialog.ID).tryQuery()).as("copying keeps the dialog open").isPresent();
        String copied = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())
                .get(5, TimeUnit.SECONDS);
        assertThat(copied).contains("IllegalStateException: boom in a handler").contains("SalesDesk");

        robot.clickOn("关闭");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#" + CrashDialog.ID).tryQuery()).isEmpty();

        // The app still runs, and the same failure again is logged without another dialog.
        robot.clickOn("#fail");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#" + CrashDialog.ID).tryQuery()).isEmpty();
    }
}
