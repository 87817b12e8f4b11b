package io.salesdesk.studio.field;

import io.salesdesk.workflow.approval.ApprovalTrigger;
import io.salesdesk.workflow.approval.SubjectExtras;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * Custom fields as approval flows see them: a condition such as 行业 = 医疗 or 预算 > 500,000 on a
 * field the director added, and an approver taken from a custom user field. A field is named
 * {@code custom.<key>} in flows, as in rules, so the two never clash with a module's own fields.
 */
public final class FlowCustomValues implements SubjectExtras {

    /** Prefix of a custom field's name in a flow. */
    public static final String PREFIX = "custom.";

    private final CustomFieldService customFields;

    public FlowCustomValues(CustomFieldService fields) {
        this.customFields = fields;
    }

    @Override
    public List<ApprovalTrigger.Field> fields(String entity) {
        return entityOf(entity).map(e -> customFields.fields(e).stream()
                .map(f -> new ApprovalTrigger.Field(PREFIX + f.key(), flowType(f.type()), f.label())).toList())
                .orElse(List.of());
    }

    @Override
    public Map<String, Object> values(Configuration cfg, String entity, UUID recordId) {
        Optional<CustomEntity> custom = entityOf(entity);
        if (custom.isEmpty()) {
            return Map.of();
        }
        Map<String, ApprovalTrigger.FieldType> types = new HashMap<>();
        customFields.fields(cfg, custom.get()).forEach(f -> types.put(f.key(), flowType(f.type())));
        Map<String, Object> values = new HashMap<>();
        customFields.values(cfg, custom.get(), List.of(recordId)).getOrDefault(recordId, Map.of()).forEach((key, text) -> {
            ApprovalTrigger.FieldType type = types.get(key);
            if (type != null) {
                boolean number = type == ApprovalTrigger.FieldType.MONEY || type == ApprovalTrigger.FieldType.NUMBER;
                values.put(PREFIX + key, number ? new BigDecimal(text) : text);
            }
        });
        return values;
    }

    /** The custom-field entity an approval entity ({@code contract}, {@code customer}…) is, if it has custom fields. */
    private static Optional<CustomEntity> entityOf(String entity) {
        return Arrays.stream(CustomEntity.values()).filter(e -> e.auditName().equals(entity)).findFirst();
    }

    /** How the flow designer edits and compares a custom field's values. */
    private static ApprovalTrigger.FieldType flowType(FieldType type) {
        return switch (type) {
            case NUMBER -> ApprovalTrigger.FieldType.NUMBER;
            case MONEY -> ApprovalTrigger.FieldType.MONEY;
            case DATE, DATE_TIME -> ApprovalTrigger.FieldType.DATE;
            case USER -> ApprovalTrigger.FieldType.USER;
            case REGION -> ApprovalTrigger.FieldType.REGION;
            case TEXT, LONG_TEXT, SINGLE_CHOICE, MULTI_CHOICE, CHECKBOX, LINK -> ApprovalTrigger.FieldType.TEXT;
        };
    }
}
