package io.salesdesk.app.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.crm.Customer;

/** 导出列表 writes exactly the customers the list shows, in its order. */
@ExtendWith(ApplicationExtension.class)
class ListExportUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;

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
        stage.setScene(new MainWindow(workspace.context(), workspace.appearance()).createScene());
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void exportWritesTheSearchedListInItsOrder(FxRobot robot) throws Exception {
        robot.clickOn("#customerSearch").write("医院");
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Customer> table = robot.lookup("#customerTable").queryAs(TableView.class);
        List<String> shown = table.getItems().stream().map(Customer::name).toList();
        assertThat(shown).isNotEmpty().allSatisfy(name -> assertThat(name).contains("医院"));
        Path out = dir.resolve("客户列表.xlsx");

        ListExportBar bar = robot.lookup(node -> node instanceof ListExportBar).queryAs(ListExportBar.class);
        robot.interact(() -> bar.exportTo(out));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#exportCustomersResult").queryAs(Label.class).getText().startsWith("已导出"));

        List<String> exported = new ArrayList<>();
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    exported.add(row.getCell(0).getStringCellValue());
                }
            }
        }
        // The table shows the first page; the export has the whole list, which starts the same way.
        assertThat(exported).startsWith(shown.toArray(String[]::new))
                .allSatisfy(name -> assertThat(name).contains("医院"));
    }
}
