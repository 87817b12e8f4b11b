package io.salesdesk.app.ledgers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.ledger.imports.DuplicateDecision;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.model.LedgerField;
import io.salesdesk.ledger.read.SheetInfo;
import io.salesdesk.ledger.report.ErrorReport;

/**
 * The import wizard in the real main window, walked step by step on a ledger with a hidden sheet, a
 * title row, a column the synonyms do not know, a row duplicating a customer and a row with a bad phone.
 */
@ExtendWith(ApplicationExtension.class)
class LedgersPageUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    private static final String NAME = "苏州台账导入测试医疗科技有限公司";
    private static final String ADDRESS = "江苏省苏州市工业园区星湖街328号";
    private static final String NEW_PHONE = "0512-66668888";

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    MainWindow window;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir.resolve("data"));
        context = workspace.context();
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
    @SuppressWarnings("unchecked")
    void wizardImportsTheChosenSheetWithAnEditedMappingAndARowDecision(FxRobot robot) throws Exception {
        Actor actor = context.currentUser().asActor();
        Customer existing = context.customers().page(actor, CustomerQuery.all(), 0, 1).get(0);
        Path ledger = LedgerWorkbooks.twoSheets(dir.resolve("客户台账.xlsx"), NAME, ADDRESS, existing.name(), NEW_PHONE,
                context.currentUser().displayName());

        robot.clickOn("#nav-LEDGERS");
        WaitForAsyncUtils.waitForFxEvents();
        LedgersPage page = robot.lookup("#ledgersPage").queryAs(LedgersPage.class);
        robot.interact(() -> page.previewFile(ledger));
        WaitForAsyncUtils.waitForFxEvents();

        // ① the visible sheet is chosen, the hidden one listed and marked; its first rows are shown
        ComboBox<SheetInfo> sheets = robot.lookup("#ledgerSheet").queryAs(ComboBox.class);
        assertThat(sheets.getItems()).extracting(SheetInfo::name).containsExactly("2024旧表", "客户台账");
        assertThat(sheets.getValue().name()).isEqualTo("客户台账");
        assertThat(sheets.getConverter().toString(sheets.getItems().get(0))).isEqualTo("2024旧表（隐藏）");
        assertThat(robot.lookup("#ledgerSheetRows").queryAs(TableView.class).getItems()).hasSize(5);
        assertThat(summary(robot)).isEqualTo("新建 1，更新 0，跳过重复 1，有错误 1，冲突 0");

        // changing the sheet previews that sheet; back again
        robot.interact(() -> sheets.setValue(sheets.getItems().get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(summary(robot)).isEqualTo("新建 2，更新 0，跳过重复 0，有错误 0，冲突 0");
        robot.interact(() -> sheets.setValue(sheets.getItems().get(1)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(summary(robot)).isEqualTo("新建 1，更新 0，跳过重复 1，有错误 1，冲突 0");

        // ② the column the synonyms do not know is mapped by hand, and the preview made again
        robot.clickOn("#ledgerNext");
        ComboBox<LedgerField> place = robot.lookup("#ledgerMapping-E").queryAs(ComboBox.class);
        assertThat(place.getValue()).isNull();
        LedgerField address = place.getItems().stream().filter(f -> f != null && f.key().equals("address"))
                .findFirst().orElseThrow();
        robot.interact(() -> place.setValue(address));
        assertThat(robot.lookup("#ledgerRemap").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#ledgerRemap");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#ledgerMappingSource").queryAs(Label.class).getText()).isEqualTo("你指定的映射");

        // ③ shown with the new mapping: the duplicate is listed with why it matched; 跳过 becomes 更新
        assertThat(robot.lookup("#ledgerStepPreview").queryAs(javafx.scene.Node.class).isVisible()).isTrue();
        TableView<ImportRow> duplicates = robot.lookup("#ledgerDuplicates").queryAs(TableView.class);
        assertThat(duplicates.getItems()).extracting(ImportRow::rowNumber).containsExactly(5);
        assertThat(duplicates.getColumns().get(2).getCellData(0)).isEqualTo("名称相同：已有“" + existing.name() + "”");
        ComboBox<DuplicateDecision> decision = robot.lookup("#ledgerDecision-5").queryAs(ComboBox.class);
        assertThat(decision.getValue()).isEqualTo(DuplicateDecision.SKIP);
        robot.interact(() -> decision.setValue(DuplicateDecision.UPDATE));
        assertThat(summary(robot)).isEqualTo("新建 1，更新 1，跳过重复 0，有错误 1，冲突 0");
        assertThat(robot.lookup("#ledgerProblems").queryAs(TableView.class).getItems()).hasSize(1);

        // the error report of the bad row, where the user chose
        Path report = dir.resolve("reports").resolve(ErrorReport.defaultPath(ledger).getFileName());
        robot.interact(() -> robot.lookup("#ledgerWizard").queryAs(ImportWizard.class).writeErrorReport(report));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errorColumn(report, 3)).contains("联系电话");
        assertThat(robot.lookup("#ledgerStatus").queryAs(Label.class).getText()).startsWith("错误报告已保存");
        assertThat(robot.lookup("#ledgerOpenFolder").queryAs(javafx.scene.Node.class).isVisible()).isTrue();

        // ④ skip the bad row and import
        robot.clickOn("#ledgerSkipInvalid");
        robot.clickOn("#ledgerNext");
        assertThat(robot.lookup("#ledgerImport").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#ledgerImport");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#ledgerResult").queryAs(Label.class).getText())
                .startsWith("导入完成：新建 1，更新 1，跳过重复 0，有错误 1").contains("批次");
        assertThat(robot.lookup("#ledgerErrorReportAfterImport").queryAs(Button.class).isVisible()).isTrue();
        TableView<io.salesdesk.ledger.imports.ImportBatch> history = robot.lookup("#ledgerHistory")
                .queryAs(TableView.class);
        assertThat(entityShownFor(history, "客户台账.xlsx")).isEqualTo("客户");
        Customer created = only(context.customers().page(actor, CustomerQuery.all().withText(NAME), 0, 10));
        assertThat(created.address()).isEqualTo(ADDRESS);
        Customer updated = context.customers().open(actor, existing.id()).orElseThrow().customer();
        assertThat(updated.phone()).isEqualTo(NEW_PHONE);

        robot.clickOn("#nav-CUSTOMERS");
        robot.clickOn("#customerSearch").write(NAME);
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS); // the search waits for the typing to stop
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Customer> table = robot.lookup("#customerTable").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(Customer::name).containsExactly(NAME);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCustomFieldIsMappedByItsLabelAndImportedWithTheCustomer(FxRobot robot) throws Exception {
        Actor actor = context.currentUser().asActor();
        var beds = context.customFields().define(actor, io.salesdesk.studio.field.CustomEntity.CUSTOMER,
                io.salesdesk.studio.field.CustomFieldDraft.of("台账床位数", io.salesdesk.studio.field.FieldType.NUMBER));
        Path ledger = LedgerWorkbooks.single(dir.resolve("床位台账.xlsx"), List.of("单位名称", "台账床位数", "业务员"),
                List.of("自定义字段台账测试医院", "1,200", context.currentUser().displayName()));

        robot.clickOn("#nav-LEDGERS");
        LedgersPage page = robot.lookup("#ledgersPage").queryAs(LedgersPage.class);
        robot.interact(() -> page.previewFile(ledger));
        WaitForAsyncUtils.waitForFxEvents();

        ComboBox<LedgerField> column = robot.lookup("#ledgerMapping-B").queryAs(ComboBox.class);
        assertThat(column.getValue().key()).isEqualTo("custom." + beds.key());
        assertThat(column.getConverter().toString(column.getValue())).contains("台账床位数");
        assertThat(summary(robot)).isEqualTo("新建 1，更新 0，跳过重复 0，有错误 0，冲突 0");
        robot.clickOn("#ledgerNext");
        robot.clickOn("#ledgerNext");
        robot.clickOn("#ledgerNext");
        robot.clickOn("#ledgerImport");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#ledgerResult").queryAs(Label.class).getText()).startsWith("导入完成：新建 1");
        Customer imported = only(context.customers().page(actor, CustomerQuery.all().withText("自定义字段台账测试医院"),
                0, 10));
        assertThat(context.customFields().values(io.salesdesk.studio.field.CustomEntity.CUSTOMER, imported.id()))
                .containsEntry(beds.key(), "1200");
    }

    @Test
    void aRequiredFieldWithoutAColumnIsMappedByHand(FxRobot robot) throws Exception {
        Path ledger = LedgerWorkbooks.single(dir.resolve("无名称列.xlsx"), List.of("机构", "联系电话"),
                List.of("台账手工映射测试有限公司", "0512-65230001"));

        robot.clickOn("#nav-LEDGERS");
        LedgersPage page = robot.lookup("#ledgersPage").queryAs(LedgersPage.class);
        robot.interact(() -> page.previewFile(ledger));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#ledgerStepMapping").queryAs(javafx.scene.Node.class).isVisible()).isTrue();
        assertThat(robot.lookup("#ledgerMappingWarning").queryAs(Label.class).getText()).contains("客户名称");
        @SuppressWarnings("unchecked")
        ComboBox<LedgerField> first = robot.lookup("#ledgerMapping-A").queryAs(ComboBox.class);
        robot.interact(() -> first.setValue(first.getItems().stream()
                .filter(f -> f != null && f.key().equals("name")).findFirst().orElseThrow()));
        robot.clickOn("#ledgerNext");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(summary(robot)).isEqualTo("新建 1，更新 0，跳过重复 0，有错误 0，冲突 0");
        assertThat(robot.lookup("#ledgerStepPreview").queryAs(javafx.scene.Node.class).isVisible()).isTrue();
        assertThat(robot.lookup("#ledgerSkipInvalid").queryAs(CheckBox.class).isSelected()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aContactsLedgerImportedThroughTheWizardIsOnTheCustomer(FxRobot robot) throws Exception {
        Actor actor = context.currentUser().asActor();
        Customer customer = context.customers().page(actor, CustomerQuery.all(), 1, 1).get(0);
        Path ledger = LedgerWorkbooks.single(dir.resolve("联系人台账.xlsx"), List.of("客户名称", "联系人", "职务", "手机"),
                List.of(customer.name(), "向导联系人甲", "采购经理", "139 0013 9001"),
                List.of(customer.name(), "向导联系人乙", "设备科科长", "13900139002"));

        robot.clickOn("#nav-LEDGERS");
        WaitForAsyncUtils.waitForFxEvents();
        LedgersPage page = robot.lookup("#ledgersPage").queryAs(LedgersPage.class);
        ComboBox<String> entity = robot.lookup("#ledgerEntity").queryAs(ComboBox.class);
        assertThat(entity.getItems()).as("the roster is for administrators; this is a manager")
                .containsExactly("customers", "contacts", "activities", "opportunities", "leads", "costs", "products",
                        "stock");
        assertThat(entity.getConverter().toString("contacts")).isEqualTo("联系人");
        robot.interact(() -> entity.setValue("contacts"));
        assertThat(robot.lookup("#ledgerEntityHint").queryAs(Label.class).getText()).contains("客户名称");
        robot.interact(() -> page.previewFile(ledger));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(entity.getValue()).isEqualTo("contacts");
        assertThat(summary(robot)).isEqualTo("新建 2，更新 0，跳过重复 0，有错误 0，冲突 0");
        TableView<ImportRow> duplicates = robot.lookup("#ledgerDuplicates").queryAs(TableView.class);
        assertThat(duplicates.getColumns().get(1).getText()).isEqualTo("联系人 · 客户");
        robot.clickOn("#ledgerNext");
        robot.clickOn("#ledgerNext");
        robot.clickOn("#ledgerNext");
        assertThat(robot.lookup("#ledgerPlan").queryAs(Label.class).getText()).contains("导入到联系人");
        robot.clickOn("#ledgerImport");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#ledgerResult").queryAs(Label.class).getText()).startsWith("导入完成：新建 2");
        assertThat(robot.lookup("#ledgerCommitHint").queryAs(Label.class).getText()).contains("联系人");
        TableView<io.salesdesk.ledger.imports.ImportBatch> history = robot.lookup("#ledgerHistory")
                .queryAs(TableView.class);
        assertThat(entityShownFor(history, "联系人台账.xlsx")).isEqualTo("联系人");
        assertThat(context.customers().open(actor, customer.id()).orElseThrow().contacts())
                .extracting(io.salesdesk.crm.Contact::name, io.salesdesk.crm.Contact::mobile)
                .contains(org.assertj.core.groups.Tuple.tuple("向导联系人甲", "13900139001"),
                        org.assertj.core.groups.Tuple.tuple("向导联系人乙", "13900139002"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void contactsAreExportedFromThePageUnderADatedName(FxRobot robot) throws Exception {
        robot.clickOn("#nav-LEDGERS");
        WaitForAsyncUtils.waitForFxEvents();
        LedgersPage page = robot.lookup("#ledgersPage").queryAs(LedgersPage.class);
        ComboBox<String> exportEntity = robot.lookup("#ledgerExportEntity").queryAs(ComboBox.class);
        assertThat(exportEntity.getItems()).containsExactly("customers", "contacts", "activities", "opportunities",
                "leads");
        assertThat(page.defaultExportFileName())
                .isEqualTo("客户台账-" + java.time.LocalDate.now(context.clock()) + ".xlsx");

        robot.interact(() -> exportEntity.setValue("contacts"));
        String name = page.defaultExportFileName();
        assertThat(name).isEqualTo("联系人-" + java.time.LocalDate.now(context.clock()) + ".xlsx");
        Path out = dir.resolve("export").resolve(name);
        Files.createDirectories(out.getParent());
        robot.interact(() -> page.exportTo(out));
        WaitForAsyncUtils.waitForFxEvents();

        String said = robot.lookup("#ledgerExportResult").queryAs(Label.class).getText();
        assertThat(said).startsWith("已导出").contains("个联系人到 " + name);
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Row header = workbook.getSheetAt(0).getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("客户名称");
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("联系人");
            assertThat(said).contains("已导出 " + workbook.getSheetAt(0).getLastRowNum() + " 个联系人");
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isPositive();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdministratorIsOfferedTheTeamRoster(FxRobot robot) {
        io.salesdesk.crm.User manager = context.currentUser();
        io.salesdesk.crm.User admin = context.users().all().stream()
                .filter(u -> u.role() == io.salesdesk.core.Role.ADMIN).findFirst().orElseThrow();
        LedgersPage[] page = new LedgersPage[1];
        try {
            context.setCurrentUser(admin);
            robot.interact(() -> page[0] = new LedgersPage(context));
        } finally {
            context.setCurrentUser(manager);
        }

        ComboBox<String> entity = (ComboBox<String>) page[0].getContent().lookup("#ledgerEntity");
        assertThat(entity.getItems()).containsExactly("customers", "contacts", "activities", "opportunities", "leads",
                "users", "costs", "products", "stock");
        assertThat(page[0].exportEntity().getItems()).containsExactly("customers", "contacts", "activities",
                "opportunities", "leads", "users");
        robot.interact(() -> page[0].exportEntity().setValue("users"));
        assertThat(page[0].defaultExportFileName()).startsWith("团队名册-");
    }

    /** The 导入到 cell of the batch of a file (the fixed clock gives batches the same time: order is not fixed). */
    private static String entityShownFor(TableView<io.salesdesk.ledger.imports.ImportBatch> history, String file) {
        for (int i = 0; i < history.getItems().size(); i++) {
            if (history.getItems().get(i).fileName().equals(file)) {
                return String.valueOf(history.getColumns().get(1).getCellData(i));
            }
        }
        throw new AssertionError("no batch of " + file + " in the history");
    }

    private static String summary(FxRobot robot) {
        return robot.lookup("#ledgerSummary").queryAs(Label.class).getText();
    }

    private static Customer only(List<Customer> customers) {
        assertThat(customers).hasSize(1);
        return customers.get(0);
    }

    /** The text of the report's 错误/Error column in a row (0-based). */
    private static String errorColumn(Path report, int rowIndex) throws Exception {
        try (InputStream in = Files.newInputStream(report); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Row header = workbook.getSheetAt(0).getRow(1);
            int column = header.getLastCellNum() - 1;
            assertThat(header.getCell(column).getStringCellValue()).isEqualTo(ErrorReport.ERROR_HEADER);
            return workbook.getSheetAt(0).getRow(rowIndex).getCell(column).getStringCellValue();
        }
    }
}
