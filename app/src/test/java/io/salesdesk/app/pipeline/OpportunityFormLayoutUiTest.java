package io.salesdesk.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.common.FormField;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.User;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.form.FormPlacement;
import io.salesdesk.studio.form.FormSection;
import io.salesdesk.studio.form.VisibleWhen;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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

/** 新建商机 and 编辑商机 drawn from the deal form's layout: a required amount, a probability shown once it is set. */
@ExtendWith(ApplicationExtension.class)
class OpportunityFormLayoutUiTest {

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
        customer = context.customers().page(admin, CustomerQuery.all(), 0, 1).get(0);
        context.formLayouts().save(admin, CustomEntity.OPPORTUNITY, 0, List.of(
                new FormSection("商机", "Deal", 2, List.of(
                        FormPlacement.of("customerId", true).withRequired(true),
                        FormPlacement.of("name", true).withRequired(true),
                        FormPlacement.of("stage", false).withRequired(true),
                        FormPlacement.of("amount", false).withRequired(true).withReadOnlyFor(Set.of(Role.REP)),
                        new FormPlacement("probability", false, false,
                                new VisibleWhen("amount", VisibleWhen.Operator.FILLED, null), Set.of())))));
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

    private static FormField formField(FxRobot robot, String controlId) {
        return (FormField) robot.lookup("#" + controlId).query().getParent();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDealNeedsAnAmountAndShowsItsProbabilityOnceTheAmountIsSet(FxRobot robot) {
        robot.clickOn("#nav-PIPELINE");
        robot.clickOn("#newOpportunity");
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<Customer> customers = robot.lookup("#opportunityCustomer").queryAs(ComboBox.class);
        robot.interact(() -> {
            customers.getItems().setAll(customer);
            customers.setValue(customer);
            robot.lookup("#opportunityName").queryAs(TextField.class).setText("DR 设备更新");
        });
        FormField probability = formField(robot, "opportunityProbability");
        assertThat(probability.isVisible()).isFalse();

        robot.clickOn("#opportunitySave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(formField(robot, "opportunityAmount").problemLabel().getText()).isEqualTo("“金额（元）”为必填项。");
        assertThat(deals()).noneMatch(o -> o.name().equals("DR 设备更新"));

        robot.interact(() -> robot.lookup("#opportunityAmount").queryAs(TextField.class).setText("480000"));
        assertThat(probability.isVisible()).isTrue();
        robot.clickOn("#opportunitySave");
        WaitForAsyncUtils.waitForFxEvents();
        robot.lookup(".alert").tryQuery().ifPresent(alert -> robot.interact(() -> alert.getScene().getWindow().hide()));
        assertThat(deals()).anyMatch(o -> o.name().equals("DR 设备更新"));
    }

    @Test
    void aRepSeesTheAmountOfAnExistingDealButMayNotChangeIt(FxRobot robot) {
        User rep = context.users().all().stream().filter(u -> u.role() == Role.REP).findFirst().orElseThrow();
        // The rep's own deal, so they may open it.
        Opportunity deal = context.opportunities().create(admin, new OpportunityDraft(customer.id(), "PACS 升级",
                rep.id(), context.opportunities().stages().get(0).code(), new BigDecimal("260000"), null, null, null,
                null));
        User was = context.currentUser();
        try {
            context.setCurrentUser(rep);
            robot.interact(() -> OpportunityFormDialog.edit(context, deal).show());
            assertThat(robot.lookup("#opportunityAmount").query().isDisabled()).isTrue();
            assertThat(robot.lookup("#opportunityName").query().isDisabled()).isFalse();
            robot.interact(() -> robot.lookup("#opportunityAmount").query().getScene().getWindow().hide());
        } finally {
            context.setCurrentUser(was);
        }
    }

    private static List<Opportunity> deals() {
        return context.opportunities().forCustomer(admin, customer.id());
    }
}
