package io.salesdesk.workflow.approval.flow;

import java.util.Map;
import java.util.Objects;

/**
 * A condition written in CEL (Common Expression Language), for what field tests cannot say, e.g.
 * {@code amount > 500000.0 && regionCode.startsWith("33")}. The record's fields are the variables:
 * numbers as double, text as string, a missing field as null. The expression is compiled once
 * and cached; it has no side effects and its cost is bounded ({@link CelConditions}).
 *
 * @param source the expression as the designer typed it; it must give true or false
 */
public record Expression(String source) implements Condition {

    public Expression {
        Objects.requireNonNull(source, "source");
    }

    /**
     * Whether the expression holds for these fields. An expression that cannot be evaluated for
     * them (a number compared with text, a missing field used in arithmetic) does not hold: see
     * {@link CelConditions#holds}.
     */
    @Override
    public boolean test(Map<String, ?> fields) {
        return CelConditions.holds(source, fields);
    }
}
