package io.salesdesk.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiRobots;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.board.task.Task;
import io.salesdesk.core.Actor;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.FieldType;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TextField;
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

/** A company's own task fields are in the task form: a required one is asked for, and saved with the task. */
@ExtendWith(ApplicationExtension.class)
class TaskCustomFieldsUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    static Actor manager;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
        context = workspace.context();
        manager = context.currentUser().asActor();
        context.customFields().define(manager, CustomEntity.TASK,
                new CustomFieldDraft("拜访地点", "visit_place", FieldType.TEXT, List.of(), true, null, null));
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
    void aRequiredTaskFieldIsAskedForAndSavedWithTheTask(FxRobot robot) {
        robot.interact(() -> TaskFormDialog.create(context).show());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#taskTitle").queryAs(TextField.class).setText("带样机拜访设备科"));
        robot.clickOn("#taskSave");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(UiRobots.problemAt(robot, "custom-visit_place")).contains("必填");
        assertThat(titles()).doesNotContain("带样机拜访设备科");

        robot.interact(() -> robot.lookup("#custom-visit_place").queryAs(TextField.class).setText("门诊楼 3 楼"));
        robot.clickOn("#taskSave");
        WaitForAsyncUtils.waitForFxEvents();

        Task task = context.tasks().myOpen(manager, 200).stream().filter(t -> t.title().equals("带样机拜访设备科"))
                .findFirst().orElseThrow();
        assertThat(context.customFields().values(CustomEntity.TASK, task.id()))
                .containsOnly(entry("visit_place", "门诊楼 3 楼"));
    }

    private static List<String> titles() {
        return context.tasks().myOpen(manager, 200).stream().map(Task::title).toList();
    }

}
