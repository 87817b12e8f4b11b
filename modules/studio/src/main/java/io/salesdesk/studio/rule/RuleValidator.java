package io.salesdesk.studio.rule;

import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Checks a rule before it is saved: every part filled in, every field known, and no rule that would
 * trigger itself (a "field changed to" rule that sets the field it watches).
 */
final class RuleValidator {

    static final int NAME_MAX = 100;
    static final int TEXT_MAX = 200;
    static final int DAYS_MAX = 3650;

    private RuleValidator() {
    }

    static RuleDefinition check(RuleDefinition rule, List<CustomField> customFields) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> custom = customFields.stream().filter(f -> !f.retired())
                .map(f -> RuleFields.CUSTOM + f.key()).collect(Collectors.toSet());
        String name = rule.name() == null ? "" : rule.name().strip();
        if (name.isEmpty()) {
            problems.add(FieldProblem.of("name", "rule.name.required"));
        } else if (name.length() > NAME_MAX) {
            problems.add(FieldProblem.of("name", "rule.name.tooLong", NAME_MAX));
        }
        if (RuleEntity.find(rule.entity()).isEmpty()) {
            problems.add(FieldProblem.of("entity", "rule.entity.unsupported", rule.entity()));
            throw new ValidationException(problems);
        }
        checkMatching(rule, custom, customDates(customFields), problems);
        if (rule.actions().isEmpty()) {
            problems.add(FieldProblem.of("actions", "rule.actions.none"));
        }
        for (RuleAction a : rule.actions()) {
            checkAction(rule.entity(), a, custom, problems);
        }
        if (rule.trigger() != null && rule.trigger().kind() == RuleTrigger.Kind.UPDATED
                && rule.actions().stream().anyMatch(a -> a.kind() == RuleAction.Kind.SET_FIELD
                || a.kind() == RuleAction.Kind.MOVE_ON_BOARD)) {
            // Changes made by rules do not set off "updated" rules, so this would not loop; but a rule
            // that edits whatever was just edited is almost always a mistake worth a word.
            problems.add(FieldProblem.of("actions", "rule.loop.updated"));
        }
        if (rule.trigger() != null && rule.trigger().kind() == RuleTrigger.Kind.FIELD_CHANGED
                && rule.actions().stream().anyMatch(a -> a.kind() == RuleAction.Kind.SET_FIELD
                && a.field() != null && a.field().equals(rule.trigger().field()))) {
            problems.add(FieldProblem.of("actions", "rule.loop", rule.trigger().field()));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new RuleDefinition(name, rule.entity(), rule.trigger(), rule.conditions(), rule.actions(),
                rule.enabled());
    }

