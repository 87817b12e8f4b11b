package io.salesdesk.app.studio.rules;

import io.salesdesk.app.common.I18n;
import io.salesdesk.studio.rule.RuleAction;
import io.salesdesk.studio.rule.RuleCondition;
import io.salesdesk.studio.rule.RuleDefinition;
import io.salesdesk.studio.rule.RuleTrigger;
import java.util.List;
import java.util.stream.Collectors;

/** A rule in one line each for the list: "超过 20 天没有演示 · 客户级别 等于 A", "创建任务、通知主管". */
final class RuleTexts {

    private RuleTexts() {
    }

    static String when(RuleDefinition rule, RuleChoices choices) {
        List<RuleField> fields = choices.fields(rule.entity());
        RuleTrigger t = rule.trigger();
        String noun = I18n.get("rules.entityNoun." + (rule.entity() == null ? RuleDefinition.CUSTOMER : rule.entity()));
        String trigger = switch (t.kind()) {
            case NO_ACTIVITY -> I18n.get("rules.trigger.NO_ACTIVITY", t.days(), t.activityKind() == null
                    ? I18n.get("rules.trigger.anyActivity") : I18n.get("activityKind." + t.activityKind()));
            case CREATED -> I18n.get("rules.trigger.CREATED", noun);
            case UPDATED -> I18n.get("rules.trigger.UPDATED", noun);
            case FIELD_CHANGED -> I18n.get("rules.trigger.FIELD_CHANGED", label(fields, t.field()),
                    value(choices, rule.entity(), t.field(), t.value()));
            case DATE_RELATIVE -> {
                int n = t.days() == null ? 0 : t.days();
                yield I18n.get(n < 0 ? "rules.trigger.DATE_RELATIVE.before" : n > 0 ? "rules.trigger.DATE_RELATIVE.after"
                        : "rules.trigger.DATE_RELATIVE.on", label(fields, t.field()), Math.abs(n));
            }
            case APPROVAL -> I18n.get("rules.trigger.APPROVAL", t.field() == null ? I18n.get("rules.approval.any")
                    : I18n.get("rules.approval." + t.field()), I18n.get("rules.approvalOutcome." + t.value()));
        };
        if (rule.entity() != null && !RuleDefinition.CUSTOMER.equals(rule.entity())) {
            // Customer rules read as before; others say what they run on: 商机：预计成交日期前 3 天.
            trigger = I18n.get("rules.onEntity", I18n.get("rules.entity." + rule.entity()), trigger);
        }
        if (rule.conditions().rows().isEmpty()) {
            return trigger;
        }
        String joint = I18n.get("rules.join." + rule.conditions().match().name());
        return trigger + " · " + rule.conditions().rows().stream().map(c -> condition(rule.entity(), c, choices))
                .collect(Collectors.joining(joint));
    }

    static String actions(RuleDefinition rule) {
        return rule.actions().stream().map(a -> I18n.get("rules.action." + a.kind().name()))
                .collect(Collectors.joining("、"));
    }

    private static String condition(String entity, RuleCondition c, RuleChoices choices) {
        List<RuleField> fields = choices.fields(entity);
        String op = I18n.get("rules.op." + c.operator().name());
        return c.operator().needsValue() ? label(fields, c.field()) + " " + op + " "
                + value(choices, entity, c.field(), c.value())
                : label(fields, c.field()) + " " + op;
    }

    private static String label(List<RuleField> fields, String key) {
        RuleField f = RuleField.find(fields, key);
        return f == null ? key : f.label();
    }

    /** A stored value as people read it: A 类 for A, 医院 for HOSPITAL. */
    static String value(RuleChoices choices, String entity, String key, String value) {
        RuleField f = RuleField.find(choices.fields(entity), key);
        if (f == null || value == null || f.custom() != null) {
            return value;
        }
        return switch (f.kind()) {
            case TIER -> I18n.has("tier." + value) ? I18n.get("tier." + value) : value;
            case INDUSTRY -> I18n.has("industry." + value) ? I18n.get("industry." + value) : value;
            case USER -> named(choices.users(), value);
            case REGION -> named(choices.provinces(), value);
            case STAGE -> named(choices.stages(), value);
            case LEAD_STATUS -> I18n.has("leadStatus." + value) ? I18n.get("leadStatus." + value) : value;
            default -> value;
        };
    }

    private static String named(List<RuleValueInput.Option> options, String value) {
        return options.stream().filter(o -> o.value().equals(value)).map(RuleValueInput.Option::label).findFirst()
                .orElse(value);
    }

    /** The action a run log line reads for an action kind that failed. */
    static String action(RuleAction.Kind kind) {
        return I18n.get("rules.action." + kind.name());
    }
}
