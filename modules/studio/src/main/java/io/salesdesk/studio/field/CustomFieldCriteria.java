package io.salesdesk.studio.field;

import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.db.custom.CustomValueFilter;
import io.salesdesk.db.custom.CustomValueFilter.Column;
import io.salesdesk.db.custom.CustomValueFilter.Operator;
import io.salesdesk.db.custom.CustomValueSort;
import java.util.ArrayList;
import java.util.List;

/**
 * List filters and sorts on custom fields, from what a user picked: the operators that fit each
 * type (contains or equals for text, a range for numbers, money and dates, one of for choices and
 * users, yes or no for a checkbox), with operands checked and stored as the field's values are.
 */
public final class CustomFieldCriteria {

    private CustomFieldCriteria() {
    }

    /** The operators a list offers for a field of this type, the usual one first. */
    public static List<Operator> operators(FieldType type) {
        return switch (type) {
            case TEXT, LONG_TEXT, LINK -> List.of(Operator.CONTAINS, Operator.EQUALS);
            case NUMBER, MONEY, DATE, DATE_TIME -> List.of(Operator.BETWEEN);
            case SINGLE_CHOICE, USER -> List.of(Operator.ONE_OF);
            case MULTI_CHOICE -> List.of(Operator.ANY_LINE_OF);
            case REGION -> List.of(Operator.STARTS_WITH);
            case CHECKBOX -> List.of(Operator.IS_TRUE, Operator.NOT_TRUE);
        };
    }

    /** The column values of this type are stored in. */
    public static Column column(FieldType type) {
        return switch (type) {
            case NUMBER, MONEY -> Column.NUMBER;
            case DATE_TIME -> Column.MOMENT;
            case CHECKBOX -> Column.FLAG;
            default -> Column.TEXT;
        };
    }

    /** Sorts a list by a field's values. */
    public static CustomValueSort sort(CustomField field) {
        return new CustomValueSort(field.id(), column(field.type()));
    }

    /**
     * A filter on a field.
     *
     * @param operands as a user writes them: the text for CONTAINS and EQUALS, the code prefix for
     *                 STARTS_WITH, from and to for BETWEEN (blank or null for an open end), the choices
     *                 or user ids for ONE_OF and ANY_LINE_OF, nothing for IS_TRUE and NOT_TRUE
     * @throws ValidationException on field {@code custom.KEY} when an operand is no value of the field
     *                             (a letter in a number range), or nothing was given to compare with
     */
    public static CustomValueFilter filter(CustomField field, Operator operator, List<String> operands) {
        if (!operators(field.type()).contains(operator)) {
            throw new IllegalArgumentException(operator + " does not fit a " + field.type() + " field");
        }
        List<Object> values = new ArrayList<>();
        try {
            switch (operator) {
                case CONTAINS, EQUALS, STARTS_WITH -> values.add(required(field, operands.isEmpty() ? null
                        : operands.get(0)).strip());
                case BETWEEN -> {
                    String from = operands.isEmpty() ? null : operands.get(0);
                    String to = operands.size() < 2 ? null : operands.get(1);
                    if (blank(from) && blank(to)) {
                        throw refused("studio.filter.empty", field.label());
                    }
                    values.add(bound(field, from));
                    values.add(bound(field, to));
                }
                case ONE_OF, ANY_LINE_OF -> {
                    for (String operand : operands) {
                        if (!blank(operand)) {
                            values.add(stored(field, operand).text());
                        }
                    }
                    if (values.isEmpty()) {
                        throw refused("studio.filter.empty", field.label());
                    }
                }
                case IS_TRUE, NOT_TRUE -> { }
            }
        } catch (FieldType.Refused refused) {
            throw new ValidationException(List.of(FieldProblem.of("custom." + field.key(), refused.messageKey,
                    refused.arguments)));
        }
        return new CustomValueFilter(field.id(), column(field.type()), operator, values);
    }

    private static Object bound(CustomField field, String operand) throws FieldType.Refused {
        if (blank(operand)) {
            return null;
        }
        FieldType.Stored stored = stored(field, operand);
        return switch (column(field.type())) {
            case NUMBER -> stored.number();
            case MOMENT -> stored.moment();
            default -> stored.text();
        };
    }

    /** An operand as the field stores it; a choice of a single choice field checked against its choices. */
    private static FieldType.Stored stored(CustomField field, String operand) throws FieldType.Refused {
        FieldType type = field.type() == FieldType.MULTI_CHOICE ? FieldType.SINGLE_CHOICE : field.type();
        return type.store(operand, field.choices());
    }

    private static String required(CustomField field, String operand) throws FieldType.Refused {
        if (blank(operand)) {
            throw refused("studio.filter.empty", field.label());
        }
        return operand;
    }

    private static FieldType.Refused refused(String key, Object... arguments) {
        return new FieldType.Refused(key, arguments);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
