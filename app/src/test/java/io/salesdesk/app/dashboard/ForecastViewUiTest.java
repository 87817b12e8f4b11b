package io.salesdesk.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
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

import atlantafx.base.theme.PrimerLight;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiRobots;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.I18n;
import io.salesdesk.commerce.demo.DemoCatalogue;
import io.salesdesk.commerce.demo.DemoFinance;
import io.salesdesk.insight.demo.DemoForecasts;
import io.salesdesk.insight.forecast.AccuracyFigure;
import io.salesdesk.insight.forecast.ForecastEntry;
import io.salesdesk.insight.forecast.ForecastRow;
import io.salesdesk.insight.forecast.ProcurementLine;

/**
 * 销售预测 as the Shanghai regional manager uses it on the demo workspace: the quarter's table per
 * rep, an adjustment refused without a note and kept with one (shown in the history), the accuracy
 * of the three closed quarters as a chart exported as PNG and .xlsx, and the procurement table.
 */
@ExtendWith(ApplicationExtension.class)
class ForecastViewUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    ForecastView view;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir.resolve("ws"));
        context = workspace.context();
        var db = context.database();
        new DemoCatalogue(db, UiTestWorkspace.CLOCK).create(42);
        new DemoFinance(db, UiTestWorkspace.CLOCK, AppContext.attachmentsRoot(db)).create(42);
        new DemoForecasts(db, UiTestWorkspace.CLOCK, AppContext.attachmentsRoot(db)).create(42);
        context.setCurrentUser(context.users().byUsername("manager.sh").orElseThrow());
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @Start
    void start(Stage stage) {
        I18n.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        javafx.application.Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = new ForecastView(context, new EventBus());
        stage.setScene(new Scene(view, 1300, 800));
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aManagerAdjustsARepsForecastWithANoteAndSeesItInTheHistory(FxRobot robot) {
        TableView<ForecastRow> table = robot.lookup("#forecastTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(4).allSatisfy(r -> assertThat(r.commit()).isNotNull());
        UiRobots.screenshot(robot, "#forecastView", "forecast-table.png");
        ForecastRow first = table.getItems().get(0);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#forecastAmount").write("48万");
        robot.clickOn("#forecastAdjust");
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup("#forecastMessage").queryAs(Label.class);
        assertThat(message.getText()).contains("原因");

        robot.clickOn("#forecastNote").write("医院预算延后");
        robot.clickOn("#forecastAdjust");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message.getText()).contains(first.subjectName());
        ForecastRow now = table.getItems().stream().filter(r -> r.subjectId().equals(first.subjectId())).findFirst()
                .orElseThrow();
        assertThat(now.adjusted()).isEqualByComparingTo("480000");
        ListView<ForecastEntry> history = robot.lookup("#forecastHistory").queryAs(ListView.class);
        assertThat(history.getItems()).last().satisfies(e -> {
            assertThat(e.note()).isEqualTo("医院预算延后");
            assertThat(e.kind()).isEqualTo(ForecastEntry.Kind.ADJUST);
        });
        // A manager has no commit of their own row here.
        assertThat(robot.lookup("#forecastCommit").queryButton().isDisabled()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAccuracyOfTheClosedQuartersIsAChartThatExports(FxRobot robot) throws Exception {
        robot.clickOn("#forecastAccuracyTab");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<AccuracyFigure> table = robot.lookup("#accuracyTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(12);
        assertThat(table.getItems()).filteredOn(a -> a.method() != io.salesdesk.insight.forecast.ForecastMethod.RUN_RATE)
                .allSatisfy(a -> assertThat(a.mape()).isNotNull());
        BarChart<String, Number> chart = robot.lookup("#accuracyChart").queryAs(BarChart.class);
        assertThat(chart.getData()).hasSize(3);
        assertThat(chart.getData().get(0).getData()).isNotEmpty();
        UiRobots.screenshot(robot, "#forecastView", "forecast-accuracy.png");
        Path png = dir.resolve("accuracy.png");
        Path xlsx = dir.resolve("accuracy.xlsx");
        robot.interact(() -> view.exportChartPng(png));
        robot.interact(() -> view.exportAccuracyXlsx(xlsx));
        assertThat(Files.size(png)).isGreaterThan(1000);
        assertThat(Files.size(xlsx)).isGreaterThan(1000);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theProcurementTableSuggestsOrders(FxRobot robot) {
        robot.clickOn("#forecastProcurementTab");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<ProcurementLine> table = robot.lookup("#procurementTable").queryAs(TableView.class);
        List<ProcurementLine> lines = table.getItems();
        UiRobots.screenshot(robot, "#forecastView", "forecast-procurement.png");
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l.suggestedOrder().signum()).isNotNegative());
        ProcurementLine first = lines.get(0);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#safetyQuantity").write("100000");
        robot.clickOn("#safetyForSku");
        WaitForAsyncUtils.waitForFxEvents();
        ProcurementLine after = table.getItems().stream().filter(l -> l.productId().equals(first.productId())
                && java.util.Objects.equals(l.regionCode(), first.regionCode())).findFirst().orElseThrow();
        assertThat(after.safetyStock()).isEqualByComparingTo("100000");
        // 100,000 units of safety stock are more than any demo warehouse holds: an order is suggested.
        assertThat(after.suggestedOrder()).isPositive();
    }
}