    /**
     * Checks only what decides which records match (trigger and conditions): test mode runs on a rule
     * whose name and actions are not filled in yet.
     */
    static void checkMatching(RuleDefinition rule, List<CustomField> customFields) {
        List<FieldProblem> problems = new ArrayList<>();
        if (RuleEntity.find(rule.entity()).isEmpty()) {
            throw new ValidationException(List.of(FieldProblem.of("entity", "rule.entity.unsupported", rule.entity())));
        }
        checkMatching(rule, customFields.stream().filter(f -> !f.retired())
                .map(f -> RuleFields.CUSTOM + f.key()).collect(Collectors.toSet()), customDates(customFields), problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static Set<String> customDates(List<CustomField> fields) {
        return fields.stream().filter(f -> !f.retired() && f.type() == FieldType.DATE)
                .map(f -> RuleFields.CUSTOM + f.key()).collect(Collectors.toSet());
    }

    private static void checkMatching(RuleDefinition rule, Set<String> custom, Set<String> customDates,
                                      List<FieldProblem> problems) {
        checkTrigger(rule.entity(), rule.trigger(), custom, customDates, problems);
        if (rule.conditions().expression() != null) {
            RuleExpressions.problem(rule.conditions().expression()).ifPresent(p ->
                    problems.add(FieldProblem.of("conditions", "rule.expression.invalid", p)));
        }
        for (RuleCondition c : rule.conditions().rows()) {
            if (!known(rule.entity(), c.field(), custom)) {
                problems.add(FieldProblem.of("conditions", "rule.field.unknown", String.valueOf(c.field())));
            } else if (c.operator() == null) {
                problems.add(FieldProblem.of("conditions", "rule.condition.operator"));
            } else if (c.operator().needsValue() && blank(c.value())) {
                problems.add(FieldProblem.of("conditions", "rule.condition.value", c.field()));
            }
        }
    }

    private static void checkTrigger(String entity, RuleTrigger t, Set<String> custom, Set<String> customDates,
                                     List<FieldProblem> problems) {
        if (t == null || t.kind() == null) {
            problems.add(FieldProblem.of("trigger", "rule.trigger.required"));
            return;
        }
        switch (t.kind()) {
            case NO_ACTIVITY -> {
                if (!RuleEntity.of(entity).hasActivities()) {
                    problems.add(FieldProblem.of("trigger", "rule.trigger.noActivities"));
                }
                if (t.days() == null || t.days() < 1 || t.days() > DAYS_MAX) {
                    problems.add(FieldProblem.of("trigger", "rule.trigger.days", DAYS_MAX));
                }
                if (t.activityKind() != null && !RuleFields.ACTIVITY_KINDS.contains(t.activityKind())) {
                    problems.add(FieldProblem.of("trigger", "rule.trigger.activityKind", t.activityKind()));
                }
            }
            case FIELD_CHANGED -> {
                if (!known(entity, t.field(), custom)) {
                    problems.add(FieldProblem.of("trigger", "rule.field.unknown", String.valueOf(t.field())));
                } else if (blank(t.value())) {
                    problems.add(FieldProblem.of("trigger", "rule.trigger.value"));
                }
            }
            case DATE_RELATIVE -> {
                if (!dates(entity, customDates).contains(t.field())) {
                    problems.add(FieldProblem.of("trigger", "rule.trigger.dateField", String.valueOf(t.field())));
                }
                if (t.days() == null || Math.abs(t.days()) > DAYS_MAX) {
                    problems.add(FieldProblem.of("trigger", "rule.trigger.offset", DAYS_MAX));
                }
            }
            case APPROVAL -> {
                if (!RuleTrigger.APPROVAL_OUTCOMES.contains(t.value())) {
                    problems.add(FieldProblem.of("trigger", "rule.trigger.outcome"));
                }
            }
            case CREATED, UPDATED -> {
                // Nothing to fill in.
            }
        }
    }

    /** The date fields a "date" trigger can watch: built-in dates and custom date fields of the entity. */
    static Set<String> dates(String entity, Set<String> customDates) {
        Set<String> all = new java.util.HashSet<>(customDates);
        RuleFields.of(entity).stream().filter(f -> f.kind() == RuleFields.ValueKind.DATE).forEach(f -> all.add(f.key()));
        return all;
    }

    private static void checkAction(String entity, RuleAction a, Set<String> custom, List<FieldProblem> problems) {
        if (a.kind() == null) {
            problems.add(FieldProblem.of("actions", "rule.action.kind"));
            return;
        }
        switch (a.kind()) {
            case CREATE_TASK, NOTIFY_OWNER, NOTIFY_MANAGER, ESCALATE -> {
                if (blank(a.text())) {
                    problems.add(FieldProblem.of("actions", missingText(a.kind())));
                } else if (a.text().strip().length() > TEXT_MAX) {
                    problems.add(FieldProblem.of("actions", "rule.action.text.tooLong", TEXT_MAX));
                }
                if (a.kind() == RuleAction.Kind.CREATE_TASK && (a.days() == null || a.days() < 0
                        || a.days() > DAYS_MAX)) {
                    problems.add(FieldProblem.of("actions", "rule.action.days", DAYS_MAX));
                }
            }
            case SET_FIELD -> {
                boolean settable = RuleFields.builtIn(entity, a.field()).map(RuleFields.BuiltIn::settable).orElse(false)
                        || custom.contains(a.field());
                if (!settable) {
                    problems.add(FieldProblem.of("actions", "rule.action.field", String.valueOf(a.field())));
                } else if (blank(a.value())) {
                    problems.add(FieldProblem.of("actions", "rule.action.value", a.field()));
                }
            }
            case ASSIGN -> {
                boolean auto = RuleAction.AUTO.equals(a.value());
                if (auto && !RuleDefinition.LEAD.equals(entity)) {
                    problems.add(FieldProblem.of("actions", "rule.action.assign.auto"));
                } else if (!auto && !isUuid(a.value())) {
                    problems.add(FieldProblem.of("actions", "rule.action.assign.user"));
                }
            }
            case RETURN_TO_POOL -> {
                if (!RuleDefinition.CUSTOMER.equals(entity)) {
                    problems.add(FieldProblem.of("actions", "rule.action.pool.customers"));
                } else if (a.text() != null && a.text().strip().length() > TEXT_MAX) {
                    problems.add(FieldProblem.of("actions", "rule.action.text.tooLong", TEXT_MAX));
                }
            }
            case FREEZE_ORDERS -> {
                if (RuleDefinition.LEAD.equals(entity)) {
                    problems.add(FieldProblem.of("actions", "rule.action.freeze.leads"));
                } else if (RuleEvaluator.values(a.value()).isEmpty()) {
                    problems.add(FieldProblem.of("actions", "rule.action.freeze.categories"));
                }
            }
            case START_APPROVAL -> {
                if (a.text() != null && a.text().strip().length() > TEXT_MAX) {
                    problems.add(FieldProblem.of("actions", "rule.action.text.tooLong", TEXT_MAX));
                }
            }
            case MOVE_ON_BOARD -> {
                if (RuleBoards.kindOf(entity).isEmpty()) {
                    problems.add(FieldProblem.of("actions", "rule.action.move.leads"));
                } else if (!isUuid(a.field())) {
                    problems.add(FieldProblem.of("actions", "rule.action.move.board"));
                } else if (blank(a.value())) {
                    problems.add(FieldProblem.of("actions", "rule.action.move.column"));
                }
            }
            case WEBHOOK -> {
                if (blank(a.value()) || !RuleWebhook.acceptable(a.value())) {
                    problems.add(FieldProblem.of("actions", "rule.action.webhook.url", String.valueOf(a.value())));
                }
            }
        }
    }

    private static boolean isUuid(String s) {
        try {
            UUID.fromString(s == null ? "" : s.strip());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** What to ask for when an action's text is missing: a task title, a message, a reason. */
    private static String missingText(RuleAction.Kind kind) {
        return switch (kind) {
            case CREATE_TASK -> "rule.action.text.CREATE_TASK";
            case NOTIFY_OWNER -> "rule.action.text.NOTIFY_OWNER";
            case NOTIFY_MANAGER -> "rule.action.text.NOTIFY_MANAGER";
            default -> "rule.action.text.ESCALATE";
        };
    }

    private static boolean known(String entity, String field, Set<String> custom) {
        return field != null && (RuleFields.builtIn(entity, field).isPresent() || custom.contains(field));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
