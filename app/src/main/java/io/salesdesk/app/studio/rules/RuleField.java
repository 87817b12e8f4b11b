package io.salesdesk.app.studio.rules;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.I18n;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.FieldType;
import io.salesdesk.studio.rule.RuleCondition.Operator;
import io.salesdesk.studio.rule.RuleFields;
import java.util.ArrayList;
import java.util.List;

/**
 * A field of a customer, lead or opportunity as the rule builder offers it: a built-in one (级别, 商机阶段 …)
 * or a custom field, with its label and the operators that make sense for its values.
 *
 * @param custom the custom field, null for a built-in one
 */
record RuleField(String key, String label, RuleFields.ValueKind kind, CustomField custom, boolean settable) {

    /** The fields of an entity conditions can test, built-in first, then the custom fields in their order. */
    static List<RuleField> all(AppContext context, String entity) {
        List<RuleField> all = new ArrayList<>();
        for (RuleFields.BuiltIn b : RuleFields.of(entity)) {
            // The name is 客户名称, 线索名称 or 商机名称; other labels are the same on every entity.
            String own = "rules.field." + b.key() + "." + entity;
            all.add(new RuleField(b.key(), I18n.get(I18n.has(own) ? own : "rules.field." + b.key()), b.kind(), null,
                    b.settable()));
        }
        for (CustomField f : context.customFields().fields(CustomEntity.valueOf(entity))) {
            all.add(new RuleField(RuleFields.CUSTOM + f.key(), f.label(), RuleFields.ValueKind.TEXT, f, true));
        }
        return all;
    }

    /** Whether a "date" trigger can watch this field: a built-in date or a custom date field. */
    boolean isDate() {
        return custom != null ? custom.type() == FieldType.DATE : kind == RuleFields.ValueKind.DATE;
    }

    /** The comparisons offered for this field. */
    List<Operator> operators() {
        if (custom != null) {
            return switch (custom.type()) {
                case NUMBER, MONEY, DATE, DATE_TIME -> List.of(Operator.EQ, Operator.GT, Operator.LT, Operator.EMPTY,
                        Operator.NOT_EMPTY);
                case TEXT, LONG_TEXT, LINK -> List.of(Operator.CONTAINS, Operator.EQ, Operator.NE, Operator.EMPTY,
                        Operator.NOT_EMPTY);
                case MULTI_CHOICE -> List.of(Operator.CONTAINS, Operator.EMPTY, Operator.NOT_EMPTY);
                case CHECKBOX -> List.of(Operator.EQ);
                default -> List.of(Operator.EQ, Operator.NE, Operator.EMPTY, Operator.NOT_EMPTY);
            };
        }
        return switch (kind) {
            case TEXT -> List.of(Operator.CONTAINS, Operator.EQ, Operator.NE);
            case NUMBER, DATE -> List.of(Operator.GT, Operator.LT, Operator.EQ, Operator.NE, Operator.EMPTY,
                    Operator.NOT_EMPTY);
            case REGION -> List.of(Operator.EQ, Operator.NE);
            case USER -> List.of(Operator.EQ, Operator.NE, Operator.EMPTY);
            default -> List.of(Operator.EQ, Operator.NE);
        };
    }

    static RuleField find(List<RuleField> fields, String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
    }
}
