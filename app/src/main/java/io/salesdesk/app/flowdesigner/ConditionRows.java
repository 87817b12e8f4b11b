package io.salesdesk.app.flowdesigner;

import java.util.ArrayList;
import java.util.List;

import io.salesdesk.workflow.approval.flow.AllOf;
import io.salesdesk.workflow.approval.flow.AnyOf;
import io.salesdesk.workflow.approval.flow.Condition;
import io.salesdesk.workflow.approval.flow.Expression;
import io.salesdesk.workflow.approval.flow.FieldTest;
import io.salesdesk.workflow.approval.flow.Operator;

/**
 * A branch's condition as the designer edits it: rows of field / operator / value, all joined
 * with 且 (and) or all with 或 (or), or an advanced expression in CEL instead. No rows and no
 * expression means no condition: the "otherwise" branch.
 *
 * @param rows       the comparisons, in the order shown
 * @param all        true for 且 (every row holds), false for 或 (any row holds)
 * @param expression the advanced expression, which replaces the rows; null when the rows apply
 */
record ConditionRows(List<Row> rows, boolean all, String expression) {

    /** One comparison; {@code value} is unused for {@link Operator#PRESENT}. */
    record Row(String field, Operator operator, String value) {
    }

    ConditionRows {
        rows = List.copyOf(rows);
    }

    ConditionRows(List<Row> rows, boolean all) {
        this(rows, all, null);
    }

    /** Whether the branch has a condition of either kind. */
    boolean isEmpty() {
        return rows.isEmpty() && (expression == null || expression.isBlank());
    }

    static ConditionRows none() {
        return new ConditionRows(List.of(), true);
    }

    /**
     * Reads a stored condition. A condition nested deeper than the designer draws (an "or" inside an
     * "and") keeps its top-level comparisons only; flows made in the designer never nest.
     */
    static ConditionRows of(Condition condition) {
        if (condition == null) {
            return none();
        }
        if (condition instanceof FieldTest test) {
            return new ConditionRows(List.of(row(test)), true);
        }
        if (condition instanceof Expression advanced) {
            return new ConditionRows(List.of(), true, advanced.source());
        }
        boolean all = condition instanceof AllOf;
        List<Condition> parts = all ? ((AllOf) condition).conditions() : ((AnyOf) condition).conditions();
        List<Row> rows = new ArrayList<>();
        for (Condition part : parts) {
            if (part instanceof FieldTest test) {
                rows.add(row(test));
            } else {
                rows.addAll(of(part).rows());
            }
        }
        return new ConditionRows(rows, all);
    }

    private static Row row(FieldTest test) {
        return new Row(test.field(), test.operator(), test.value());
    }

    /**
     * The condition the rows (or the expression) say; null without either. Rows without a field or
     * operator are left out.
     */
    Condition toCondition() {
        if (expression != null) {
            return expression.isBlank() ? null : new Expression(expression.strip());
        }
        List<Condition> tests = rows.stream().filter(r -> r.field() != null && r.operator() != null)
                .map(r -> (Condition) new FieldTest(r.field(), r.operator(),
                        r.operator() == Operator.PRESENT ? null : trimmed(r.value())))
                .toList();
        if (tests.isEmpty()) {
            return null;
        }
        if (tests.size() == 1) {
            return tests.get(0);
        }
        return all ? new AllOf(tests) : new AnyOf(tests);
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
