package io.salesdesk.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.board.task.Task;
import io.salesdesk.board.task.TaskDraft;
import io.salesdesk.board.task.TaskPriority;
import io.salesdesk.board.task.TaskService;
import io.salesdesk.board.task.TaskStatus;
import io.salesdesk.core.Actor;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
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

/** A task saved by a colleague while the user edits it is merged field by field, nothing lost. */
@ExtendWith(ApplicationExtension.class)
class TaskMergeUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    static Actor me;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
        context = workspace.context();
        me = context.currentUser().asActor();
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
    void theirPriorityAndMyDescriptionAreBothKept(FxRobot robot) throws Exception {
        Task task = context.tasks().create(me, new TaskDraft("回访苏州医院", "电话回访", null, TaskPriority.NORMAL,
                null, null, null), TaskStatus.TODO);
        robot.interact(() -> TaskFormDialog.edit(context, task).show());
        WaitForAsyncUtils.waitForFxEvents();
        new TaskService(context.database(), UiTestWorkspace.CLOCK).update(me, task.id(), task.version(),
                new TaskDraft(task.title(), task.description(), task.assigneeId(), TaskPriority.HIGH, task.dueAt(),
                        null, null));
        robot.interact(() -> robot.lookup("#taskDescription").queryAs(TextArea.class).setText("上门拜访设备科"));

        robot.clickOn("#taskSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#mergeTheirs-priority").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#mergeMine-description").queryAs(RadioButton.class).isSelected()).isTrue();
        robot.clickOn("#mergeSave");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#taskSave").tryQuery().isEmpty());

        Task saved = context.tasks().find(me, task.id()).orElseThrow();
        assertThat(saved.priority()).isEqualTo(TaskPriority.HIGH);
        assertThat(saved.description()).isEqualTo("上门拜访设备科");
    }
}
