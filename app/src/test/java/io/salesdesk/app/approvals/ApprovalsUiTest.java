package io.salesdesk.app.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.commerce.contract.Contract;
import io.salesdesk.commerce.contract.ContractDraft;
import io.salesdesk.commerce.contract.ContractStatus;
import io.salesdesk.commerce.demo.DemoApprovalFlows;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.User;
import io.salesdesk.workflow.approval.ApprovalDelegation;
import io.salesdesk.workflow.approval.ApprovalTask;
import io.salesdesk.workflow.approval.RequestStatus;
import io.salesdesk.workflow.approval.SignerPosition;
import io.salesdesk.workflow.approval.TaskStatus;

/**
 * 审批 as the people of the seed flow use it: a rep's 600,000 contract goes to legal, finance and the
 * GM at once; legal approves from the inbox, finance rejects with a reason, and the rep sees the
 * request rejected and the contract back in draft.
 */
@ExtendWith(ApplicationExtension.class)
class ApprovalsUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    static User rep;
    static User legal;
    static User finance;
    static User gm;
    MainWindow window;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
        context = workspace.context();
        new DemoApprovalFlows(context.database(), context.clock(), context.approvals()).create();
        rep = context.users().byUsername("rep.sh1").orElseThrow();
        legal = context.users().byUsername("legal").orElseThrow();
        finance = context.users().byUsername("finance").orElseThrow();
        gm = context.users().byUsername("gm").orElseThrow();
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @Start
    void start(Stage stage) {
        context.setCurrentUser(rep);
        window = new MainWindow(context, workspace.appearance());
        stage.setScene(window.createScene());
        stage.show();
    }

    @Test
    void legalApprovesFromTheInboxAndFinanceRejectsWithAReasonWhichReturnsTheContractToDraft(FxRobot robot) {
        Contract contract = submittedByRep("600000");

        openApprovalsAs(robot, legal);
        ApprovalItem line = line(robot, contract);
        assertThat(robot.lookup(".approval-countdown").queryAllAs(Label.class)).as("24 hours to decide")
                .anyMatch(l -> l.getText().equals("还剩 24 小时"));
        int waiting = context.approvals().inbox(legal.asActor()).size();
        assertThat(badge(robot)).as("pending approvals beside 审批").isEqualTo(waiting);
        select(robot, line);
        assertThat(robot.lookup("#approvalDetailTitle").queryAs(Label.class).getText()).contains(contract.contractNo());
        robot.clickOn("#approvalsList");
        robot.press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(context.approvals().done(legal.asActor(), 10)).filteredOn(t -> t.recordId().equals(contract.id()))
                .singleElement().extracting(ApprovalTask::status).isEqualTo(TaskStatus.APPROVED);
        assertThat(list(robot).getItems()).as("gone from legal's inbox")
                .noneMatch(i -> i.requestId().equals(line.requestId()));
        assertThat(badge(robot)).isEqualTo(waiting - 1);

        openApprovalsAs(robot, finance);
        select(robot, line(robot, contract));
        robot.clickOn("#approvalNote").write("回款节点不合规，首付款至少 30%");
        robot.clickOn("#approvalReject");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(context.contracts().find(rep.asActor(), contract.id()).orElseThrow().status())
                .isEqualTo(ContractStatus.DRAFT);
        openApprovalsAs(robot, rep);
        robot.clickOn("#approvalsView-SUBMITTED");
        WaitForAsyncUtils.waitForFxEvents();
        ApprovalItem mine = line(robot, contract);
        assertThat(mine.request().status()).isEqualTo(RequestStatus.REJECTED);
        select(robot, mine);
        assertThat(robot.lookup("#approvalDetailStatus").queryAs(Label.class).getText()).isEqualTo("已驳回");
        assertThat(robot.lookup("#approvalHistory .label").queryAllAs(Label.class))
                .anyMatch(l -> l.getText().equals("回款节点不合规，首付款至少 30%"));
    }

    @Test
    void aRejectionWithoutAReasonIsRefusedAtTheFieldAndChangesNothing(FxRobot robot) {
        Contract contract = submittedByRep("700000");

        openApprovalsAs(robot, gm);
        select(robot, line(robot, contract));
        robot.clickOn("#approvalReject");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".field-problem").queryAllAs(Label.class))
                .anyMatch(l -> l.isVisible() && l.getText().contains("驳回原因"));
        assertThat(context.approvals().inbox(gm.asActor())).anyMatch(t -> t.recordId().equals(contract.id()));
        assertThat(context.contracts().find(rep.asActor(), contract.id()).orElseThrow().status())
                .isEqualTo(ContractStatus.IN_APPROVAL);
    }

    @Test
    void anApprovalOnARequestRecalledMeanwhileIsRefusedInThePaneAndTheInboxRefreshes(FxRobot robot) {
        Contract contract = submittedByRep("800000");

        openApprovalsAs(robot, legal);
        ApprovalItem line = line(robot, contract);
        select(robot, line);
        context.approvals().recall(rep.asActor(), line.requestId(), null);
        robot.clickOn("#approvalApprove");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#approvalProblem").queryAs(Label.class).getText()).contains("法务审核");
        assertThat(list(robot).getItems()).noneMatch(i -> i.requestId().equals(line.requestId()));
        assertThat(robot.lookup("#approvalDecision").queryAs(Node.class).isVisible()).as("nothing left to decide")
                .isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTransferMovesTheTaskToTheColleaguesInbox(FxRobot robot) {
        Contract contract = submittedByRep("200000");
        User manager = context.users().byUsername("manager.sh").orElseThrow();
        User other = context.users().byUsername("manager.js").orElseThrow();

        openApprovalsAs(robot, manager);
        select(robot, line(robot, contract));
        robot.clickOn("#approvalTransfer");
        ComboBox<User> to = robot.lookup("#approvalTransferTo").queryAs(ComboBox.class);
        assertThat(to.getItems()).as("never to oneself").noneMatch(u -> u.id().equals(manager.id()));
        robot.interact(() -> to.setValue(to.getItems().stream().filter(u -> u.id().equals(other.id())).findFirst()
                .orElseThrow()));
        robot.clickOn("#approvalTransferConfirm");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(context.approvals().inbox(manager.asActor())).noneMatch(t -> t.recordId().equals(contract.id()));
        assertThat(context.approvals().inbox(other.asActor())).anyMatch(t -> t.recordId().equals(contract.id()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSignerAddedBeforeMeFromTheInboxGetsTheTaskFirstAndTheRouteAndHistoryShowIt(FxRobot robot) {
        Contract contract = submittedByRep("210000");
        User manager = context.users().byUsername("manager.sh").orElseThrow();

        openApprovalsAs(robot, manager);
        select(robot, line(robot, contract));
        robot.clickOn("#approvalAddSigner");
        ComboBox<User> who = robot.lookup("#approvalSignerUser").queryAs(ComboBox.class);
        assertThat(who.getItems()).as("never oneself nor the submitter")
                .noneMatch(u -> u.id().equals(manager.id()) || u.id().equals(rep.id()));
        robot.interact(() -> who.setValue(who.getItems().stream().filter(u -> u.id().equals(finance.id()))
                .findFirst().orElseThrow()));
        robot.clickOn("#approvalSignerBefore");
        assertThat(robot.lookup("#approvalSignerHint").queryAs(Label.class).getText()).contains("先审批");
        robot.clickOn("#approvalSignerNote").write("请财务先核首付款比例");
        robot.clickOn("#approvalSignerConfirm");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(context.approvals().inbox(manager.asActor())).noneMatch(t -> t.recordId().equals(contract.id()));
        assertThat(context.approvals().inbox(finance.asActor())).filteredOn(t -> t.recordId().equals(contract.id()))
                .singleElement().extracting(ApprovalTask::addedPosition).isEqualTo(SignerPosition.BEFORE);
        assertThat(robot.lookup("#approvalRoute .approval-added").queryAllAs(Label.class))
                .anyMatch(l -> l.getText().equals("前加签"));
        assertThat(robot.lookup("#approvalHistory .label").queryAllAs(Label.class))
                .anyMatch(l -> l.getText().contains("前加签 " + finance.displayName()))
                .anyMatch(l -> l.getText().equals("请财务先核首付款比例"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDelegationSetInTheDialogShowsInTheBannerAndItsTasksSayForWhom(FxRobot robot) {
        User away = context.users().byUsername("manager.sh").orElseThrow();
        try {
            openApprovalsAs(robot, away);
            assertThat(robot.lookup("#approvalsDelegationBanner").queryAs(Label.class).isVisible()).isFalse();
            robot.clickOn("#approvalsDelegation");
            ComboBox<User> to = robot.lookup("#delegationDelegate").queryAs(ComboBox.class);
            robot.interact(() -> to.setValue(to.getItems().stream().filter(u -> u.id().equals(gm.id())).findFirst()
                    .orElseThrow()));
            robot.clickOn("#delegationNote").write("参加广州医疗器械展");
            robot.clickOn("#delegationSave");
            WaitForAsyncUtils.waitForFxEvents();

            Label banner = robot.lookup("#approvalsDelegationBanner").queryAs(Label.class);
            assertThat(banner.isVisible()).isTrue();
            assertThat(banner.getText()).startsWith("委托中：").contains(gm.displayName());
            Contract contract = submittedByRep("220000");
            openApprovalsAs(robot, gm);
            ApprovalItem delegated = line(robot, contract);
            assertThat(delegated.task().onBehalfOfId()).isEqualTo(away.id());
            assertThat(robot.lookup("#approvalsList .label").queryAllAs(Label.class))
                    .anyMatch(l -> l.getText().contains("代 " + away.displayName() + " 审批"));
        } finally {
            // The workspace is shared by the tests of this class: manager.sh signs their own tasks again.
            for (ApprovalDelegation d : context.approvals().delegations(away.asActor())) {
                context.approvals().cancelDelegation(away.asActor(), d.id());
            }
        }
    }

    @Test
    void theSubmitterRecallsAPendingRequestAndTheContractIsADraftAgain(FxRobot robot) {
        Contract contract = submittedByRep("150000");

        openApprovalsAs(robot, rep);
        robot.clickOn("#approvalsView-SUBMITTED");
        WaitForAsyncUtils.waitForFxEvents();
        select(robot, line(robot, contract));
        robot.clickOn("#approvalRecall");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(line(robot, contract).request().status()).isEqualTo(RequestStatus.RECALLED);
        assertThat(context.contracts().find(rep.asActor(), contract.id()).orElseThrow().status())
                .isEqualTo(ContractStatus.DRAFT);
        assertThat(robot.lookup("#approvalDetailStatus").queryAs(Label.class).getText()).isEqualTo("已撤回");
    }

    private static Contract submittedByRep(String amount) {
        var customer = context.customers().page(rep.asActor(), CustomerQuery.all(), 0, 1).get(0);
        Contract draft = context.contracts().create(rep.asActor(), new ContractDraft("监护仪采购合同", customer.id(),
                null, null, null, new BigDecimal(amount), null, null));
        return context.contracts().submitForApproval(rep.asActor(), draft.id(), draft.version());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGmReassignsLegalsTaskToAnotherColleagueWithAReasonKeptInTheHistory(FxRobot robot) {
        Contract contract = submittedByRep("650000");
        User admin = context.users().byUsername("admin").orElseThrow();

        openApprovalsAs(robot, gm);
        ApprovalItem line = line(robot, contract);
        select(robot, line);
        ComboBox<ApprovalTask> task = robot.lookup("#approvalReassignTask").queryAs(ComboBox.class);
        ComboBox<User> to = robot.lookup("#approvalReassignTo").queryAs(ComboBox.class);
        assertThat(task.getItems()).as("the open tasks of others, not the GM's own")
                .extracting(ApprovalTask::approverId).contains(legal.id(), finance.id()).doesNotContain(gm.id());
        robot.interact(() -> {
            task.setValue(task.getItems().stream().filter(t -> t.approverId().equals(legal.id())).findFirst()
                    .orElseThrow());
            to.setValue(admin);
        });
        robot.clickOn("#approvalReassignReason").write("法务休长假，由管理员代审");
        robot.clickOn("#approvalReassignConfirm");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(context.approvals().inbox(legal.asActor())).noneMatch(t -> t.recordId().equals(contract.id()));
        assertThat(context.approvals().inbox(admin.asActor())).anyMatch(t -> t.recordId().equals(contract.id()));
        assertThat(robot.lookup("#approvalHistory .label").queryAllAs(Label.class))
                .anyMatch(l -> l.getText().equals("法务休长假，由管理员代审"));
    }

    private void openApprovalsAs(FxRobot robot, User user) {
        robot.interact(() -> {
            context.setCurrentUser(user);
            window.reload();
        });
        robot.clickOn("#nav-APPROVALS");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static ListView<ApprovalItem> list(FxRobot robot) {
        return robot.lookup("#approvalsList").queryAs(ListView.class);
    }

    private static ApprovalItem line(FxRobot robot, Contract contract) {
        return list(robot).getItems().stream().filter(i -> i.title().contains(contract.contractNo())).findFirst()
                .orElseThrow(() -> new AssertionError(contract.contractNo() + " is not listed"));
    }

    private static int badge(FxRobot robot) {
        Label badge = robot.lookup("#approvalsBadge").queryAs(Label.class);
        return badge.isVisible() ? Integer.parseInt(badge.getText()) : 0;
    }

    private static void select(FxRobot robot, ApprovalItem item) {
        robot.interact(() -> list(robot).getSelectionModel().select(item));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
