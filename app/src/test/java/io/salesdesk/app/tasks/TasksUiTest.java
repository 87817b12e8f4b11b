package io.salesdesk.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.board.Board;
import io.salesdesk.board.Card;
import io.salesdesk.board.task.Task;
import io.salesdesk.board.task.TaskFilter;
import io.salesdesk.board.task.TaskStatus;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
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

/** The task board: quick-add at the top of a column, and the supervisor's escalation board next to it. */
@ExtendWith(ApplicationExtension.class)
class TasksUiTest {

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
    void aTaskTypedAtTheTopOfAColumnIsSavedAndShownFirst(FxRobot robot) throws Exception {
        robot.clickOn("#nav-TASKS");
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#quickAdd-TODO").write("给苏州康华医院寄样机").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            ListView<Card> todo = robot.lookup("#column-TODO").queryAs(ListView.class);
            return !todo.getItems().isEmpty()
                    && ((Task) todo.getItems().get(0).item()).title().equals("给苏州康华医院寄样机");
        });

        var me = workspace.context().currentUser();
        assertThat(workspace.context().tasks().column(me.asActor(), TaskStatus.TODO, TaskFilter.all(), 10))
                .first().satisfies(task -> {
                    assertThat(task.title()).isEqualTo("给苏州康华医院寄样机");
                    assertThat(task.assigneeId()).as("a quick-added task is the user's own").isEqualTo(me.id());
                });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aManagerSeesTheEscalationBoardWithOverdueFollowUps(FxRobot robot) {
        robot.clickOn("#nav-TASKS");
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<Board> picker = robot.lookup("#boardPicker").queryAs(ComboBox.class);
        Board escalations = picker.getItems().stream().filter(b -> b.name().equals("督办看板")).findFirst()
                .orElseThrow();

        robot.interact(() -> picker.setValue(escalations));
        WaitForAsyncUtils.waitForFxEvents();

        ListView<Card> open = robot.lookup("#column-OPEN").queryAs(ListView.class);
        assertThat(open.getItems()).as("the demo's overdue follow-ups of the manager's team").isNotEmpty();
    }
}
