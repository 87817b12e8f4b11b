package io.salesdesk.app.studio.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.User;
import io.salesdesk.studio.onboarding.OnboardingProgress;
import io.salesdesk.studio.onboarding.StepProgress;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
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
 * 新人成长 on the manager's My Day in the real main window: putting a rep on the 90-day path with a mentor
 * from the pane, seeing them listed, and scoring their first drill from it.
 */
@ExtendWith(ApplicationExtension.class)
class GrowthPaneUiTest {

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
        MainWindow window = new MainWindow(context, workspace.appearance());
        stage.setScene(window.createScene());
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aManagerPutsARepOnThePathAndScoresHisDrillFromMyDay(FxRobot robot) {
        Actor manager = context.currentUser().asActor();
        List<User> reps = context.users().visibleOwners(manager).stream()
                .filter(u -> !u.id().equals(manager.userId())).toList();
        User hire = reps.get(0);
        User mentor = reps.get(1);
        robot.clickOn("#nav-MY_DAY");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<OnboardingProgress> hires = robot.lookup("#growthHires").queryAs(ListView.class);
        assertThat(robot.lookup("#teamGrowth").queryAs(Node.class).isVisible()).isTrue();
        assertThat(robot.lookup("#myGrowth").queryAs(Node.class).isVisible()).isFalse();
        assertThat(hires.getItems()).isEmpty();

        robot.clickOn("#growthAssign");
        ComboBox<User> hireBox = robot.lookup("#growthHire").queryAs(ComboBox.class);
        ComboBox<User> mentorBox = robot.lookup("#growthMentor").queryAs(ComboBox.class);
        assertThat(robot.lookup("#growthPath").queryAs(ComboBox.class).getConverter()
                .toString(robot.lookup("#growthPath").queryAs(ComboBox.class).getValue()))
                .isEqualTo("新员工 90 天成长路径（内置，选中后添加）");
        robot.interact(() -> {
            hireBox.setValue(hire);
            mentorBox.setValue(mentor);
        });
        robot.clickOn("#growthAssignSave");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(hires.getItems()).extracting(p -> p.assignment().hireName()).containsExactly(hire.displayName());
        assertThat(context.tasks().myOpen(hire.asActor(), 100)).extracting(t -> t.title())
                .contains("成长路径：学习主力产品手册与报价规则");

        robot.interact(() -> hires.getSelectionModel().select(0));
        robot.clickOn("#growthRecord");
        Spinner<Integer> score = robot.lookup("#growthScore").queryAs(Spinner.class);
        robot.interact(() -> score.getValueFactory().setValue(90));
        robot.clickOn("#growthRecordSave");
        WaitForAsyncUtils.waitForFxEvents();

        OnboardingProgress progress = context.onboarding().team(manager, LocalDate.now(context.clock())).get(0);
        StepProgress drill = progress.steps().stream().filter(s -> s.step().key().equals("pitch-drill"))
                .findFirst().orElseThrow();
        assertThat(drill.state()).isEqualTo(StepProgress.State.DONE);
        assertThat(hires.getItems().get(0).latestDrill().orElseThrow().record().score()).isEqualTo(90);
    }
}
