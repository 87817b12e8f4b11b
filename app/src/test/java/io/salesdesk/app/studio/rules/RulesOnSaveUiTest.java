package io.salesdesk.app.studio.rules;

import static io.salesdesk.db.jooq.Tables.TASK;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.studio.rule.AutomationRule;
import io.salesdesk.studio.rule.RuleAction;
import io.salesdesk.studio.rule.RuleConditions;
import io.salesdesk.studio.rule.RuleDefinition;
import io.salesdesk.studio.rule.RuleTrigger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/** A rule acts as soon as a user saves a record in the app, not at the scheduler's next minute. */
@ExtendWith(ApplicationExtension.class)
class RulesOnSaveUiTest {

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
        stage.setScene(new MainWindow(context, workspace.appearance()).createScene());
        stage.show();
    }

    @Test
    void aNewCustomerSavedInTheFormGetsTheCreatedRulesTaskAtOnce(FxRobot robot) throws Exception {
        AutomationRule rule = context.automationRules().save(context.currentUser().asActor(), null, 0, new RuleDefinition("新客户三天内首访",
                RuleDefinition.CUSTOMER, RuleTrigger.created(), RuleConditions.all(),
                List.of(RuleAction.createTask("首次拜访{客户}", 3)), true));

        robot.clickOn("#nav-CUSTOMERS");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#newCustomer");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#customerName").queryAs(TextField.class).setText("宁波镇海测试医院"));
        robot.clickOn("#customerSave");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#customerSave").tryQuery().isEmpty());

        // No scheduler run in between: the save itself set the rule off.
        Customer saved = context.customers().page(context.currentUser().asActor(),
                CustomerQuery.all().withText("宁波镇海测试医院"), 0, 5).get(0);
        assertThat(tasksAbout(saved)).isEqualTo(1);
        assertThat(context.automationRules().runLog(rule.id(), 5)).singleElement()
                .satisfies(run -> assertThat(run.recordId()).isEqualTo(saved.id()));
        context.ruleRunner().runDue();
        assertThat(tasksAbout(saved)).as("the minute run does not act again").isEqualTo(1);
        assertThat(context.automationRules().runLog(rule.id(), 5)).hasSize(1);
    }

    private static int tasksAbout(Customer saved) {
        return context.database().dsl().fetchCount(TASK, TASK.TITLE.eq("首次拜访宁波镇海测试医院"),
                TASK.CUSTOMER_ID.eq(saved.id()), TASK.ASSIGNEE_ID.eq(saved.ownerId()));
    }
}
