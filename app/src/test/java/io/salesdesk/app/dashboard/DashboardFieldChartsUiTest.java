package io.salesdesk.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.FieldType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ListView;
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
 * A manager adds a chart of a custom field to the dashboard: 客户按「攻坚阶段」 counts the customers
 * they see by stage, says how many have none, and stays on their layout.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardFieldChartsUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
        System.setProperty("testfx.setup.timeout", "120000");
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    static int visible;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir.resolve("db"));
        context = workspace.context();
        Actor manager = context.currentUser().asActor();
        context.customFields().define(manager, CustomEntity.CUSTOMER, new CustomFieldDraft("攻坚阶段", "attack_stage",
                FieldType.SINGLE_CHOICE, List.of("摸底", "方案", "决策"), false, null, null));
        List<Customer> customers = context.customers().page(manager, CustomerQuery.all(), 0, 3);
        String[] stages = {"方案", "方案", "决策"};
        for (int i = 0; i < 3; i++) {
            context.customFields().setValues(manager, CustomEntity.CUSTOMER, customers.get(i).id(),
                    Map.of("attack_stage", stages[i]));
        }
        visible = context.customers().count(manager, CustomerQuery.all());
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new MainWindow(context, workspace.appearance()).createScene());
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFieldChartAddedInTheComposerCountsTheCustomersByStage(FxRobot robot) throws Exception {
        robot.clickOn("#nav-DASHBOARD");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#fieldCharts").queryAs(javafx.scene.Node.class).isVisible())
                .as("no field chart in the built-in layout").isFalse();

        robot.clickOn("#dashboardCompose");
        ListView<String> available = robot.lookup("#composerAvailable").queryAs(ListView.class);
        assertThat(available.getItems()).contains("field.CUSTOMER.attack_stage");
        robot.interact(() -> available.getSelectionModel().select("field.CUSTOMER.attack_stage"));
        robot.doubleClickOn(robot.lookup("#composerAvailable .list-cell")
                .match(n -> "字段图表 · 客户按「攻坚阶段」".equals(((javafx.scene.control.ListCell<?>) n).getText()))
                .queryAs(javafx.scene.Node.class));
        assertThat(robot.lookup("#composerShown").queryAs(ListView.class).getItems())
                .contains("field.CUSTOMER.attack_stage");
        robot.clickOn("#composerSaveOwn");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#fieldChart-CUSTOMER-attack_stage").tryQuery().isPresent());
        BarChart<String, Number> chart = robot.lookup("#fieldChart-CUSTOMER-attack_stage").queryAs(BarChart.class);
        List<XYChart.Data<String, Number>> bars = chart.getData().get(0).getData();
        assertThat(bars).extracting(XYChart.Data::getXValue).containsExactly("方案（2）", "决策（1）");
        assertThat(bars).extracting(d -> d.getYValue().intValue()).containsExactly(2, 1);
        assertThat(robot.lookup("#fieldChart-CUSTOMER-attack_stage-note").queryAs(javafx.scene.control.Label.class)
                .getText()).as("the customers without a stage are said, not drawn")
                .isEqualTo("截至此刻 · 未填写 " + io.salesdesk.app.common.Formats.count(visible - 3));
        assertThat(context.dashboardLayouts().layoutFor(context.currentUser().asActor(), DashboardWidgets.builtIn(),
                java.util.Set.of("field.CUSTOMER.attack_stage")).widgets()).containsExactly("field.CUSTOMER.attack_stage");
    }
}
