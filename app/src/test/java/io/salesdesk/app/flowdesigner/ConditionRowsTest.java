package io.salesdesk.app.flowdesigner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.salesdesk.workflow.approval.flow.AllOf;
import io.salesdesk.workflow.approval.flow.AnyOf;
import io.salesdesk.workflow.approval.flow.FieldTest;
import io.salesdesk.workflow.approval.flow.Operator;

/** Condition rows as the designer edits them, to and from the flow's conditions. */
class ConditionRowsTest {

    private static final ConditionRows.Row BIG = new ConditionRows.Row("amount", Operator.GT, " 500000 ");
    private static final ConditionRows.Row ZHEJIANG = new ConditionRows.Row("regionCode", Operator.IN, "330000,330100");

    @Test
    void noRowsIsTheOtherwiseBranch() {
        assertThat(ConditionRows.none().toCondition()).isNull();
        assertThat(ConditionRows.of(null).rows()).isEmpty();
    }

    @Test
    void oneRowIsOneFieldTestWithItsValueTrimmed() {
        assertThat(new ConditionRows(List.of(BIG), true).toCondition())
                .isEqualTo(new FieldTest("amount", Operator.GT, "500000"));
    }

    @Test
    void rowsJoinWithAndOrOr() {
        FieldTest big = new FieldTest("amount", Operator.GT, "500000");
        FieldTest zhejiang = new FieldTest("regionCode", Operator.IN, "330000,330100");

        assertThat(new ConditionRows(List.of(BIG, ZHEJIANG), true).toCondition())
                .isEqualTo(new AllOf(List.of(big, zhejiang)));
        assertThat(new ConditionRows(List.of(BIG, ZHEJIANG), false).toCondition())
                .isEqualTo(new AnyOf(List.of(big, zhejiang)));
    }

    @Test
    void aStoredConditionReadsBackAsTheSameRows() {
        ConditionRows rows = new ConditionRows(List.of(BIG, ZHEJIANG), false);

        ConditionRows back = ConditionRows.of(rows.toCondition());

        assertThat(back.all()).isFalse();
        assertThat(back.toCondition()).isEqualTo(rows.toCondition());
    }

    @Test
    void unfinishedRowsAreLeftOutAndPresentNeedsNoValue() {
        ConditionRows rows = new ConditionRows(List.of(new ConditionRows.Row(null, Operator.EQ, "x"),
                new ConditionRows.Row("ownerId", Operator.PRESENT, "ignored")), true);

        assertThat(rows.toCondition()).isEqualTo(new FieldTest("ownerId", Operator.PRESENT, null));
    }

    @Test
    void anAdvancedExpressionRoundTripsAndReplacesTheRows() {
        String cel = "amount > 500000.0 && regionCode.startsWith(\"33\")";
        ConditionRows read = ConditionRows.of(new io.salesdesk.workflow.approval.flow.Expression(cel));

        assertThat(read.expression()).isEqualTo(cel);
        assertThat(read.rows()).isEmpty();
        assertThat(read.isEmpty()).isFalse();
        assertThat(new ConditionRows(List.of(BIG), true, "  " + cel + " ").toCondition())
                .isEqualTo(new io.salesdesk.workflow.approval.flow.Expression(cel));
        assertThat(new ConditionRows(List.of(BIG), true, " ").toCondition()).as("a blank expression is no condition")
                .isNull();
    }
}
