package io.salesdesk.studio.form;

import java.util.Arrays;
import java.util.Objects;

/**
 * When a placed field shows: another field of the form compared with a value, e.g. 招标编号 shows when
 * 客户来源 = 招标. Values are compared as the canonical text the form holds (a choice as written, a
 * multiple choice one per line, a tier as its letter).
 *
 * @param field    the name of the field it depends on ({@code tier}, {@code custom.source})
 * @param operator how its value is compared
 * @param value    what it is compared with; unused by {@link Operator#FILLED} and {@link Operator#EMPTY}
 */
public record VisibleWhen(String field, Operator operator, String value) {

    /** The comparisons a business user picks from. */
    public enum Operator {
        EQUALS, NOT_EQUALS, CONTAINS, FILLED, EMPTY;

        /** Whether the operator compares with a value (the others only look at whether there is one). */
        public boolean takesValue() {
            return this == EQUALS || this == NOT_EQUALS || this == CONTAINS;
        }
    }

    public VisibleWhen {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        value = operator.takesValue() ? (value == null ? "" : value.strip()) : null;
    }

    /** Whether the condition holds for the depended-on field's current value (null or blank for none). */
    public boolean holds(String actual) {
        String now = actual == null ? "" : actual.strip();
        return switch (operator) {
            case EQUALS -> now.equals(value) || lines(now).length > 1 && Arrays.asList(lines(now)).contains(value);
            case NOT_EQUALS -> !now.equals(value);
            case CONTAINS -> !value.isEmpty() && now.contains(value);
            case FILLED -> !now.isEmpty();
            case EMPTY -> now.isEmpty();
        };
    }

    private static String[] lines(String text) {
        return text.split("\\R");
    }
}
