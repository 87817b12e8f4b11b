package io.salesdesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
import io.salesdesk.app.common.FormField;
import io.salesdesk.board.task.Task;
import io.salesdesk.board.task.TaskFilter;
import io.salesdesk.board.task.TaskStatus;
import io.salesdesk.crm.Activity;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.FollowUpDue;
import io.salesdesk.crm.User;
import io.salesdesk.crm.approval.ChangeApproval;
import io.salesdesk.core.Role;
import io.salesdesk.workflow.approval.flow.ApprovalStep;
import io.salesdesk.workflow.approval.flow.Approvers;
import io.salesdesk.workflow.approval.flow.Branch;
import io.salesdesk.workflow.approval.flow.Branches;
import io.salesdesk.workflow.approval.flow.Expression;
import io.salesdesk.workflow.approval.flow.FlowDefinition;
import io.salesdesk.workflow.approval.flow.SignMode;

/** The real main window on a real embedded database, driven as a regional manager would. */
@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest {

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

    private static void settle(FxRobot robot) {
        // The search waits 150 ms for the typing to stop before it queries.
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TableView<Customer> table(FxRobot robot) {
        return robot.lookup("#customerTable").queryAs(TableView.class);
    }

    @Test
    void typingPartOfANameFiltersTheTableToIt(FxRobot robot) {
        Customer wanted = context.customers().page(context.currentUser().asActor(), CustomerQuery.all(), 37, 1).get(0);
        String part = wanted.name().substring(Math.max(0, wanted.name().length() - 10));

        robot.clickOn("#customerSearch").write(part);
        settle(robot);

        TableView<Customer> table = table(robot);
        assertThat(table.getItems()).contains(wanted);
        assertThat(table.getItems()).allSatisfy(c -> assertThat(c.name() + c.phone() + c.creditCode()).contains(part));
        assertThat(robot.lookup("#customerCount").queryAs(Label.class).getText())
                .isEqualTo("共 " + table.getItems().size() + " 位客户");
    }

    @Test
    void customerCreatedInTheFormAppearsInTheList(FxRobot robot) {
        String name = "苏州测试新建医疗器械有限公司";

        robot.clickOn("#newCustomer");
        robot.clickOn("#customerName").write(name);
        robot.clickOn("#customerPhone").write("0512-65231234");
        robot.clickOn("#customerSave");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#customerSearch").write(name);
        settle(robot);

        assertThat(table(robot).getItems()).extracting(Customer::name).containsExactly(name);
        assertThat(robot.lookup("#detailName").queryAs(Label.class).getText()).isEqualTo(name);
    }

    @Test
    void wrongCreditCodeIsShownAtTheFieldAndNothingIsSaved(FxRobot robot) {
        String name = "杭州校验位错误测试有限公司";

        robot.clickOn("#newCustomer");
        robot.clickOn("#customerName").write(name);
        robot.clickOn("#customerCreditCode").write("91330106MA2B3C4D5X");
        robot.clickOn("#customerSave");
        WaitForAsyncUtils.waitForFxEvents();

        TextField creditCode = robot.lookup("#customerCreditCode").queryAs(TextField.class);
        FormField field = (FormField) creditCode.getParent();
        assertThat(field.hasProblem()).isTrue();
        assertThat(field.problemLabel().getText()).contains("统一社会信用代码");
        assertThat(creditCode.getPseudoClassStates()).extracting(Object::toString).contains("danger");
        assertThat(context.customers().count(context.currentUser().asActor(), CustomerQuery.all().withText(name)))
                .isZero();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void visitLoggedInThreeClicksIsOnTopOfTheTimeline(FxRobot robot) {
        String note = "拜访设备科王主任，确认下月招标时间";
        TableView<Customer> table = table(robot);
        robot.clickOn(robot.lookup("#customerTable .table-row-cell").nth(2).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        Customer selected = table.getSelectionModel().getSelectedItem();

        robot.clickOn("#followUpVISIT");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextArea noteField = robot.lookup("#followUpNote").queryAs(javafx.scene.control.TextArea.class);
        assertThat(noteField.isFocused()).as("note focused").isTrue();
        // TestFX types into the window of the last click (the main window); the user's keyboard
        // goes to the dialog, which has the focus.
        robot.targetWindow(noteField.getScene().getWindow()).write(note);
        assertThat(noteField.getText()).isEqualTo(note);
        robot.clickOn("#followUpSave");
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        ListView<Activity> timeline = robot.lookup("#timeline").queryAs(ListView.class);
        Activity top = timeline.getItems().get(0);
        assertThat(top.note()).isEqualTo(note);
        assertThat(top.kind()).isEqualTo(io.salesdesk.crm.ActivityKind.VISIT);
        assertThat(top.customerId()).isEqualTo(selected.id());
    }

    @Test
    void theToDosANotePromisesBecomeTasksForTheCustomerWhenTicked(FxRobot robot) throws Exception {
        String note = "下周三下午给王主任发送报价，周五前安排一次产品演示。";
        TableView<Customer> table = table(robot);
        robot.clickOn(robot.lookup("#customerTable .table-row-cell").nth(3).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        Customer selected = table.getSelectionModel().getSelectedItem();

        robot.clickOn("#followUpVISIT");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextArea noteField = robot.lookup("#followUpNote").queryAs(javafx.scene.control.TextArea.class);
        robot.targetWindow(noteField.getScene().getWindow()).write(note);
        javafx.scene.Node suggestions = robot.lookup("#todoSuggestions").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> suggestions.isVisible() && robot.lookup(".todo-row").queryAll().size() == 2);
        List<TextField> titles = List.copyOf(robot.lookup(".todo-title").queryAllAs(TextField.class));
        assertThat(titles).extracting(TextField::getText).containsExactly("给王主任发送报价", "安排一次产品演示");
        // The rep keeps the quote and drops the demo.
        List<javafx.scene.control.CheckBox> ticks = List.copyOf(robot.lookup(".todo-take")
                .queryAllAs(javafx.scene.control.CheckBox.class));
        robot.clickOn(ticks.get(1));
        robot.clickOn("#followUpSave");
        WaitForAsyncUtils.waitForFxEvents();

        // The demo may have given the customer tasks of its own; these are the note's.
        List<Task> tasks = context.tasks().column(context.currentUser().asActor(), TaskStatus.TODO,
                new TaskFilter(null, selected.id(), null, null), 50).stream()
                .filter(t -> t.title().equals("给王主任发送报价") || t.title().equals("安排一次产品演示")).toList();
        assertThat(tasks).extracting(Task::title, t -> t.dueAt().toInstant()).containsExactly(
                tuple("给王主任发送报价", java.time.Instant.parse("2026-12-02T07:00:00Z")));
    }

    @Test
    void duplicateNameOffersTheExistingCustomer(FxRobot robot) {
        Customer existing = context.customers().page(context.currentUser().asActor(), CustomerQuery.all(), 5, 1).get(0);

        robot.clickOn("#newCustomer");
        robot.clickOn("#customerName").write(existing.name());
        robot.clickOn("#customerSave");
        WaitForAsyncUtils.waitForFxEvents();

        TextField name = robot.lookup("#customerName").queryAs(TextField.class);
        FormField field = (FormField) name.getParent();
        assertThat(field.problemLabel().getText()).contains(existing.name());
        robot.clickOn("#openExistingCustomer");
        settle(robot);

        assertThat(robot.lookup("#detailName").queryAs(Label.class).getText()).isEqualTo(existing.name());
        assertThat(robot.lookup("#customerSave").tryQuery()).isEmpty();
    }

    @Test
    void concurrentChangeIsShownSideBySideAndMineWinsOnlyWhenChosen(FxRobot robot) {
        robot.clickOn(robot.lookup("#customerTable .table-row-cell").nth(6).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        Customer original = table(robot).getSelectionModel().getSelectedItem();
        robot.clickOn("#editCustomer");
        // Meanwhile a colleague changes the address.
        var colleague = context.currentUser().asActor();
        var theirs = original.toDraft();
        context.customers().update(colleague, original.id(), original.version(),
                new io.salesdesk.crm.CustomerDraft(theirs.name(), theirs.creditCode(), theirs.tier(), theirs.industry(),
                        theirs.regionCode(), "同事改过的地址 1 号", theirs.phone(), theirs.ownerId()));
        TextField address = robot.lookup("#customerAddress").queryAs(TextField.class);
        robot.clickOn(address).eraseText(address.getText().length()).write("我的新地址 8 号");

        robot.clickOn("#customerSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("同事改过的地址 1 号").tryQuery()).isPresent();
        assertThat(robot.lookup("我的新地址 8 号").tryQuery()).isPresent();
        // Both changed the address: nothing is saved until the user chooses, then mine is kept.
        assertThat(robot.lookup("#mergeSave").query().isDisabled()).isTrue();
        robot.clickOn("#mergeMine-address");
        robot.clickOn("#mergeSave");
        WaitForAsyncUtils.waitForFxEvents();

        var now = context.customers().open(colleague, original.id()).orElseThrow().customer();
        assertThat(now.address()).isEqualTo("我的新地址 8 号");
        assertThat(now.version()).isGreaterThan(original.version() + 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewOwnerAFlowCoversWaitsForApprovalWhileTheRestOfTheEditIsSaved(FxRobot robot) {
        robot.clickOn(robot.lookup("#customerTable .table-row-cell").nth(8).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        Customer original = table(robot).getSelectionModel().getSelectedItem();
        User admin = context.users().all().stream().filter(u -> u.role() == Role.ADMIN).findFirst().orElseThrow();
        // Only this customer's transfers need approval, so the other tests here are not affected.
        context.approvals().saveFlow(admin.asActor(), ChangeApproval.CUSTOMER, ChangeApproval.TRANSFER, "客户转移",
                new FlowDefinition(List.of(new Branches("which", true, List.of(new Branch("这一家",
                        new Expression("customerId == \"" + original.id() + "\""), List.of(new ApprovalStep("admin",
                                "管理员审批", Approvers.role("ADMIN"), SignMode.ANY, null)))))), true, false, true));
        robot.clickOn("#editCustomer");
        javafx.scene.control.ComboBox<User> owner = robot.lookup("#customerOwner")
                .queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> owner.getSelectionModel().select(owner.getItems().stream()
                .filter(u -> u != null && !u.id().equals(original.ownerId())).findFirst().orElseThrow()));
        TextField address = robot.lookup("#customerAddress").queryAs(TextField.class);
        robot.clickOn(address).eraseText(address.getText().length()).write("转移时一并改的地址 9 号");

        robot.clickOn("#customerSave");
        WaitForAsyncUtils.waitForFxEvents();

        String told = "「" + original.name() + "」的修改已保存；更换负责人已提交审批，批准后生效。";
        assertThat(robot.lookup(told).tryQuery()).isPresent();
        robot.clickOn(told).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Customer now = context.customers().open(admin.asActor(), original.id()).orElseThrow().customer();
        assertThat(now.address()).isEqualTo("转移时一并改的地址 9 号");
        assertThat(now.ownerId()).isEqualTo(original.ownerId());
        assertThat(context.approvals().pendingFor(ChangeApproval.CUSTOMER, original.id())).isPresent();
    }

    @Test
    void myDayListsTheFollowUpsDue(FxRobot robot) {
        robot.clickOn("#nav-MY_DAY");
        WaitForAsyncUtils.waitForFxEvents();

        List<FollowUpDue> expected = context.customers().dueFollowUps(context.currentUser().asActor(),
                LocalDate.now(UiTestWorkspace.CLOCK));
        @SuppressWarnings("unchecked")
        TableView<FollowUpDue> due = robot.lookup("#dueTable").queryAs(TableView.class);
        assertThat(expected).isNotEmpty();
        assertThat(due.getItems()).extracting(FollowUpDue::customerId)
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(FollowUpDue::customerId).toList());
    }

    @Test
    void openingADueCustomerShowsItOnTheCustomersPage(FxRobot robot) {
        robot.clickOn("#nav-MY_DAY");
        @SuppressWarnings("unchecked")
        TableView<FollowUpDue> due = robot.lookup("#dueTable").queryAs(TableView.class);
        FollowUpDue first = due.getItems().get(0);

        robot.doubleClickOn(robot.lookup("#dueTable .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        settle(robot);

        assertThat(robot.lookup("#detailName").queryAs(Label.class).getText()).isEqualTo(first.customerName());
        assertThat(table(robot).getSelectionModel().getSelectedItem().id()).isEqualTo(first.customerId());
    }

    @Test
    void theDashboardOpensWithItsTabs(FxRobot robot) {
        robot.clickOn("#nav-DASHBOARD");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#coming-DASHBOARD").tryQuery()).isEmpty();
        assertThat(robot.lookup("#dashboardTabs").queryAs(javafx.scene.control.TabPane.class).getTabs())
                .extracting(javafx.scene.control.Tab::getId)
                .containsExactly("overviewTab", "funnelTab", "tiersTab", "forecastTab", "dailyReportTab");
    }

    @Test
    void switchingToEnglishRelabelsTheWindow(FxRobot robot) {
        robot.clickOn("#nav-SETTINGS");
        robot.clickOn("#languagePicker");
        robot.clickOn("English");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#nav-CUSTOMERS").queryAs(javafx.scene.control.ToggleButton.class).getText())
                .isEqualTo("Customers");
        io.salesdesk.app.common.I18n.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
    }
}
