package io.salesdesk.studio.field;

import java.math.BigDecimal;
import java.util.List;

/**
 * How the records a viewer sees spread over one custom field's values, for a dashboard chart: 大客户
 * by 攻坚阶段, open deals and their amount by 行业. Customers and leads count as they are; deals only
 * while open, with their amount.
 *
 * @param field   the field
 * @param slices  one per value that has records, most records first
 * @param unset   the records without a value (未填写)
 */
public record FieldBreakdown(CustomField field, List<Slice> slices, Slice unset) {

    /** The field types a breakdown makes sense for: a few known values each. */
    public static boolean fits(CustomField field) {
        return switch (field.type()) {
            case SINGLE_CHOICE, USER, CHECKBOX -> true;
            default -> false;
        };
    }

    public FieldBreakdown {
        slices = List.copyOf(slices);
    }

    /**
     * @param value  the canonical value (a choice, a user id, "true"/"false"); null for 未填写
     * @param count  how many records
     * @param amount their deals' amount; null for customers and leads
     */
    public record Slice(String value, int count, BigDecimal amount) {
    }
}
