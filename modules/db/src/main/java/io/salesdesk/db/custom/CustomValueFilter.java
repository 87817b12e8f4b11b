package io.salesdesk.db.custom;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A condition on one custom field's stored value, for lists that filter by custom fields. It names
 * the column the field's type is stored in ({@code custom_value}); the studio module builds it from
 * a field and what the user typed, already in stored form.
 *
 * @param fieldId  the custom field
 * @param column   where values of the field's type are stored
 * @param operator how the value is compared
 * @param values   the operands: one for EQUALS, CONTAINS and STARTS_WITH; from and to (either may be
 *                 null) for BETWEEN; the choices for ONE_OF and ANY_LINE_OF; none for IS_TRUE and
 *                 NOT_TRUE
 */
public record CustomValueFilter(UUID fieldId, Column column, Operator operator, List<Object> values) {

    /** The value columns of {@code custom_value}. */
    public enum Column {
        TEXT, NUMBER, MOMENT, FLAG
    }

    /** Comparisons, each fitting some field types. */
    public enum Operator {
        /** Text equal to the operand. */
        EQUALS,
        /** Text containing the operand, ignoring case. */
        CONTAINS,
        /** Text starting with the operand (a region code prefix). */
        STARTS_WITH,
        /** Number, date or moment from the first operand to the second, both included; a null end is open. */
        BETWEEN,
        /** Text equal to one of the operands (single choice, user). */
        ONE_OF,
        /** Text whose lines include one of the operands (multiple choice, stored one per line). */
        ANY_LINE_OF,
        /** A ticked checkbox. */
        IS_TRUE,
        /** A checkbox not ticked, or never set: what a user means by "no". */
        NOT_TRUE
    }

    public CustomValueFilter {
        Objects.requireNonNull(fieldId, "fieldId");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(operator, "operator");
        // Not List.copyOf: a BETWEEN with an open end carries a null.
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
}
