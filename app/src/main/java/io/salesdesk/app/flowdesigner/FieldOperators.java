package io.salesdesk.app.flowdesigner;

import java.util.List;

import io.salesdesk.workflow.approval.ApprovalTrigger.FieldType;
import io.salesdesk.workflow.approval.flow.Operator;

/** The comparisons that make sense for a kind of field: no "greater than" for a person, no "contains" for money. */
final class FieldOperators {

    private FieldOperators() {
    }

    static List<Operator> fitting(FieldType type) {
        if (type == null) {
            return List.of(Operator.values());
        }
        return switch (type) {
            case NUMBER, MONEY, PERCENT, DATE -> List.of(Operator.GT, Operator.GE, Operator.LT, Operator.LE,
                    Operator.EQ, Operator.NE, Operator.PRESENT);
            case TEXT -> List.of(Operator.EQ, Operator.NE, Operator.CONTAINS, Operator.IN, Operator.PRESENT);
            case USER -> List.of(Operator.EQ, Operator.NE, Operator.PRESENT);
            case REGION -> List.of(Operator.EQ, Operator.IN, Operator.NE, Operator.PRESENT);
        };
    }
}
