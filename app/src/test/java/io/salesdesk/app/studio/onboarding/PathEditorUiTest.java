package io.salesdesk.app.studio.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.board.task.Task;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.User;
import io.salesdesk.studio.onboarding.OnboardingPath;
import io.salesdesk.studio.onboarding.PathStage;
import io.salesdesk.studio.onboarding.StepKind;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
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

/**
 * Settings → Studio → 成长路径: a manager builds a two-stage path in the editor (a wrong day is named
 * first), saves it, puts a rep on it from My Day, and the rep's and the mentor's tasks exist.
 */
@ExtendWith(ApplicationExtension.class)
class PathEditorUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;

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
        stage.setScene(new MainWindow(context, workspace.appearance()).createScene());
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aManagerBuildsATwoStagePathAndPutsARepOnIt(FxRobot robot) {
        robot.clickOn("#nav-SETTINGS");
        WaitForAsyncUtils.waitForFxEvents();
        scrollTo(robot, "#onboardingPathsSection");
        robot.clickOn("#addPath");
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> {
            robot.lookup("#pathName").queryAs(TextField.class).setText("新销售 45 天上手路径");
            robot.lookup("#pathDescription").queryAs(TextField.class).setText("华东区新销售");
            text(robot, ".path-stage-name", 0).setText("熟悉产品");
            text(robot, ".path-stage-to", 0).setText("14");
        });
        robot.clickOn(".path-add-step");
        robot.interact(() -> {
            text(robot, ".path-step-title", 0).setText("学习主力产品手册");
            text(robot, ".path-step-due", 0).setText("7");
        });
        robot.clickOn(".path-add-step");
        robot.interact(() -> {
            ((ComboBox<StepKind>) robot.lookup(".path-step-kind").nth(1).query()).setValue(StepKind.DRILL);
            text(robot, ".path-step-title", 1).setText("产品讲解演练");
            text(robot, ".path-step-due", 1).setText("14");
            text(robot, ".path-step-pass", 1).setText("75");
        });
        robot.clickOn("#pathAddStage");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".path-stage-to").nth(1).queryAs(TextField.class).getText())
                .as("a new stage runs 30 days from the day after the last one").isEqualTo("44");
        robot.interact(() -> {
            text(robot, ".path-stage-name", 1).setText("跟访实战");
            text(robot, ".path-stage-to", 1).setText("45");
        });
        robot.interact(() -> robot.lookup(".path-add-step").nth(1).queryAs(javafx.scene.control.Button.class).fire());
        robot.interact(() -> {
            ((ComboBox<StepKind>) robot.lookup(".path-step-kind").nth(2).query()).setValue(StepKind.FEEDBACK);
            text(robot, ".path-step-title", 2).setText("45 天导师反馈");
            text(robot, ".path-step-due", 2).setText("10");
            text(robot, ".path-step-questions", 2).setText("产品知识、客户沟通、拜访记录");
        });
        assertThat(robot.lookup("#pathSummary").queryAs(Label.class).getText()).isEqualTo("共 2 个阶段 · 45 天 · 3 个步骤");

        // A due day outside its stage is named, and nothing is saved.
        robot.clickOn("#pathSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(n -> n instanceof Label && n.isVisible()
                && (n.getStyleClass().contains("field-problem") || n.getStyleClass().contains("general-problem")))
                .queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(t -> assertThat(t).contains("步骤“45 天导师反馈”的到期日不在阶段“跟访实战”的天数之内"));
        assertThat(context.onboarding().paths()).isEmpty();

        robot.interact(() -> text(robot, ".path-step-due", 2).setText("45"));
        robot.clickOn("#pathSave");
        WaitForAsyncUtils.waitForFxEvents();

        OnboardingPath saved = context.onboarding().paths().get(0);
        assertThat(saved.name()).isEqualTo("新销售 45 天上手路径");
        assertThat(saved.definition().stages()).extracting(PathStage::name, PathStage::fromDay, PathStage::toDay)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("熟悉产品", 1, 14),
                        org.assertj.core.groups.Tuple.tuple("跟访实战", 15, 45));
        assertThat(saved.definition().steps()).extracting(s -> s.kind(), s -> s.passScore(), s -> s.questions())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(StepKind.LEARNING, null, List.of()),
                        org.assertj.core.groups.Tuple.tuple(StepKind.DRILL, 75, List.of()),
                        org.assertj.core.groups.Tuple.tuple(StepKind.FEEDBACK, null, List.of("产品知识", "客户沟通", "拜访记录")));
        TableView<OnboardingPath> table = robot.lookup("#pathTable").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(OnboardingPath::name).containsExactly("新销售 45 天上手路径");
        assertThat(table.getColumns().stream().map(c -> String.valueOf(c.getCellData(0))))
                .contains("熟悉产品 → 跟访实战", "学习 1 · 演练 1 · 导师反馈 1");

        Actor manager = context.currentUser().asActor();
        List<User> reps = context.users().visibleOwners(manager).stream()
                .filter(u -> !u.id().equals(manager.userId())).toList();
        User hire = reps.get(0);
        User mentor = reps.get(1);
        robot.clickOn("#nav-MY_DAY");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#growthAssign");
        ComboBox<Object> pathBox = robot.lookup("#growthPath").queryAs(ComboBox.class);
        assertThat(pathBox.getConverter().toString(pathBox.getValue())).isEqualTo("新销售 45 天上手路径（45 天）");
        robot.interact(() -> {
            robot.lookup("#growthHire").queryAs(ComboBox.class).setValue(hire);
            robot.lookup("#growthMentor").queryAs(ComboBox.class).setValue(mentor);
        });
        robot.clickOn("#growthAssignSave");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(context.tasks().myOpen(hire.asActor(), 100)).extracting(Task::title)
                .contains("成长路径：学习主力产品手册");
        assertThat(context.tasks().myOpen(mentor.asActor(), 100)).extracting(Task::title)
                .anySatisfy(t -> assertThat(t).contains("产品讲解演练"))
                .anySatisfy(t -> assertThat(t).contains("45 天导师反馈"));
    }

    private static TextField text(FxRobot robot, String style, int index) {
        return robot.lookup(style).nth(index).queryAs(TextField.class);
    }

    private static void scrollTo(FxRobot robot, String id) {
        Node section = robot.lookup(id).query();
        ScrollPane scroll = robot.lookup(".scroll-pane").match(n -> ((ScrollPane) n).getContent() != null
                && ((ScrollPane) n).getContent().lookup(id) != null).queryAs(ScrollPane.class);
        robot.interact(() -> {
            double content = scroll.getContent().getBoundsInLocal().getHeight();
            double view = scroll.getViewportBounds().getHeight();
            double top = section.getBoundsInParent().getMinY();
            scroll.setVvalue(Math.min(1, top / Math.max(1, content - view)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
