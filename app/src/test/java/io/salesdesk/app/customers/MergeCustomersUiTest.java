package io.salesdesk.app.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.UiRobots;
import io.salesdesk.app.MainWindowFixture;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.crm.ContactDraft;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDetail;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.Tier;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 合并客户 in the customer list: a manager selects the two records of one company, picks the one that
 * stays and a field from the other, and sees what moved; the other disappears from the list.
 */
@ExtendWith(ApplicationExtension.class)
class MergeCustomersUiTest {

    @RegisterExtension
    static final MainWindowFixture app = UiTestWorkspace.withMainWindow();

    @Test
    void aManagerMergesTwoRecordsOfOneCompanyAndSeesWhatMoved(FxRobot robot) throws Exception {
        var me = app.context().currentUser().asActor();
        Customer kept = app.context().customers().create(me, new CustomerDraft("杭州某某有限公司", null, Tier.B, null,
                "330106", "西湖区文三路 1 号", null, null));
        Customer other = app.context().customers().create(me, new CustomerDraft("杭州某某医疗有限公司", null, Tier.A, null,
                "330106", "西湖区文三路 1 号", "0571-88886666", null));
        app.context().customers().addContact(me, other.id(), new ContactDraft("刘主任", "设备科主任", "13800138000", null,
                null, null, true, null));
        robot.clickOn("#nav-CUSTOMERS");
        robot.interact(() -> robot.lookup("#customerSearch").queryAs(TextField.class).setText("杭州某某"));
        TableView<?> table = robot.lookup("#customerTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        // The rows are laid out a pulse after the items arrive.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#customerTable .table-cell")
                .match((TableCell<?, ?> c) -> "杭州某某医疗有限公司".equals(c.getText())).tryQuery().isPresent());
        assertThat(robot.lookup("#mergeCustomers").query().isDisabled()).as("needs two customers").isTrue();

