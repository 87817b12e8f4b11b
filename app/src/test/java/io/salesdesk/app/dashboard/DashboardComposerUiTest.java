package io.salesdesk.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.studio.dashboard.DashboardLayout;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.layout.TilePane;
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

/**
 * 编辑仪表盘 in the real window: a manager takes a tile off the overview and moves another to the front,
 * saves it as their layout, and the overview shows it so, for them and after a restart.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardComposerUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
        System.setProperty("testfx.setup.timeout", "120000");
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir.resolve("db"));
        context = workspace.context();
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @Start
    void start(Stage stage) {
        MainWindow window = new MainWindow(context, workspace.appearance());
        stage.setScene(window.createScene());
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTileTakenOffAndOneMovedUpAreSavedAsTheUsersLayout(FxRobot robot) {
        robot.clickOn("#nav-DASHBOARD");
        WaitForAsyncUtils.waitForFxEvents();
        TilePane tiles = robot.lookup("#kpiTiles").queryAs(TilePane.class);
        assertThat(tiles.getChildren()).extracting(Node::getId).contains("tilePAPERWORK_SHARE");

        robot.clickOn("#dashboardCompose");
        ListView<String> shown = robot.lookup("#composerShown").queryAs(ListView.class);
        robot.interact(() -> shown.getSelectionModel().select("kpi.PAPERWORK_SHARE"));
        robot.clickOn("#composerRemove");
        robot.interact(() -> shown.getSelectionModel().select("kpi.CAC"));
        for (int i = 0; i < 7; i++) {
            robot.clickOn("#composerUp");
        }
        assertThat(robot.lookup("#composerAvailable").queryAs(ListView.class).getItems())
                .containsExactly("kpi.PAPERWORK_SHARE");
        robot.clickOn("#composerSaveOwn");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(tiles.getChildren()).extracting(Node::getId).doesNotContain("tilePAPERWORK_SHARE")
                .startsWith("tileCAC");
        DashboardLayout saved = context.dashboardLayouts().layoutFor(context.currentUser().asActor(),
                DashboardWidgets.builtIn(), DashboardWidgets.builtInOnly().known());
        assertThat(saved.source()).isEqualTo(DashboardLayout.Source.OWN);
        assertThat(saved.widgets()).startsWith("kpi.CAC").doesNotContain("kpi.PAPERWORK_SHARE")
                .contains("chart.signed", "chart.response", "chart.conversion");
    }
}
