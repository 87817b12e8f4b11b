package io.salesdesk.workflow.approval.flow;

/** The comparisons a business user can build in the designer. */
public enum Operator {
    EQ, NE, GT, GE, LT, LE,
    /** The value is one of a comma-separated list. */
    IN,
    /** Text containing the value. */
    CONTAINS,
    /** The field has a value. */
    PRESENT
}
