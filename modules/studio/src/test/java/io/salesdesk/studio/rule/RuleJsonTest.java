package io.salesdesk.studio.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules saved by earlier versions (and by templates) still load: the stored JSON is read as it was written. */
class RuleJsonTest {

    @Test
    void aRuleSavedBeforeEntitiesTriggersAndActionsWereAddedLoadsUnchanged() {
        // As the first version of the rule builder wrote the goal's rule.
        RuleTrigger trigger = RuleJson.trigger("{\"kind\":\"NO_ACTIVITY\",\"activityKind\":\"DEMO\",\"days\":20}");
        RuleConditions conditions = RuleJson.conditions(
                "{\"match\":\"ALL\",\"rows\":[{\"field\":\"tier\",\"operator\":\"EQ\",\"value\":\"A\"}]}");
        List<RuleAction> actions = RuleJson.actions("[{\"kind\":\"CREATE_TASK\",\"text\":\"为「{客户}」安排技术演示\","
                + "\"days\":3},{\"kind\":\"NOTIFY_MANAGER\",\"text\":\"已 20 天没有技术演示\"}]");

        assertThat(trigger).isEqualTo(RuleTrigger.noActivity("DEMO", 20));
        assertThat(conditions).isEqualTo(RuleConditions.all(new RuleCondition("tier", RuleCondition.Operator.EQ, "A")));
        assertThat(actions).containsExactly(RuleAction.createTask("为「{客户}」安排技术演示", 3),
                RuleAction.notifyManager("已 20 天没有技术演示"));
        assertThat(RuleEntity.find(null)).as("a rule without an entity runs on customers")
                .contains(RuleEntity.CUSTOMER_ENTITY);
    }

    @Test
    void theNewTriggersAndActionsRoundTripInTheSameFields() {
        for (RuleTrigger t : List.of(RuleTrigger.updated(), RuleTrigger.relativeTo("custom.contract_end", -3),
                RuleTrigger.approval("contract", "APPROVED"))) {
            assertThat(RuleJson.trigger(RuleJson.write(t))).isEqualTo(t);
        }
        List<RuleAction> actions = List.of(RuleAction.assign(RuleAction.AUTO), RuleAction.returnToPool("60 天未拜访"),
                RuleAction.webhook("https://example.com/hook"),
                RuleAction.moveOnBoard(java.util.UUID.fromString("0192f000-0000-7000-8000-000000000001"), "QUOTE"));
        assertThat(RuleJson.actions(RuleJson.write(actions))).isEqualTo(actions);
        RuleConditions withExpression = new RuleConditions(RuleConditions.Match.ANY, List.of(), "amount > 500000.0");
        assertThat(RuleJson.conditions(RuleJson.write(withExpression))).isEqualTo(withExpression);
        assertThat(RuleJson.write(RuleConditions.all())).as("no expression: the JSON rules had before")
                .isEqualTo("{\"match\":\"ALL\",\"rows\":[]}");
        assertThat(RuleJson.write(actions.get(3))).as("the board in field, the column in value")
                .isEqualTo("{\"kind\":\"MOVE_ON_BOARD\",\"field\":\"0192f000-0000-7000-8000-000000000001\","
                        + "\"value\":\"QUOTE\"}");
        assertThat(RuleJson.write(RuleTrigger.relativeTo("expectedCloseOn", -3)))
                .isEqualTo("{\"kind\":\"DATE_RELATIVE\",\"days\":-3,\"field\":\"expectedCloseOn\"}");
    }
}
