package io.salesdesk.studio.rule;

import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.studio.field.CustomField;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
        if (!RuleDefinition.CUSTOMER.equals(rule.entity())) {
            problems.add(FieldProblem.of("entity", "rule.entity.unsupported", rule.entity()));
        }
        checkMatching(rule, custom, problems);
        if (rule.actions().isEmpty()) {
            problems.add(FieldProblem.of("actions", "rule.actions.none"));
        }
        for (RuleAction a : rule.actions()) {
            checkAction(a, custom, problems);
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
        checkMatching(rule, customFields.stream().filter(f -> !f.retired())
                .map(f -> RuleFields.CUSTOM + f.key()).collect(Collectors.toSet()), problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static void checkMatching(RuleDefinition rule, Set<String> custom, List<FieldProblem> problems) {
        checkTrigger(rule.trigger(), custom, problems);
        for (RuleCondition c : rule.conditions().rows()) {
            if (!known(c.field(), custom)) {
                problems.add(FieldProblem.of("conditions", "rule.field.unknown", String.valueOf(c.field())));
            } else if (c.operator() == null) {
                problems.add(FieldProblem.of("conditions", "rule.condition.operator"));
            } else if (c.operator().needsValue() && blank(c.value())) {
                problems.add(FieldProblem.of("conditions", "rule.condition.value", c.field()));
            }
        }
    }

    private static void checkTrigger(RuleTrigger t, Set<String> custom, List<FieldProblem> problems) {
        if (t == null || t.kind() == null) {
            problems.add(FieldProblem.of("trigger", "rule.trigger.required"));
            return;
        }
        switch (t.kind()) {
            case NO_ACTIVITY -> {
                if (t.days() == null || t.days() < 1 || t.days() > DAYS_MAX) {
                    problems.add(FieldProblem.of("trigger", "rule.trigger.days", DAYS_MAX));
                }
                if (t.activityKind() != null && !RuleFields.ACTIVITY_KINDS.contains(t.activityKind())) {
                    problems.add(FieldProblem.of("trigger", "rule.trigger.activityKind", t.activityKind()));
                }
            }
            case FIELD_CHANGED -> {
                if (!known(t.field(), custom)) {
                    problems.add(FieldProblem.of("trigger", "rule.field.unknown", String.valueOf(t.field())));
                } else if (blank(t.value())) {
                    problems.add(FieldProblem.of("trigger", "rule.trigger.value"));
                }
            }
            case CREATED -> {
                // Nothing to fill in.
            }
        }
    }

    private static void checkAction(RuleAction a, Set<String> custom, List<FieldProblem> problems) {
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
                boolean settable = RuleFields.builtIn(a.field()).map(RuleFields.BuiltIn::settable).orElse(false)
                        || custom.contains(a.field());
                if (!settable) {
                    problems.add(FieldProblem.of("actions", "rule.action.field", String.valueOf(a.field())));
                } else if (blank(a.value())) {
                    problems.add(FieldProblem.of("actions", "rule.action.value", a.field()));
                }
            }
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

    private static boolean known(String field, Set<String> custom) {
        return field != null && (RuleFields.builtIn(field).isPresent() || custom.contains(field));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
