package io.salesdesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.instance.WindowOwnership;
import io.salesdesk.app.instance.WindowRequest;
import io.salesdesk.app.instance.WindowRequests;
import io.salesdesk.studio.template.Template;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * SalesDesk is open, minimised; the manager double-clicks a template file a colleague sent. The second
 * start hands the file over through the workspace's socket, and the open window comes back and shows
 * the template's install plan: no second window, no "workspace in use" message.
 */
@ExtendWith(ApplicationExtension.class)
class WindowHandoffUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    Stage stage;
    WindowOwnership running;

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
        MainWindow window = new MainWindow(workspace.appearance());
        stage.setScene(window.createScene());
        stage.show();
        window.attach(workspace.context());
        // As SalesDeskApplication does for the app's window, with requests of this test's own.
        WindowRequests requests = new WindowRequests();
        SalesDeskApplication.receiveRequests(requests, stage, window);
        running = WindowOwnership.claim(dir.resolve("data"), WindowRequest.show(), requests::send, PATIENCE);
    }

    @AfterEach
    void stopListening() {
        running.close();
    }

    @Test
    void aTemplateFileOpenedWhileSalesDeskRunsShowsItsPlanInTheOpenWindow(FxRobot robot) throws Exception {
        Path file = dir.resolve("大客户 攻坚.sdtemplate");
        try (InputStream in = Template.class.getResourceAsStream("builtin/key-account.json")) {
            Files.write(file, in.readAllBytes());
        }
        robot.interact(() -> stage.setIconified(true));
        int windowsBefore = Window.getWindows().size();

        WindowOwnership second = WindowOwnership.claim(dir.resolve("data"), WindowRequest.open(file), r -> { }, PATIENCE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(second.handedOff()).isTrue();
        assertThat(stage.isIconified()).isFalse();
        DialogPane plan = robot.lookup("#templatePlanDialog").queryAs(DialogPane.class);
        assertThat(plan.getHeaderText()).isEqualTo("安装“大客户专项攻坚”（v2）将做以下改动");
        // The plan's dialog is the only window added: the main window was not opened twice.
        assertThat(Window.getWindows()).hasSize(windowsBefore + 1);
        robot.clickOn(plan.lookupButton(ButtonType.CANCEL));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workspace.context().templates().installed()).isEmpty();
    }

    @Test
    void startingSalesDeskAgainBringsTheOpenWindowBack(FxRobot robot) {
        robot.interact(() -> stage.setIconified(true));

        WindowOwnership second = WindowOwnership.claim(dir.resolve("data"), WindowRequest.show(), r -> { }, PATIENCE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(second.handedOff()).isTrue();
        assertThat(stage.isIconified()).isFalse();
        assertThat(robot.lookup("#templatePlanDialog").tryQuery()).isEmpty();
    }
}
