package io.salesdesk.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiRobots;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.dashboard.charts.ChartExport;
import io.salesdesk.app.dashboard.charts.ChartTable;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.commerce.demo.DemoCatalogue;
import io.salesdesk.commerce.demo.DemoFinance;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.crm.lead.LeadService;
import io.salesdesk.insight.demo.DemoKpis;
import io.salesdesk.insight.kpi.KpiGrouping;
import io.salesdesk.insight.kpi.KpiKind;
import io.salesdesk.insight.kpi.KpiReport;
import io.salesdesk.insight.kpi.Period;
import io.salesdesk.insight.kpi.KpiRecord;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
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
 * 仪表盘 as the GM opens it on the demo workspace: this quarter's tiles with real figures, a tile
 * drilled down to the contracts behind it, a contract, a lead and a won deal opening where they are kept, and the
 * charts saved as PNG and .xlsx.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
        // The window opens on the dashboard, whose figures load inline with the same-thread
        // executor: on a busy shared machine that took longer than TestFX's default 10 s setup.
        System.setProperty("testfx.setup.timeout", "120000");
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    MainWindow window;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir.resolve("db"));
        context = workspace.context();
        new DemoCatalogue(context.database(), context.clock()).create(42);
        new DemoFinance(context.database(), context.clock(), AppContext.attachmentsRoot(context.database())).create(42);
        new DemoKpis(context.database(), context.clock()).create(42);
        context.setCurrentUser(context.users().byUsername("gm").orElseThrow());
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(context, workspace.appearance());
        stage.setScene(window.createScene());
        stage.show();
    }

    @Test
    void theGmSeesThisQuartersFiguresAndDrillsASignedAmountDownToItsContracts(FxRobot robot) {
        robot.clickOn("#nav-DASHBOARD");
        WaitForAsyncUtils.waitForFxEvents();
        Period quarter = Period.quarterOf(BusinessTime.today(context.clock()));
        KpiReport expected = context.kpis().report(context.currentUser().asActor(), quarter, KpiGrouping.ALL);
        assertThat(expected.figure(KpiKind.SIGNED_AMOUNT).hasValue()).isTrue();

        Label signed = robot.lookup("#tileSIGNED_AMOUNTValue").queryAs(Label.class);
        assertThat(signed.getText()).isEqualTo(KpiText.value(expected.figure(KpiKind.SIGNED_AMOUNT)));
        assertThat(robot.lookup("#tilePAPERWORK_SHAREValue").queryAs(Label.class).getText())
                .isEqualTo(KpiText.value(expected.figure(KpiKind.PAPERWORK_SHARE))).isNotEqualTo("无数据");
        assertThat(robot.lookup("#tileSIGNED_AMOUNTDelta").queryAs(Label.class).getText()).isNotBlank();
        UiRobots.screenshot(robot, "#kpiTiles", "dashboard-overview.png");

        robot.clickOn("#tileSIGNED_AMOUNT");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<KpiRecord> drill = robot.lookup("#drillTable").queryAs(TableView.class);
        assertThat(drill.getItems()).hasSize((int) expected.figure(KpiKind.SIGNED_AMOUNT).records());
        assertThat(drill.getItems()).allMatch(r -> r.source() == KpiRecord.Source.CONTRACT);
        assertThat(robot.lookup("#drillTitle").queryAs(Label.class).getText()).contains("签约额");

        KpiRecord first = drill.getItems().get(0);
        UiRobots.reveal(robot, "#drillTable");
        robot.doubleClickOn(robot.lookup("#drillTable .table-row-cell").nth(0).queryAs(javafx.scene.Node.class),
                MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        // The contract itself opens, among the contracts, not only its customer.
        assertThat(robot.lookup("#nav-COMMERCE").queryAs(ToggleButton.class).isSelected()).isTrue();
        String contractNo = robot.lookup("#contractDetailNo").queryAs(Label.class).getText();
        assertThat(first.title()).startsWith(contractNo + " ");
    }

    @Test
    void aLeadInTheConversionDrillDownOpensInTheLeadsList(FxRobot robot) {
        context.dispatch().capture(context.currentUser().asActor(), new LeadDraft("杭州钱塘区测试卫生院", null, null,
                "浙江省杭州市钱塘区下沙路 1 号", null, "PRIMARY_CARE", null, "展会", null), ChangeReason.user());
        robot.clickOn("#nav-DASHBOARD");
        WaitForAsyncUtils.waitForFxEvents();
        UiRobots.reveal(robot, "#tileLEAD_CONVERSION");
        robot.clickOn("#tileLEAD_CONVERSION");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<KpiRecord> drill = robot.lookup("#drillTable").queryAs(TableView.class);
        assertThat(drill.getItems()).isNotEmpty().allMatch(r -> r.source() == KpiRecord.Source.LEAD);
        KpiRecord first = drill.getItems().get(0);

        UiRobots.reveal(robot, "#drillTable");
        robot.doubleClickOn(robot.lookup("#drillTable .table-row-cell").nth(0).queryAs(javafx.scene.Node.class),
                MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#nav-LEADS").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#leadDetailName").queryAs(Label.class).getText()).isEqualTo(first.title());
    }

    @Test
    void aWonDealInTheLeadCycleDrillDownOpensInItsForm(FxRobot robot) {
        // A lead of today converted into a deal that is then won: the lead cycle's drill-down lists that deal.
        var actor = context.currentUser().asActor();
        var lead = context.dispatch().capture(actor, new LeadDraft("宁波鄞州测试口腔医院", null, null,
                "浙江省宁波市鄞州区天童南路 1 号", null, "HOSPITAL", null, "展会", null), ChangeReason.user()).lead();
        var converted = context.leads().convert(actor, lead.id(), lead.version(),
                new LeadService.Conversion(null, null, "口腔 CBCT 采购", new BigDecimal("300000")));
        var deal = context.opportunities().find(actor, converted.opportunityId()).orElseThrow();
        context.opportunities().move(actor, deal.id(), deal.version(), "WON", "中标", null, null);

        robot.clickOn("#nav-DASHBOARD");
        WaitForAsyncUtils.waitForFxEvents();
        UiRobots.reveal(robot, "#tileLEAD_CYCLE");
        robot.clickOn("#tileLEAD_CYCLE");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<KpiRecord> drill = robot.lookup("#drillTable").queryAs(TableView.class);
        assertThat(drill.getItems()).isNotEmpty().allMatch(r -> r.source() == KpiRecord.Source.OPPORTUNITY);
        int row = drill.getItems().stream().map(KpiRecord::id).toList().indexOf(deal.id());
        assertThat(row).isNotNegative();

        UiRobots.reveal(robot, "#drillTable");
        robot.interact(() -> drill.scrollTo(row));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node cell = robot.lookup("#drillTable .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() != null && ((KpiRecord) r.getItem()).id().equals(deal.id()))
                .findFirst().orElseThrow();
        robot.doubleClickOn(cell, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        // The pipeline shows, with the deal's own form open over it.
        assertThat(robot.lookup("#nav-PIPELINE").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#opportunityName").queryAs(TextField.class).getText()).isEqualTo("口腔 CBCT 采购");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void everyChartSavesAsPngAndItsDataAsAnExcelSheet(FxRobot robot) throws Exception {
        robot.clickOn("#nav-DASHBOARD");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        BarChart<String, Number> chart = robot.lookup("#signedChart").queryAs(BarChart.class);
        assertThat(chart.getData()).isNotEmpty();
        Path png = dir.resolve("out/signed.png");
        Path xlsx = dir.resolve("out/signed.xlsx");
        robot.interact(() -> {
            try {
                ChartExport.writePng(chart, png);
                ChartExport.writeXlsx(ChartTable.of("签约额", "销售", chart), xlsx);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(Files.size(png)).isGreaterThan(1000);
        try (var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(xlsx.toFile())) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("销售");
            assertThat(sheet.getLastRowNum()).isEqualTo(ChartTable.of("签约额", "销售", chart).rows().size());
        }
    }
}
