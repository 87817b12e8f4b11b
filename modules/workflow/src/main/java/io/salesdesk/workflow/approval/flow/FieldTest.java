package io.salesdesk.workflow.approval.flow;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * One comparison of a field with a value, e.g. amount GT 500000. Numbers compare as numbers
 * (BigDecimal: 500000 and 500000.00 are equal), everything else as text. A missing field only
 * satisfies NE, so a branch never applies because a value was absent.
 *
 * @param field    the record's field, e.g. amount, regionCode, discountPct
 * @param operator the comparison
 * @param value    the value as the designer typed it; unused for PRESENT
 */
public record FieldTest(String field, Operator operator, String value) implements Condition {

    public FieldTest {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
    }

    @Override
    public boolean test(Map<String, ?> fields) {
        Object actual = fields.get(field);
        if (operator == Operator.PRESENT) {
            return actual != null && !actual.toString().isBlank();
        }
        if (actual == null) {
            return operator == Operator.NE;
        }
        return switch (operator) {
            case IN -> Arrays.stream(value == null ? new String[0] : value.split("[,，]"))
                    .anyMatch(v -> compare(actual, v.trim()) == 0);
            case CONTAINS -> value != null && actual.toString().contains(value);
            case EQ -> compare(actual, value) == 0;
            case NE -> compare(actual, value) != 0;
            case GT -> compare(actual, value) > 0;
            case GE -> compare(actual, value) >= 0;
            case LT -> compare(actual, value) < 0;
            case LE -> compare(actual, value) <= 0;
            case PRESENT -> throw new AssertionError();
        };
    }

    private static int compare(Object actual, String expected) {
        if (expected == null) {
            return 1;
        }
        BigDecimal a = number(actual);
        BigDecimal e = number(expected);
        if (a != null && e != null) {
            return a.compareTo(e);
        }
        return actual.toString().compareTo(expected);
    }

    private static BigDecimal number(Object v) {
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        try {
            return new BigDecimal(v.toString().trim().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
