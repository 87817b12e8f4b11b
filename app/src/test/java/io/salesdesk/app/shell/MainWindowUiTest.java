package io.salesdesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.salesdesk.crm.Activity;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.FollowUpDue;

/** The real main window on a real embedded database, driven as a regional manager would. */
@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest {

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
        robot.write(note);
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
    void comingPagesSayWhatArrivesLater(FxRobot robot) {
        robot.clickOn("#nav-PIPELINE");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#coming-PIPELINE").tryQuery()).isPresent();
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
