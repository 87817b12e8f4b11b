package io.salesdesk.app.settings;

import io.salesdesk.app.UiRobots;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
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

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.workflow.sla.SlaRule;
import io.salesdesk.workflow.sla.SlaRuleRepository;

/**
 * Settings as the administrator uses it for the company's lead rules: a follow-up rule's escalation
 * is moved through its dialog, and the daily pool claim limit is changed, both kept in the database.
 */
@ExtendWith(ApplicationExtension.class)
class LeadSettingsUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
        context = workspace.context();
        context.setCurrentUser(context.users().byUsername("admin").orElseThrow());
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
    void escalatingTheTierARuleAfterFourDaysIsSavedAs5760Minutes(FxRobot robot) {
        robot.clickOn("#nav-SETTINGS");
        UiRobots.reveal(robot, "#editSlaRule-followUpA");
        robot.clickOn("#editSlaRule-followUpA");
        TextField escalate = robot.lookup("#slaRuleEscalate").queryAs(TextField.class);
        assertThat(escalate.getText()).isEqualTo("3");
        robot.interact(escalate::clear);
        robot.clickOn(escalate).write("4");
        robot.clickOn("#slaRuleSave");
        WaitForAsyncUtils.waitForFxEvents();

        SlaRule rule = context.slaRules().rules().stream().filter(r -> r.code().equals("followUpA"))
                .findFirst().orElseThrow();
        assertThat(rule.escalateAfterMinutes()).isEqualTo(5760);
        assertThat(rule.remindAfterMinutes()).isEqualTo(2880);
        assertThat(robot.lookup("#slaRuleSave").tryQuery()).isEmpty();
    }

    @Test
    void theDailyClaimLimitIsSavedFromThePoolSection(FxRobot robot) {
        robot.clickOn("#nav-SETTINGS");
        UiRobots.reveal(robot, "#savePoolLimits");
        TextField limit = robot.lookup("#dailyClaimLimit .text-field").queryAs(TextField.class);
        robot.interact(limit::clear);
        robot.clickOn(limit).write("3");
        robot.clickOn("#savePoolLimits");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(context.pool().dailyClaimLimit()).isEqualTo(3);
    }

    @Test
    void aRuleTheSchedulerSwitchedOffShowsWhyInItsRow(FxRobot robot) {
        SlaRule rule = context.slaRules().rules().stream().filter(r -> r.code().equals("followUpC"))
                .findFirst().orElseThrow();
        String reason = "字段「lastVisitAt」已不存在，规则已停用。请改选字段后重新启用。";
        context.database().transaction(cfg -> SlaRuleRepository.using(cfg).disable(rule.id(), reason));

        robot.clickOn("#nav-SETTINGS");

        assertThat(robot.lookup("#slaDisabledReason-followUpC").queryAs(Label.class).getText()).isEqualTo(reason);
        assertThat(robot.lookup("#slaEnabled-followUpC").queryAs(CheckBox.class).isSelected()).isFalse();
    }

    @Test
    void aWorkingTimeRuleIsGivenInHoursNeverInDaysThatWouldMeanTwentyFourWorkingHours(FxRobot robot) {
        robot.clickOn("#nav-SETTINGS");
        UiRobots.reveal(robot, "#editSlaRule-followUpB");
        robot.clickOn("#editSlaRule-followUpB");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Object> unit = robot.lookup("#slaRuleEscalateUnit")
                .queryAs(javafx.scene.control.ComboBox.class);
        TextField escalate = robot.lookup("#slaRuleEscalate").queryAs(TextField.class);
        String days = escalate.getText();
        robot.clickOn("#slaRuleWorkingTime");

        assertThat(unit.getItems()).extracting(Object::toString).doesNotContain("DAYS");
        assertThat(escalate.getText()).as("the same limit, re-expressed in hours")
                .isEqualTo(Integer.toString(Integer.parseInt(days) * 24));
        robot.clickOn("#slaRuleWorkingTime");
        assertThat(escalate.getText()).isEqualTo(days);
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void theNationalDayWeekIsEnteredInOneGoAndADayCanBeMadeOrdinaryAgain(FxRobot robot) {
        robot.clickOn("#nav-SETTINGS");
        UiRobots.reveal(robot, "#calendarAdd");
        robot.interact(() -> {
            robot.lookup("#calendarFrom").queryAs(javafx.scene.control.DatePicker.class)
                    .setValue(java.time.LocalDate.of(2027, 10, 1));
            robot.lookup("#calendarTo").queryAs(javafx.scene.control.DatePicker.class)
                    .setValue(java.time.LocalDate.of(2027, 10, 7));
        });
        robot.clickOn("#calendarAdd");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#calendarStatus").queryAs(Label.class).getText()).as("no name, nothing added")
                .isEqualTo(io.salesdesk.app.common.I18n.get("calendar.name.required"));
        assertThat(context.calendar().days()).isEmpty();

        robot.clickOn("#calendarName").write("国庆节");
        robot.clickOn("#calendarAdd");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(context.calendar().days()).hasSize(7);
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<io.salesdesk.workflow.sla.CalendarDay> table =
                robot.lookup("#calendarTable").queryAs(javafx.scene.control.TableView.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(7);

        robot.interact(() -> table.scrollTo(6));
        UiRobots.reveal(robot, "#calendarRemove-2027-10-07");
        robot.clickOn("#calendarRemove-2027-10-07");
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> table.getItems().size() == 6);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the table still lists " + table.getItems().size() + " days", e);
        }
        assertThat(context.calendar().days()).hasSize(6)
                .noneMatch(d -> d.day().equals(java.time.LocalDate.of(2027, 10, 7)));
    }

    @Test
    void theIndexUnderTheTitleScrollsToTheApprovalFlows(FxRobot robot) {
        robot.clickOn("#nav-SETTINGS");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Button jump = robot.lookup("#settingsIndex .button")
                .match(n -> "审批流程".equals(((javafx.scene.control.Button) n).getText()))
                .queryAs(javafx.scene.control.Button.class);
        javafx.scene.control.ScrollPane scroll = robot.lookup(".scroll-pane")
                .match(n -> ((javafx.scene.control.ScrollPane) n).getContent() != null
                        && "settingsPage".equals(((javafx.scene.control.ScrollPane) n).getContent().getId()))
                .queryAs(javafx.scene.control.ScrollPane.class);
        assertThat(scroll.getVvalue()).isZero();

        robot.clickOn(jump);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(scroll.getVvalue()).as("the last section is at the end of the page").isGreaterThan(0.9);
    }
}
