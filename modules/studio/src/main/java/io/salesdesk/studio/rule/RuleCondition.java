package io.salesdesk.studio.rule;

/**
 * One row of a rule's conditions: field, operator, value ("客户级别 等于 A").
 *
 * @param field    a built-in field key ({@link RuleFields}) or {@code custom.KEY}
 * @param operator how the record's value is compared
 * @param value    what it is compared with; for {@link Operator#IN} several values separated by commas;
 *                 unused for {@link Operator#EMPTY} and {@link Operator#NOT_EMPTY}
 */
public record RuleCondition(String field, Operator operator, String value) {

    /** The comparisons a condition can make. */
    public enum Operator {
        EQ, NE, IN, CONTAINS, GT, LT, EMPTY, NOT_EMPTY;

        /** Whether the operator compares with a value the user enters. */
        public boolean needsValue() {
            return this != EMPTY && this != NOT_EMPTY;
        }
    }
}
