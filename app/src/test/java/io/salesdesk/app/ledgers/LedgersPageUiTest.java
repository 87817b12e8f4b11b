package io.salesdesk.app.ledgers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
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
import io.salesdesk.app.common.Page;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.crm.Customer;

/** The ledgers page in the real main window: a ledger with one good and one bad row, imported skipping the bad. */
@ExtendWith(ApplicationExtension.class)
class LedgersPageUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    private static final String NAME = "苏州台账导入测试医疗科技有限公司";

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
    void importedCustomerAppearsInTheCustomerList(FxRobot robot) throws Exception {
        Path ledger = writeLedger(dir.resolve("客户台账.xlsx"));

        robot.clickOn("#nav-LEDGERS");
        WaitForAsyncUtils.waitForFxEvents();
        LedgersPage page = robot.lookup("#ledgersPage").queryAs(LedgersPage.class);
        robot.interact(() -> page.previewFile(ledger));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#ledgerSummary").queryAs(Label.class).getText())
                .isEqualTo("新建 1，更新 0，跳过重复 0，有错误 1，冲突 0");
        assertThat(robot.lookup("#ledgerProblems").queryAs(TableView.class).getItems()).hasSize(1);
        assertThat(robot.lookup("#ledgerImport").queryAs(Button.class).isDisabled()).isTrue();

        robot.clickOn("#ledgerSkipInvalid");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#ledgerImport").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#ledgerImport");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#ledgerResult").queryAs(Label.class).getText()).contains("批次");
        assertThat(robot.lookup("#ledgerHistory").queryAs(TableView.class).getItems()).hasSize(1);

        robot.clickOn("#nav-CUSTOMERS");
        robot.clickOn("#customerSearch").write(NAME);
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS); // the search waits for the typing to stop
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        TableView<Customer> table = robot.lookup("#customerTable").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(Customer::name).containsExactly(NAME);
    }

    private static Path writeLedger(Path file) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("客户");
            row(sheet, 0, "2026年客户台账");
            row(sheet, 1, "单位名称", "客户级别", "联系电话", "业务员");
            row(sheet, 2, NAME, "A", "0512-65238888", context.currentUser().displayName());
            row(sheet, 3, "台账坏电话测试公司", "B", "12345", context.currentUser().displayName());
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return file;
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }
}
