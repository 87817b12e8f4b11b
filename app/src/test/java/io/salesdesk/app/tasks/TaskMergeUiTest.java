package io.salesdesk.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.MainWindowFixture;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.board.task.Task;
import io.salesdesk.board.task.TaskDraft;
import io.salesdesk.board.task.TaskPriority;
import io.salesdesk.board.task.TaskService;
import io.salesdesk.board.task.TaskStatus;
import io.salesdesk.core.Actor;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A task saved by a colleague while the user edits it is merged field by field, nothing lost. */
@ExtendWith(ApplicationExtension.class)
class TaskMergeUiTest {

    @RegisterExtension
    static final MainWindowFixture app = UiTestWorkspace.withMainWindow();

    @Test
    void theirPriorityAndMyDescriptionAreBothKept(FxRobot robot) throws Exception {
        AppContext context = app.context();
        Actor me = app.me();
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
