package io.salesdesk.app.studio.rules;

import static io.salesdesk.db.jooq.Tables.TASK;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.studio.rule.AutomationRule;
import io.salesdesk.studio.rule.RuleAction;
import io.salesdesk.studio.rule.RuleCondition;
import io.salesdesk.studio.rule.RuleRun;
import io.salesdesk.studio.rule.RuleTrigger;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A manager builds the Studio goal's rule in the builder — tier-A customers with no technical demo for 20
 * days get a task for their owner and the manager is told — tests it, saves it, and sees it run.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuleBuilderUiTest {

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
    @Order(1)
    @SuppressWarnings("unchecked")
    void aManagerBuildsTheGoalsRuleTestsItAndSeesItRun(FxRobot robot) {
        robot.clickOn("#nav-SETTINGS");
        WaitForAsyncUtils.waitForFxEvents();
        scrollTo(robot, "#automationRulesSection");
        robot.clickOn("#addRule");
        WaitForAsyncUtils.waitForFxEvents();

        TextField name = robot.lookup("#ruleName").queryAs(TextField.class);
        robot.interact(() -> name.setText("A 类客户 20 天未做技术演示"));
        // The trigger starts as "no follow-up for some time", 20 days: only the kind is picked.
        ComboBox<RuleTrigger.Kind> trigger = robot.lookup("#ruleTrigger").queryAs(ComboBox.class);
        assertThat(trigger.getValue()).isEqualTo(RuleTrigger.Kind.NO_ACTIVITY);
        assertThat(robot.lookup("#ruleDays").queryAs(TextField.class).getText()).isEqualTo("20");
        ComboBox<String> kind = robot.lookup("#ruleActivityKind").queryAs(ComboBox.class);
        robot.interact(() -> kind.setValue("DEMO"));

        robot.clickOn("#ruleAddCondition");
        ComboBox<RuleField> field = robot.lookup(".rule-condition-field").queryAs(ComboBox.class);
        robot.interact(() -> field.setValue(field.getItems().stream().filter(f -> f.key().equals("tier"))
                .findFirst().orElseThrow()));
        ComboBox<RuleValueInput.Option> tier = robot.lookup("#ruleValuePicker").queryAs(ComboBox.class);
        assertThat(tier.getItems()).extracting(RuleValueInput.Option::label).contains("A 类 · 重点客户");
        robot.interact(() -> tier.setValue(tier.getItems().get(0)));

        // The dialog starts with a task action; its title names the customer.
        TextField title = robot.lookup(".rule-action-text").queryAs(TextField.class);
        robot.interact(() -> title.setText("为「{客户}」安排技术演示"));
        robot.clickOn("#ruleAddAction");
        List<Node> kinds = List.copyOf(robot.lookup(".rule-action-kind").queryAll());
        ComboBox<RuleAction.Kind> second = (ComboBox<RuleAction.Kind>) kinds.get(1);
        robot.interact(() -> second.setValue(RuleAction.Kind.NOTIFY_MANAGER));
        List<Node> texts = List.copyOf(robot.lookup(".rule-action-text").queryAll());
        robot.interact(() -> ((TextField) texts.get(1)).setText("A 类客户「{客户}」已 20 天没有技术演示"));

        robot.clickOn("#ruleTest");
        WaitForAsyncUtils.waitForFxEvents();
        String result = robot.lookup("#ruleTestResult").queryAs(Label.class).getText();
        assertThat(result).matches("现在有 \\d+ 个客户符合。");
        int matching = Integer.parseInt(result.replaceAll("\\D", ""));
        assertThat(matching).as("the demo workspace has tier-A customers without a recent demo").isPositive();
        assertThat(robot.lookup("#ruleTestList").queryAs(ListView.class).getItems()).isNotEmpty();
        assertThat(context.automationRules().runLog(null, 10)).as("testing acts on nothing").isEmpty();

        robot.clickOn("#ruleSave");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<AutomationRule> rules = robot.lookup("#ruleTable").queryAs(TableView.class);
        assertThat(rules.getItems()).singleElement().satisfies(r -> {
            assertThat(r.enabled()).isTrue();
            assertThat(r.definition().trigger()).isEqualTo(RuleTrigger.noActivity("DEMO", 20));
            assertThat(r.definition().conditions().rows())
                    .containsExactly(new RuleCondition("tier", RuleCondition.Operator.EQ, "A"));
            assertThat(r.definition().actions()).extracting(RuleAction::kind)
                    .containsExactly(RuleAction.Kind.CREATE_TASK, RuleAction.Kind.NOTIFY_MANAGER);
        });

        // The scheduler's next run, then the user refreshes the run log.
        int fired = context.ruleRunner().runDue().fired();
        assertThat(fired).isEqualTo(Math.min(matching, 500));
        robot.clickOn("#refreshRuleLog");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<RuleRun> log = robot.lookup("#ruleLog").queryAs(TableView.class);
        assertThat(log.getItems()).hasSize(Math.min(fired, 100));
        RuleRun first = log.getItems().get(0);
        assertThat(first.outcome()).isIn(RuleRun.Outcome.DONE, RuleRun.Outcome.PARTIAL);
        assertThat(first.actionsTaken()).contains("创建任务「为「" + first.recordLabel() + "」安排技术演示」");
        assertThat(context.database().dsl().fetchCount(TASK, TASK.TITLE.eq("为「" + first.recordLabel() + "」安排技术演示"),
                TASK.CUSTOMER_ID.eq(first.recordId()))).as("the owner's task").isEqualTo(1);
        assertThat(context.ruleRunner().runDue().fired()).as("the next run acts on nothing again").isZero();
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void aManagerBuildsAnOpportunityRuleThreeDaysBeforeTheExpectedCloseDateThatAssignsTheDeal(FxRobot robot) {
        robot.clickOn("#nav-SETTINGS");
        WaitForAsyncUtils.waitForFxEvents();
        scrollTo(robot, "#automationRulesSection");
        robot.clickOn("#addRule");
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> robot.lookup("#ruleName").queryAs(TextField.class).setText("大单预计成交前 3 天交给主管"));
        ComboBox<String> entity = robot.lookup("#ruleEntity").queryAs(ComboBox.class);
        assertThat(entity.getItems()).extracting(e -> entity.getConverter().toString(e))
                .containsExactly("客户", "线索", "商机");
        robot.interact(() -> entity.setValue("OPPORTUNITY"));
        ComboBox<RuleTrigger.Kind> trigger = robot.lookup("#ruleTrigger").queryAs(ComboBox.class);
        assertThat(trigger.getConverter().toString(RuleTrigger.Kind.DATE_RELATIVE)).isEqualTo("某个日期之前或之后");
        robot.interact(() -> trigger.setValue(RuleTrigger.Kind.DATE_RELATIVE));
        ComboBox<RuleField> date = robot.lookup("#ruleDateField").queryAs(ComboBox.class);
        assertThat(date.getItems()).extracting(RuleField::label).contains("预计成交日期");
        robot.interact(() -> date.setValue(date.getItems().stream().filter(f -> f.key().equals("expectedCloseOn"))
                .findFirst().orElseThrow()));
        robot.interact(() -> robot.lookup("#ruleDateDays").queryAs(TextField.class).setText("3"));

        robot.clickOn("#ruleAddCondition");
        ComboBox<RuleField> field = robot.lookup(".rule-condition-field").queryAs(ComboBox.class);
        robot.interact(() -> field.setValue(field.getItems().stream().filter(f -> f.key().equals("amount"))
                .findFirst().orElseThrow()));
        robot.interact(() -> robot.lookup(".rule-row #ruleValueText").queryAs(TextField.class).setText("500000"));

        ComboBox<RuleAction.Kind> action = robot.lookup(".rule-action-kind").queryAs(ComboBox.class);
        robot.interact(() -> action.setValue(RuleAction.Kind.ASSIGN));
        ComboBox<RuleValueInput.Option> owner = robot.lookup(".rule-action-owner #ruleValuePicker").queryAs(ComboBox.class);
        RuleValueInput.Option manager = owner.getItems().stream().filter(o -> o.label().equals("陈东")).findFirst()
                .orElse(owner.getItems().get(0));
        robot.interact(() -> owner.setValue(manager));

        robot.clickOn("#ruleSave");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<AutomationRule> rules = robot.lookup("#ruleTable").queryAs(TableView.class);
        AutomationRule saved = rules.getItems().stream().filter(r -> r.name().equals("大单预计成交前 3 天交给主管"))
                .findFirst().orElseThrow();
        assertThat(saved.definition().entity()).isEqualTo("OPPORTUNITY");
        assertThat(saved.definition().trigger()).isEqualTo(RuleTrigger.relativeTo("expectedCloseOn", -3));
        assertThat(saved.definition().conditions().rows())
                .containsExactly(new RuleCondition("amount", RuleCondition.Operator.GT, "500000"));
        assertThat(saved.definition().actions()).containsExactly(RuleAction.assign(manager.value()));
        // The columns' values, not the drawn text: a narrow column elides it with "…".
        int row = rules.getItems().indexOf(saved);
        assertThat(rules.getColumns().stream().map(c -> String.valueOf(c.getCellData(row))))
                .as("the list says when in words").contains("商机：预计成交日期前 3 天 · 金额 大于 500000");
    }

    @Test
    @Order(3)
    @SuppressWarnings("unchecked")
    void aManagerBuildsARuleThatMovesBigNewDealsToTheQuoteColumnOfThePipeline(FxRobot robot) {
        robot.clickOn("#nav-SETTINGS");
        WaitForAsyncUtils.waitForFxEvents();
        scrollTo(robot, "#automationRulesSection");
        robot.clickOn("#addRule");
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> robot.lookup("#ruleName").queryAs(TextField.class).setText("大单直接进入报价"));
        ComboBox<String> entity = robot.lookup("#ruleEntity").queryAs(ComboBox.class);
        robot.interact(() -> entity.setValue("OPPORTUNITY"));
        ComboBox<RuleTrigger.Kind> trigger = robot.lookup("#ruleTrigger").queryAs(ComboBox.class);
        robot.interact(() -> trigger.setValue(RuleTrigger.Kind.CREATED));

        ComboBox<RuleAction.Kind> action = robot.lookup(".rule-action-kind").queryAs(ComboBox.class);
        assertThat(action.getConverter().toString(RuleAction.Kind.MOVE_ON_BOARD)).isEqualTo("移到看板列");
        robot.interact(() -> action.setValue(RuleAction.Kind.MOVE_ON_BOARD));
        ComboBox<Object> board = robot.lookup(".rule-action-board").queryAs(ComboBox.class);
        ComboBox<Object> column = robot.lookup(".rule-action-column").queryAs(ComboBox.class);
        assertThat(board.isVisible()).isTrue();
        assertThat(board.getItems()).extracting(b -> board.getConverter().toString(b))
                .as("the pipeline boards, not the task or customer boards").contains("销售漏斗", "A 类客户攻坚")
                .doesNotContain("任务看板");
        robot.interact(() -> board.setValue(board.getItems().stream()
                .filter(b -> board.getConverter().toString(b).equals("销售漏斗")).findFirst().orElseThrow()));
        assertThat(column.getItems()).extracting(c -> column.getConverter().toString(c))
                .as("the stages, as the board's columns").startsWith("初步接洽", "需求确认", "方案演示", "报价");
        robot.interact(() -> column.setValue(column.getItems().stream()
                .filter(c -> column.getConverter().toString(c).equals("报价")).findFirst().orElseThrow()));

        robot.clickOn("#ruleSave");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<AutomationRule> rules = robot.lookup("#ruleTable").queryAs(TableView.class);
        AutomationRule saved = rules.getItems().stream().filter(r -> r.name().equals("大单直接进入报价"))
                .findFirst().orElseThrow();
        assertThat(saved.definition().actions()).containsExactly(RuleAction.moveOnBoard(
                java.util.UUID.fromString("0192f000-0000-7000-8000-000000000001"), "QUOTE"));
    }

    private static void scrollTo(FxRobot robot, String id) {
        Node section = robot.lookup(id).query();
        ScrollPane scroll = robot.lookup(".scroll-pane").match(n -> ((ScrollPane) n).getContent() != null
                && ((ScrollPane) n).getContent().lookup(id) != null).queryAs(ScrollPane.class);
        robot.interact(() -> {
            double content = scroll.getContent().getBoundsInLocal().getHeight();
            double view = scroll.getViewportBounds().getHeight();
            double top = section.getBoundsInParent().getMinY();
            scroll.setVvalue(Math.min(1, top / Math.max(1, content - view)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
