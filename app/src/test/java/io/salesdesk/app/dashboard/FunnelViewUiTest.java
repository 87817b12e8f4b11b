package io.salesdesk.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.insight.demo.DemoFunnels;
import io.salesdesk.insight.funnel.Funnel;
import io.salesdesk.insight.funnel.Measure;
import io.salesdesk.insight.funnel.MissedNode;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
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
 * The funnel view on the demo workspace as its regional manager sees it: the demo funnel's four
 * nodes in the chart, reps' conversion, the deals that missed a node with the data, and a threshold
 * changed in the node editor.
 */
@ExtendWith(ApplicationExtension.class)
class FunnelViewUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    FunnelView view;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
        context = workspace.context();
        new DemoFunnels(context.database(), context.clock()).create(42);
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @Start
    void start(Stage stage) {
        view = new FunnelView(context, new EventBus());
        BorderPane root = new BorderPane(view);
        Scene scene = new Scene(root, 1400, 900);
        Stylesheets.addTo(root);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsTheDemoFunnelsNodesRepsAndMissedDealsWithTheirData(FxRobot robot) {
        BarChart<String, Number> chart = robot.lookup("#funnelChart").queryAs(BarChart.class);
        assertThat(chart.getData()).hasSize(1);
        assertThat(chart.getData().get(0).getData()).hasSize(4)
                .first().satisfies(d -> assertThat(d.getXValue()).startsWith("1. 演示前发送资料"));
        assertThat(robot.lookup("#funnelNoData").queryLabeled().isVisible()).isFalse();
        TableView<FunnelView.RepRow> reps = robot.lookup("#funnelReps").queryTableView();
        assertThat(reps.getItems()).isNotEmpty();
        TableView<MissedNode> missed = robot.lookup("#funnelMissed").queryTableView();
        assertThat(missed.getItems()).isNotEmpty().allSatisfy(m -> assertThat(m.promptedAt()).isNotNull());
        // Every missed deal is one the manager sees, with the data in words.
        assertThat(robot.lookup("#funnelMissed").lookup(".table-cell").queryAll()).isNotEmpty();

        robot.clickOn("#funnelEvaluate");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.shown().nodes()).hasSize(4);
    }

    @Test
    void aManagerChangesAThresholdInTheNodeEditor(FxRobot robot) {
        robot.clickOn("#funnelEdit");
        WaitForAsyncUtils.waitForFxEvents();
        TextField threshold = robot.lookup("#nodeThreshold4").queryAs(TextField.class);
        assertThat(threshold.getText()).isEqualTo("30");
        robot.interact(threshold::clear);
        robot.clickOn(threshold).write("20");
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        robot.clickOn(pane.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();

        Funnel saved = context.funnels().funnels().get(0);
        assertThat(saved.nodes().get(3).measure()).isEqualTo(new Measure.StageWithin("QUOTE", 20));
        assertThat(saved.nodes()).hasSize(4);
    }
}
