package io.salesdesk.app.studio.rules;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.I18n;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.rule.RuleCondition.Operator;
import io.salesdesk.studio.rule.RuleFields;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer field as the rule builder offers it: a built-in one (级别, 行业 …) or a custom field,
 * with its label and the operators that make sense for its values.
 *
 * @param custom the custom field, null for a built-in one
 */
record RuleField(String key, String label, RuleFields.ValueKind kind, CustomField custom, boolean settable) {

    /** The fields conditions can test, built-in first, then the custom fields in their order. */
    static List<RuleField> all(AppContext context) {
        List<RuleField> all = new ArrayList<>();
        for (RuleFields.BuiltIn b : RuleFields.CUSTOMER) {
            all.add(new RuleField(b.key(), I18n.get("rules.field." + b.key()), b.kind(), null, b.settable()));
        }
        for (CustomField f : context.customFields().fields(CustomEntity.CUSTOMER)) {
            all.add(new RuleField(RuleFields.CUSTOM + f.key(), f.label(), RuleFields.ValueKind.TEXT, f, true));
        }
        return all;
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
            case REGION -> List.of(Operator.EQ, Operator.NE);
            case USER -> List.of(Operator.EQ, Operator.NE, Operator.EMPTY);
            default -> List.of(Operator.EQ, Operator.NE);
        };
    }

    static RuleField find(List<RuleField> fields, String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
    }
}