        robot.clickOn(cell(robot, "杭州某某有限公司"));
        robot.press(KeyCode.CONTROL).clickOn(cell(robot, "杭州某某医疗有限公司")).release(KeyCode.CONTROL);
        robot.clickOn("#mergeCustomers");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".radio-button").match((javafx.scene.control.RadioButton r) ->
                r.getText().startsWith("杭州某某有限公司")).queryAs(javafx.scene.control.RadioButton.class));
        robot.clickOn("#customerMergeTake-phone");
        UiRobots.screenshot(robot, "#customerMergeConfirm", "merge-customers.png");
        assertThat(robot.lookup("#customerMergeKeep-name").tryQuery()).as("the names differ: listed").isPresent();
        assertThat(robot.lookup("#customerMergeKeep-address").tryQuery()).as("same address: not listed").isEmpty();
        robot.clickOn("#customerMergeConfirm");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#customerMergeSummary").tryQuery().isPresent());

        DialogPane summary = robot.lookup("#customerMergeSummary").queryAs(DialogPane.class);
        assertThat(summary.getHeaderText()).isEqualTo("已把“杭州某某医疗有限公司”合并到“杭州某某有限公司”");
        assertThat(summary.getContentText()).contains("联系人 1");
        UiRobots.screenshot(robot, "#customerMergeSummary", "merge-customers-done.png");
        robot.interact(() -> summary.getScene().getWindow().hide());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);

        CustomerDetail survivor = app.context().customers().open(me, kept.id()).orElseThrow();
        assertThat(survivor.customer().phone()).isEqualTo("0571-88886666");
        assertThat(survivor.customer().tier()).as("not picked: the survivor's own").isEqualTo(Tier.B);
        assertThat(survivor.contacts()).extracting(c -> c.name()).containsExactly("刘主任");
        assertThat(app.context().customers().open(me, other.id())).isEmpty();
    }

    @Test
    void aMergeOfTheWrongTwoIsUndoneFromItsSummary(FxRobot robot) throws Exception {
        var me = app.context().currentUser().asActor();
        Customer kept = app.context().customers().create(me, new CustomerDraft("宁波甲乙有限公司", null, Tier.B, null,
                "330106", "海曙区中山路 1 号", null, null));
        Customer other = app.context().customers().create(me, new CustomerDraft("宁波甲乙医疗有限公司", null, Tier.A, null,
                "330106", "海曙区中山路 2 号", "0574-88886666", null));
        app.context().customers().addContact(me, other.id(), new ContactDraft("陈科长", "信息科", "13900139000", null,
                null, null, true, null));
        robot.clickOn("#nav-CUSTOMERS");
        robot.interact(() -> robot.lookup("#customerSearch").queryAs(TextField.class).setText("宁波甲乙"));
        TableView<?> table = robot.lookup("#customerTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown(robot, "宁波甲乙医疗有限公司")
                && shown(robot, "宁波甲乙有限公司"));
        robot.clickOn(cell(robot, "宁波甲乙有限公司"));
        robot.press(KeyCode.CONTROL).clickOn(cell(robot, "宁波甲乙医疗有限公司")).release(KeyCode.CONTROL);
        robot.clickOn("#mergeCustomers");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".radio-button").match((javafx.scene.control.RadioButton r) ->
                r.getText().startsWith("宁波甲乙有限公司")).queryAs(javafx.scene.control.RadioButton.class));
        robot.clickOn("#customerMergeTake-phone");
        robot.clickOn("#customerMergeConfirm");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#customerMergeSummary").tryQuery().isPresent());

        robot.clickOn("#customerMergeUndo");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#customerMergeUndoSummary").tryQuery().isPresent());

        DialogPane summary = robot.lookup("#customerMergeUndoSummary").queryAs(DialogPane.class);
        assertThat(summary.getHeaderText()).isEqualTo("“宁波甲乙医疗有限公司”已恢复为单独的客户");
        assertThat(summary.getContentText()).contains("联系人 1").doesNotContain("改过");
        UiRobots.screenshot(robot, "#customerMergeUndoSummary", "merge-customers-undone.png");
        robot.interact(() -> summary.getScene().getWindow().hide());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        CustomerDetail back = app.context().customers().open(me, other.id()).orElseThrow();
        assertThat(back.contacts()).extracting(c -> c.name()).containsExactly("陈科长");
        assertThat(app.context().customers().open(me, kept.id()).orElseThrow().customer().phone())
                .as("the phone the survivor took goes back to its own").isNull();
    }

    @Test
    void theSurvivorsDetailOffersTheUndoAndListsWhatChangedSince(FxRobot robot) throws Exception {
        var me = app.context().currentUser().asActor();
        Customer kept = app.context().customers().create(me, new CustomerDraft("温州丙丁有限公司", null, Tier.B, null,
                "330106", "鹿城区 1 号", null, null));
        Customer other = app.context().customers().create(me, new CustomerDraft("温州丙丁医疗有限公司", null, Tier.A, null,
                "330106", "鹿城区 2 号", null, null));
        var contact = app.context().customers().addContact(me, other.id(), new ContactDraft("周主任", null,
                "13700137000", null, null, null, true, null));
        Customer otherNow = app.context().customers().open(me, other.id()).orElseThrow().customer();
        app.context().customerMerges().merge(me, kept.id(), kept.version(), other.id(), otherNow.version(),
                java.util.Set.of());
        // After the merge someone corrects the contact under the survivor: it stays there on undo.
        var moved = app.context().customers().open(me, kept.id()).orElseThrow().contacts().get(0);
        app.context().customers().updateContact(me, contact.id(), moved.version(), new ContactDraft("周主任",
                "设备科", "13700137000", null, null, null, true, null));
        robot.clickOn("#nav-CUSTOMERS");
        robot.interact(() -> robot.lookup("#customerSearch").queryAs(TextField.class).setText("温州丙丁"));
        TableView<?> table = robot.lookup("#customerTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown(robot, "温州丙丁有限公司"));
        robot.clickOn(cell(robot, "温州丙丁有限公司"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#undoMerge").tryQuery().isPresent());
        UiRobots.screenshot(robot, "#customerDetail", "merge-customers-undo-link.png");

        robot.clickOn("#undoMerge");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#customerMergeUndoSummary").tryQuery().isPresent());

        DialogPane summary = robot.lookup("#customerMergeUndoSummary").queryAs(DialogPane.class);
        assertThat(summary.getContentText()).contains("留在“温州丙丁有限公司”").contains("联系人 周主任");
        robot.interact(() -> summary.getScene().getWindow().hide());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        assertThat(app.context().customers().open(me, other.id())).isPresent();
        assertThat(app.context().customers().open(me, kept.id()).orElseThrow().contacts())
                .extracting(c -> c.name()).containsExactly("周主任");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#undoMerge").tryQuery().isEmpty());
    }

    private static boolean shown(FxRobot robot, String text) {
        return robot.lookup("#customerTable .table-cell").match((TableCell<?, ?> c) -> text.equals(c.getText()))
                .tryQuery().isPresent();
    }

    private static Node cell(FxRobot robot, String text) {
        return robot.lookup("#customerTable .table-cell")
                .match((TableCell<?, ?> c) -> text.equals(c.getText())).query();
    }
}
