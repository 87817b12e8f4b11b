package io.salesdesk.app.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.MainWindowFixture;
import io.salesdesk.app.UiRobots;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.FieldType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two people on one database edit the same customer: the one who saves second merges field by field,
 * and nobody's change is lost. "They" are a second {@link CustomerService} on the same database, as
 * a colleague's desktop would be.
 */
@ExtendWith(ApplicationExtension.class)
class CustomerMergeUiTest {

    @RegisterExtension
    static final MainWindowFixture app = UiTestWorkspace.withMainWindow();
    static AppContext context;
    static CustomerService colleagueDesk;
    static Actor colleague;

    @BeforeAll
    static void openWorkspace() {
        context = app.context();
        context.customFields().define(context.currentUser().asActor(), CustomEntity.CUSTOMER,
                new CustomFieldDraft("客户来源", "source", FieldType.TEXT, List.of(), false, null, null));
        colleagueDesk = new CustomerService(context.database(), UiTestWorkspace.CLOCK, context.regions());
        colleague = context.users().all().stream().filter(u -> u.role() == Role.ADMIN).findFirst().orElseThrow()
                .asActor();
    }

    private static Customer customer(int index) {
        return context.customers().page(context.currentUser().asActor(), CustomerQuery.all(), index, 1).get(0);
    }

    private static Customer reload(Customer c) {
        return context.customers().open(context.currentUser().asActor(), c.id()).orElseThrow().customer();
    }

    /** The colleague saves a change to the customer as it is in the database now. */
    private static Customer colleagueSaves(Customer c, UnaryOperator<CustomerDraft> change) {
        Customer now = reload(c);
        return colleagueDesk.update(colleague, now.id(), now.version(), change.apply(now.toDraft()));
    }

    private static void openEdit(FxRobot robot, Customer c) {
        robot.interact(() -> CustomerFormDialog.edit(context, new EventBus(), c, id -> { }).show());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void type(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup("#" + id).queryAs(TextField.class).setText(text));
    }

    private static boolean selected(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(RadioButton.class).isSelected();
    }

    private static boolean saveDisabled(FxRobot robot) {
        return robot.lookup("#mergeSave").query().isDisabled();
    }

    @Test
    void theirPhoneAndMyAddressAreBothKept(FxRobot robot) throws Exception {
        Customer original = customer(3);
        openEdit(robot, original);
        Customer theirs = colleagueSaves(original, d -> new CustomerDraft(d.name(), d.creditCode(), d.tier(),
                d.industry(), d.regionCode(), d.address(), "0512-66668888", d.ownerId()));
        context.customFields().setValues(colleague, CustomEntity.CUSTOMER, original.id(), Map.of("source", "展会"));
        type(robot, "customerAddress", "苏州市姑苏区干将西路 8 号");

        robot.clickOn("#customerSave");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(selected(robot, "mergeTheirs-phone")).isTrue();
        assertThat(selected(robot, "mergeMine-address")).isTrue();
        assertThat(selected(robot, "mergeTheirs-custom_source")).isTrue();
        assertThat(robot.lookup("#mergeTheirs-phone").queryAs(RadioButton.class).getText())
                .isEqualTo(theirs.phone());
        // Who changed the phone and when comes from the change log.
        Node theirPhone = robot.lookup("#mergeTheirs-phone").query();
        assertThat(((javafx.scene.layout.VBox) theirPhone.getParent()).getChildren()).hasSize(2);
        assertThat(((Label) ((javafx.scene.layout.VBox) theirPhone.getParent()).getChildren().get(1)).getText())
                .contains("修改");
        assertThat(saveDisabled(robot)).isFalse();
        UiRobots.screenshot(robot, "#mergeSave", "customer-merge.png");
        robot.clickOn("#mergeSave");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#customerSave").tryQuery().isEmpty());

        Customer saved = reload(original);
        assertThat(saved.phone()).isEqualTo(theirs.phone());
        assertThat(saved.address()).isEqualTo("苏州市姑苏区干将西路 8 号");
        assertThat(context.customFields().values(CustomEntity.CUSTOMER, original.id())).containsEntry("source", "展会");
    }

    @Test
    void aFieldBothChangedMustBeChosenAndAMergeFoundStaleComesBackWithTheNewerValues(FxRobot robot) throws Exception {
        Customer original = customer(5);
        openEdit(robot, original);
        colleagueSaves(original, d -> new CustomerDraft(d.name(), d.creditCode(), d.tier(), d.industry(),
                d.regionCode(), "同事改的地址 1 号", "0512-61110000", d.ownerId()));
        type(robot, "customerPhone", "0512-62220000");

        robot.clickOn("#customerSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selected(robot, "mergeMine-phone")).isFalse();
        assertThat(selected(robot, "mergeTheirs-phone")).isFalse();
        assertThat(selected(robot, "mergeTheirs-address")).isTrue();
        assertThat(saveDisabled(robot)).isTrue();
        assertThat(robot.lookup("#mergeOpen").queryAs(Label.class).getText()).contains("电话");
        UiRobots.screenshot(robot, "#mergeSave", "customer-merge-conflict.png");

        robot.clickOn("#mergeMine-phone");
        assertThat(saveDisabled(robot)).isFalse();
        // Before the merge is saved, the colleague saves once more.
        Customer again = colleagueSaves(original, d -> new CustomerDraft(d.name(), d.creditCode(),
                d.tier() == io.salesdesk.crm.Tier.A ? io.salesdesk.crm.Tier.B : io.salesdesk.crm.Tier.A,
                d.industry(), d.regionCode(), d.address(), d.phone(), d.ownerId()));
        robot.clickOn("#mergeSave");
        WaitForAsyncUtils.waitForFxEvents();

        // The dialog is back with the newer tier theirs; the phone chosen before is mine now.
        assertThat(selected(robot, "mergeTheirs-tier")).isTrue();
        assertThat(selected(robot, "mergeMine-phone")).isTrue();
        robot.clickOn("#mergeSave");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#customerSave").tryQuery().isEmpty());

        Customer saved = reload(original);
        assertThat(saved.address()).isEqualTo("同事改的地址 1 号");
        assertThat(saved.tier()).isEqualTo(again.tier());
        assertThat(saved.phone()).isNotEqualTo(again.phone()).contains("62220000");
    }

    @Test
    void aCustomFieldBothChangedIsMergedEvenWhenTheCustomerRowDidNotChange(FxRobot robot) throws Exception {
        Customer original = customer(7);
        context.customFields().setValues(colleague, CustomEntity.CUSTOMER, original.id(), Map.of("source", "转介绍"));
        openEdit(robot, original);
        context.customFields().setValues(colleague, CustomEntity.CUSTOMER, original.id(), Map.of("source", "展会"));
        type(robot, "custom-source", "招标");

        robot.clickOn("#customerSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(saveDisabled(robot)).isTrue();
        robot.clickOn("#mergeMine-custom_source");
        robot.clickOn("#mergeSave");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#customerSave").tryQuery().isEmpty());

        assertThat(context.customFields().values(CustomEntity.CUSTOMER, original.id())).containsEntry("source", "招标");
    }
}
