package io.salesdesk.app.ledgers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.common.Stylesheets;

/**
 * Cancel in the wizard: the work runs on an executor the test drives, so the user's click on 取消
 * lands while a preview or a commit is under way, as it does in the app. Nothing is written.
 */
@ExtendWith(ApplicationExtension.class)
class LedgerImportCancelUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    /** Holds work until the test runs it, on the test's thread (not the FX thread, as in the app). */
    static final class HeldExecutor implements Executor {
        final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();

        @Override
        public void execute(Runnable work) {
            queue.add(work);
        }

        /** Runs the next held work and lets the FX thread show its outcome. */
        boolean runNext() {
            Runnable work = queue.poll();
            if (work != null) {
                work.run();
                WaitForAsyncUtils.waitForFxEvents();
            }
            return work != null;
        }

        void runAll() {
            while (runNext()) {
                // until the work asks for no more
            }
        }
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static HeldExecutor executor = new HeldExecutor();
    static AppContext context;
    LedgersPage page;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir.resolve("data"));
        AppContext sameThread = workspace.context();
        context = new AppContext(sameThread.database(), sameThread.clock(), executor, sameThread.currentUser());
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        page = new LedgersPage(context);
        Scene scene = new Scene(page, 1400, 960);
        Stylesheets.addTo(page);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void cancelledPreviewAndCommitLeaveTheDatabaseUnchanged(FxRobot robot) throws Exception {
        executor.runAll();
        Map<String, Long> rowsBefore = context.database().rowCounts();
        Path ledger = LedgerWorkbooks.manyRows(dir.resolve("大台账.xlsx"), "台账取消测试", 1200);

        // cancel while the preview reads
        robot.interact(() -> page.previewFile(ledger));
        executor.runNext(); // the sheet list and first rows
        assertThat(robot.lookup("#ledgerProgressBox").queryAs(javafx.scene.Node.class).isVisible()).isTrue();
        robot.clickOn("#ledgerCancel");
        executor.runAll();
        assertThat(status(robot)).isEqualTo("已取消，未导入任何数据");
        assertThat(robot.lookup("#ledgerStep3").queryAs(Button.class).isDisabled()).isTrue(); // no preview

        // preview in full, then cancel while the commit writes
        robot.interact(() -> page.previewFile(ledger));
        executor.runAll();
        assertThat(robot.lookup("#ledgerSummary").queryAs(Label.class).getText())
                .isEqualTo("新建 1,200，更新 0，跳过重复 0，有错误 0，冲突 0");
        robot.interact(() -> page.setVvalue(0)); // the user scrolls back up to the steps
        robot.clickOn("#ledgerStep4");
        robot.clickOn("#ledgerImport");
        assertThat(robot.lookup("#ledgerProgressBox").queryAs(javafx.scene.Node.class).isVisible()).isTrue();
        robot.clickOn("#ledgerCancel");
        executor.runAll();

        assertThat(robot.lookup("#ledgerResult").queryAs(Label.class).getText()).isEqualTo("已取消，未导入任何数据");
        assertThat(context.database().rowCounts()).isEqualTo(rowsBefore); // every table, the audit trail too
        assertThat(robot.lookup("#ledgerHistory").queryAs(TableView.class).getItems()).isEmpty();
        // the preview was prepared again, so the import can be retried
        assertThat(robot.lookup("#ledgerImport").queryAs(Button.class).isDisabled()).isFalse();
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#ledgerStatus").queryAs(Label.class).getText();
    }
}
