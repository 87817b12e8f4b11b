package io.salesdesk.app.flowdesigner;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.salesdesk.app.common.I18n;
import io.salesdesk.workflow.approval.ApprovalTrigger;
import io.salesdesk.workflow.approval.ApprovalTrigger.FieldType;
import io.salesdesk.workflow.approval.flow.Approvers;
import io.salesdesk.workflow.approval.flow.Operator;
import io.salesdesk.workflow.approval.flow.StepTimeout;
import io.salesdesk.workflow.approval.flow.TimeoutAction;

/**
 * The flow in words, as the designer's cards and the command line say it: "直属上级",
 * "角色：法务", "金额 > 500,000", "会签", "24 小时未处理：每 8 小时提醒 · 上报督办".
 *
 * @param trigger the action the flow is attached to (its fields' labels and types)
 * @param userName a user's name by login, the login itself when unknown
 * @param regionName a region's name by code, the code itself when unknown
 */
record FlowTexts(ApprovalTrigger trigger, Function<String, String> userName, Function<String, String> regionName) {

    /** A field's label: the name a director gave a custom field, else the built-in field's label. */
    String field(String name) {
        return trigger.fields().stream().filter(f -> f.name().equals(name) && f.label() != null)
                .map(ApprovalTrigger.Field::label).findFirst()
                .orElseGet(() -> FlowLabels.field(trigger.entity(), name));
    }

    FieldType typeOf(String field) {
        return trigger.fields().stream().filter(f -> f.name().equals(field)).map(ApprovalTrigger.Field::type)
                .findFirst().orElse(null);
    }

    /** Who signs, in words. */
    String approvers(Approvers who) {
        if (who == null) {
            return I18n.get("flowdesigner.approvers.none");
        }
        String value = who.value() == null || who.value().isBlank() ? null : who.value();
        return switch (who.kind()) {
            case USER -> value == null ? I18n.get("flowdesigner.approvers.none") : userName.apply(value);
            case ROLE -> value == null ? I18n.get("flowdesigner.approvers.none")
                    : I18n.get("flowdesigner.approvers.role", roleLabel(value));
            case MANAGER -> who.levels() <= 1 ? I18n.get("flowdesigner.approvers.manager")
                    : I18n.get("flowdesigner.approvers.managerLevels", who.levels());
            case RECORD_FIELD -> value == null ? I18n.get("flowdesigner.approvers.none")
                    : I18n.get("flowdesigner.approvers.recordField", field(value));
            case REGION_HEAD -> value == null || value.equals("regionCode")
                    ? I18n.get("flowdesigner.approvers.regionHead")
                    : I18n.get("flowdesigner.approvers.regionHeadOf", field(value));
        };
    }

    private static String roleLabel(String role) {
        return I18n.has("role." + role) ? I18n.get("role." + role) : role;
    }

    /** What happens when a step waits too long; empty for a step without a time limit. */
    String timeout(StepTimeout timeout) {
        if (timeout == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        parts.add(I18n.get(timeout.workingHours() ? "flowdesigner.timeout.workingHours" : "flowdesigner.timeout.hours",
                timeout.hours()));
        if (timeout.remindEveryHours() != null) {
            parts.add(I18n.get("flowdesigner.timeout.remindEvery", timeout.remindEveryHours()));
        } else {
            parts.add(I18n.get("flowdesigner.timeout.remindOnce"));
        }
        if (timeout.escalate()) {
            parts.add(I18n.get("flowdesigner.timeout.escalate"));
        }
        if (timeout.action() == TimeoutAction.ALTERNATE) {
            parts.add(I18n.get("flowdesigner.timeout.handOver", approvers(timeout.alternate())));
        } else if (timeout.action() != TimeoutAction.NONE) {
            parts.add(I18n.label("flowdesigner.timeout.action", timeout.action()));
        }
        return String.join(" · ", parts);
    }

    /** A branch's condition in words; "其他情况" for none. */
    String condition(ConditionRows rows) {
        if (rows.expression() != null && !rows.expression().isBlank()) {
            return I18n.get("flowdesigner.condition.expressionShown", rows.expression().strip());
        }
        if (rows.rows().isEmpty()) {
            return I18n.get("flowdesigner.branch.otherwise");
        }
        List<String> parts = rows.rows().stream().map(this::row).toList();
        return String.join(I18n.get(rows.all() ? "flowdesigner.condition.joinAll" : "flowdesigner.condition.joinAny"),
                parts);
    }

    String row(ConditionRows.Row row) {
        String field = field(row.field());
        if (row.operator() == Operator.PRESENT) {
            return I18n.get("flowdesigner.condition.present", field);
        }
        return field + " " + I18n.label("flowdesigner.operator", row.operator()) + " " + value(row.field(), row.value());
    }

    private String value(String field, String value) {
        if (value == null || value.isBlank()) {
            return "—";
        }
        FieldType type = typeOf(field);
        if (type == FieldType.REGION) {
            return String.join("、", java.util.Arrays.stream(value.split("[,，]")).map(String::trim)
                    .map(regionName).toList());
        }
        if (type == FieldType.MONEY || type == FieldType.NUMBER) {
            try {
                return NumberFormat.getNumberInstance(I18n.locale()).format(new BigDecimal(value.trim()));
            } catch (NumberFormatException e) {
                return value;
            }
        }
        if (type == FieldType.PERCENT) {
            return value + "%";
        }
        return value;
    }
}
