package io.salesdesk.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiRobots;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.FieldType;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
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
 * A company's own deal fields are in the opportunity form: a value that is not of the field's type is
 * refused at the field and saves no deal; a good one is saved with the deal and shown when it is
 * edited.
 */
@ExtendWith(ApplicationExtension.class)
class OpportunityCustomFieldsUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    static Actor admin;
    static Customer customer;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
        context = workspace.context();
        context.setCurrentUser(context.users().byUsername("admin").orElseThrow());
        admin = context.currentUser().asActor();
        context.customFields().define(admin, CustomEntity.OPPORTUNITY,
                new CustomFieldDraft("预算来源", "budget_source", FieldType.SINGLE_CHOICE, List.of("财政拨款", "自筹"),
                        true, null, null));
        context.customFields().define(admin, CustomEntity.OPPORTUNITY,
                new CustomFieldDraft("竞品报价", "rival_price", FieldType.MONEY, List.of(), false, null, null));
        customer = context.customers().page(admin, CustomerQuery.all(), 0, 1).get(0);
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
    void aDealFieldIsCheckedSavedWithTheDealAndShownWhenEdited(FxRobot robot) {
        robot.clickOn("#nav-PIPELINE");
        robot.clickOn("#newOpportunity");
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<Customer> customers = robot.lookup("#opportunityCustomer").queryAs(ComboBox.class);
        robot.interact(() -> {
            customers.getItems().setAll(customer);
            customers.setValue(customer);
        });
        robot.clickOn("#opportunityName").write("CT 更新项目");
        TextField rival = robot.lookup("#custom-rival_price").queryAs(TextField.class);
        robot.interact(() -> rival.setText("三十万"));
        robot.clickOn("#opportunitySave");
        WaitForAsyncUtils.waitForFxEvents();

        // The money and the missing required choice are both said at their fields; no deal is saved.
        assertThat(UiRobots.problemAt(robot, "custom-rival_price")).contains("不是金额");
        assertThat(UiRobots.problemAt(robot, "custom-budget_source")).contains("必填");
        assertThat(deals()).noneMatch(o -> o.name().equals("CT 更新项目"));

        ComboBox<String> source = robot.lookup("#custom-budget_source").queryAs(ComboBox.class);
        robot.interact(() -> {
            rival.setText("300,000");
            source.setValue("财政拨款");
        });
        robot.clickOn("#opportunitySave");
        WaitForAsyncUtils.waitForFxEvents();
        robot.lookup(".alert").tryQuery().ifPresent(alert -> robot.interact(() -> alert.getScene().getWindow().hide()));

        Opportunity deal = deals().stream().filter(o -> o.name().equals("CT 更新项目")).findFirst().orElseThrow();
        assertThat(context.customFields().values(CustomEntity.OPPORTUNITY, deal.id()))
                .containsOnly(entry("budget_source", "财政拨款"), entry("rival_price", "300000"));

        robot.interact(() -> OpportunityFormDialog.edit(context, deal).show());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#custom-rival_price").queryAs(TextField.class).getText()).isEqualTo("300000");
        assertThat(robot.lookup("#custom-budget_source").queryAs(ComboBox.class).getValue()).isEqualTo("财政拨款");
    }

    private static List<Opportunity> deals() {
        return context.opportunities().forCustomer(admin, customer.id());
    }

}
