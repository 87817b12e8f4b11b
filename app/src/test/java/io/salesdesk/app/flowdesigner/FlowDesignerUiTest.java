package io.salesdesk.app.flowdesigner;

import io.salesdesk.app.UiRobots;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

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
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.commerce.contract.ContractService;
import io.salesdesk.commerce.demo.DemoApprovalFlows;
import io.salesdesk.crm.User;
import io.salesdesk.workflow.approval.FlowSummary;
import io.salesdesk.workflow.approval.flow.ApprovalStep;
import io.salesdesk.workflow.approval.flow.ApproverKind;
import io.salesdesk.workflow.approval.flow.Approvers;
import io.salesdesk.workflow.approval.flow.Branches;
import io.salesdesk.workflow.approval.flow.FieldTest;
import io.salesdesk.workflow.approval.flow.FlowDefinition;
import io.salesdesk.workflow.approval.flow.Operator;

/**
 * The administrator opens the seed contract flow from Settings → 审批流程, raises the threshold to
 * 800,000, adds a named approver after the manager and forgets to pick the person — the check marks
 * that step red — picks them, tries the unsaved flow in the simulator and saves version 2.
 */
@ExtendWith(ApplicationExtension.class)
class FlowDesignerUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    static User finance;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
        context = workspace.context();
        new DemoApprovalFlows(context.database(), context.clock(), context.approvals()).create();
        context.setCurrentUser(context.users().byUsername("admin").orElseThrow());
        finance = context.users().byUsername("finance").orElseThrow();
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
    void theThresholdIsRaisedAStepAddedCheckedSimulatedAndSavedAsANewVersion(FxRobot robot) throws TimeoutException {
        robot.clickOn("#nav-SETTINGS");
        UiRobots.reveal(robot, "#flowDesign-contract-submit");
        robot.clickOn("#flowDesign-contract-submit");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#fdNode-legal").tryQuery()).as("the seed flow is drawn").isPresent();
        assertThat(texts(robot, "#fdBranch-byAmount-0")).contains("金额 > 500,000");

        robot.clickOn("#fdBranch-byAmount-0");
        TextField value = robot.lookup("#fdConditionValue-0").queryAs(TextField.class);
        robot.interact(() -> value.setText("800000"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(texts(robot, "#fdBranch-byAmount-0")).contains("金额 > 800,000");

        MenuButton add = robot.lookup("#fdAdd-byAmount-1-1").queryAs(MenuButton.class);
        robot.interact(() -> add.getItems().get(0).fire());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<ApproverKind> kind = robot.lookup("#fdApproverKind").queryAs(ComboBox.class);
        robot.interact(() -> kind.setValue(ApproverKind.USER));
        robot.clickOn("#fdCheck");
        WaitForAsyncUtils.waitForFxEvents();

        Node added = robot.lookup("#fdNode-step1").query();
        assertThat(added.getStyleClass()).as("the step without approver is marked").contains("fd-invalid");
        assertThat(texts(robot, "#fdNode-step1")).anyMatch(t -> t.contains("没有审批人"));
        assertThat(robot.lookup("#fdProblemSummary").query().isVisible()).isTrue();
        assertThat(robot.lookup("#fdNode-manager").query().getStyleClass()).doesNotContain("fd-invalid");
        UiRobots.screenshot(robot, "#flowDesigner", "flow-designer-problem.png");

        @SuppressWarnings("unchecked")
        ComboBox<User> user = robot.lookup("#fdApproverUser").queryAs(ComboBox.class);
        robot.interact(() -> user.setValue(user.getItems().stream()
                .filter(u -> u.username().equals("finance")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#fdNode-step1").query().getStyleClass()).as("fixed").doesNotContain("fd-invalid");
        assertThat(texts(robot, "#fdNode-step1")).contains(finance.displayName());

        simulatesTheUnsavedFlow(robot);

        robot.clickOn("#fdSave");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#fdStatus").queryAs(Label.class)
                .getText().startsWith("已保存为第 2 版"));
        FlowSummary saved = context.approvals().flows().stream()
                .filter(f -> f.entity().equals(ContractService.APPROVAL_ENTITY)).findFirst().orElseThrow();
        assertThat(saved.currentVersion()).isEqualTo(2);
        FlowDefinition flow = context.approvals().flow("contract", "submit").orElseThrow();
        Branches byAmount = (Branches) flow.nodes().get(0);
        assertThat(byAmount.branches().get(0).condition()).isEqualTo(new FieldTest("amount", Operator.GT, "800000"));
        assertThat(byAmount.branches().get(1).nodes()).last().isInstanceOfSatisfying(ApprovalStep.class,
                s -> assertThat(s.approvers()).isEqualTo(Approvers.user("finance")));
        UiRobots.screenshot(robot, "#flowDesigner", "flow-designer.png");
        closeDesigner(robot);
    }

    /** 600,000 is under the new threshold: the unsaved flow routes it to the manager and then finance. */
    private void simulatesTheUnsavedFlow(FxRobot robot) {
        robot.clickOn("#fdTabSimulate");
        TextField amount = robot.lookup("#fdSimulateField-amount").queryAs(TextField.class);
        robot.interact(() -> amount.setText("600000"));
        @SuppressWarnings("unchecked")
        ComboBox<User> as = robot.lookup("#fdSimulateAs").queryAs(ComboBox.class);
        robot.interact(() -> as.setValue(as.getItems().stream().filter(u -> u.username().equals("rep.sh1"))
                .findFirst().orElseThrow()));
        robot.clickOn("#fdSimulateRun");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#fdSimulateResult #approvalStep-manager").tryQuery()).isPresent();
        assertThat(robot.lookup("#fdSimulateResult #approvalStep-step1").tryQuery()).isPresent();
        assertThat(robot.lookup("#fdSimulateResult #approvalStep-legal").tryQuery()).isEmpty();
        assertThat(robot.lookup("#fdSimulateResult .label").queryAllAs(Label.class))
                .anyMatch(l -> l.getText().equals(finance.displayName()));
    }

    @Test
    void anUnroutableStepIsExplainedInTheSimulator(FxRobot robot) {
        robot.clickOn("#nav-SETTINGS");
        UiRobots.reveal(robot, "#flowDesign-contract-submit");
        robot.clickOn("#flowDesign-contract-submit");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#fdTabSimulate");
        TextField amount = robot.lookup("#fdSimulateField-amount").queryAs(TextField.class);
        robot.interact(() -> amount.setText("300000"));
        @SuppressWarnings("unchecked")
        ComboBox<User> as = robot.lookup("#fdSimulateAs").queryAs(ComboBox.class);
        // The general manager has no manager: "the submitter's manager" finds nobody.
        robot.interact(() -> as.setValue(as.getItems().stream().filter(u -> u.username().equals("gm"))
                .findFirst().orElseThrow()));
        robot.clickOn("#fdSimulateRun");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#fdSimulateProblem").queryAs(Label.class).getText())
                .isEqualTo(I18n.get("approval.noApprover", "区域经理审批"));
        closeDesigner(robot);
    }

    private static java.util.List<String> texts(FxRobot robot, String query) {
        return robot.lookup(query + " .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private static void closeDesigner(FxRobot robot) {
        Window designer = robot.lookup("#flowDesigner").query().getScene().getWindow();
        robot.interact(designer::hide);
    }
}
