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

    private static Node cell(FxRobot robot, String text) {
        return robot.lookup("#customerTable .table-cell")
                .match((TableCell<?, ?> c) -> text.equals(c.getText())).query();
    }
}
