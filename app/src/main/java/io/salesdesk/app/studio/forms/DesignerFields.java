package io.salesdesk.app.studio.forms;

import io.salesdesk.app.common.I18n;
import io.salesdesk.app.customers.Industries;
import io.salesdesk.crm.OpportunityStage;
import io.salesdesk.crm.Tier;
import io.salesdesk.studio.field.FieldType;
import io.salesdesk.studio.form.PlaceableField;
import io.salesdesk.studio.form.VisibleWhen;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How the form designer names fields, their kinds and the values a condition can compare with, in the
 * user's language. Built-in fields are given the kind of control the form shows for them.
 */
final class DesignerFields {

    private static final Map<String, FieldType> BUILT_IN_KINDS = Map.ofEntries(
            Map.entry("tier", FieldType.SINGLE_CHOICE), Map.entry("industry", FieldType.SINGLE_CHOICE),
            Map.entry("regionCode", FieldType.REGION), Map.entry("ownerId", FieldType.USER),
            Map.entry("primary", FieldType.CHECKBOX), Map.entry("note", FieldType.LONG_TEXT),
            Map.entry("customerId", FieldType.SINGLE_CHOICE), Map.entry("stage", FieldType.SINGLE_CHOICE),
            Map.entry("probability", FieldType.NUMBER), Map.entry("amount", FieldType.MONEY),
            Map.entry("expectedCloseOn", FieldType.DATE));
    /** Built-in fields whose control is none of the custom kinds: said in words of their own. */
    private static final Map<String, String> BUILT_IN_KIND_TEXTS = Map.of("customerId",
            "studio.designer.kind.customer", "lines", "studio.designer.kind.lines", "regionCode",
            "studio.designer.kind.region");

    private DesignerFields() {
    }

    static String label(PlaceableField field) {
        return field == null ? "" : I18n.isChinese() ? field.labelZh() : field.labelEn();
    }

    static FieldType kind(PlaceableField field) {
        return field.builtIn() ? BUILT_IN_KINDS.getOrDefault(field.name(), FieldType.TEXT)
                : field.customField().type();
    }

    static String kindText(PlaceableField field) {
        if (field.builtIn() && BUILT_IN_KIND_TEXTS.containsKey(field.name())) {
            return I18n.get(BUILT_IN_KIND_TEXTS.get(field.name()));
        }
        return I18n.get("studio.type." + kind(field).name());
    }

    /** The values a condition on the field can pick from; empty for a field typed freely. */
    static List<String> choices(PlaceableField field) {
        if (field.builtIn()) {
            return switch (field.name()) {
                case "tier" -> Arrays.stream(Tier.values()).map(Enum::name).toList();
                case "industry" -> Industries.CODES;
                case "primary" -> List.of("true", "false");
                default -> List.of();
            };
        }
        return switch (field.customField().type()) {
            case SINGLE_CHOICE, MULTI_CHOICE -> field.customField().choices();
            case CHECKBOX -> List.of("true", "false");
            default -> List.of();
        };
    }

    /** How a value of the field reads: a tier by its name, an industry by its label, a checkbox 是/否. */
    static String valueText(PlaceableField field, String value) {
        if (value == null || field == null) {
            return "";
        }
        if (field.builtIn() && field.name().equals("tier")) {
            return I18n.get("tier.long." + value);
        }
        if (field.builtIn() && field.name().equals("industry")) {
            return I18n.get("industry." + value);
        }
        if (kind(field) == FieldType.CHECKBOX) {
            boolean ticked = Boolean.parseBoolean(value);
            return I18n.get(ticked ? "studio.editor.yes" : "studio.editor.no");
        }
        return value;
    }

    static String operatorText(VisibleWhen.Operator operator) {
        return I18n.get("studio.designer.op." + operator.name());
    }

    /**
     * The values a condition compares with, for the fields whose choices live in the workspace (a
     * deal's stages) as well as the fixed ones.
     */
    static final class Values {

        private final List<OpportunityStage> stages;

        Values(List<OpportunityStage> stages) {
            this.stages = List.copyOf(stages);
        }

        List<String> choices(PlaceableField field) {
            if (field != null && field.builtIn() && field.name().equals("stage")) {
                return stages.stream().map(OpportunityStage::code).toList();
            }
            return field == null ? List.of() : DesignerFields.choices(field);
        }

        String text(PlaceableField field, String value) {
            if (field != null && field.builtIn() && field.name().equals("stage")) {
                return stages.stream().filter(s -> s.code().equals(value)).findFirst()
                        .map(s -> s.name(I18n.locale())).orElse(value == null ? "" : value);
            }
            return valueText(field, value);
        }

        /** A condition as a sentence: 客户来源 等于 招标. */
        String condition(VisibleWhen when, PlaceableField on) {
            String text = label(on) + " " + operatorText(when.operator());
            return when.operator().takesValue() ? text + " " + text(on, when.value()) : text;
        }
    }

    /** The id a node of a field gets: names like {@code custom.source} hold a dot, which CSS ids cannot. */
    static String idOf(String prefix, String field) {
        return prefix + field.replace('.', '_');
    }
}
