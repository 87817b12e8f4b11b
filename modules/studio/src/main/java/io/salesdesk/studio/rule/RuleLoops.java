package io.salesdesk.studio.rule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds rules that would set each other off for ever: rule A sets a field to the value rule B watches
 * for, B sets one A watches for, and so on back to A. Only "field changed to" rules can be set off by
 * another rule's action, so only they take part.
 */
final class RuleLoops {

    private RuleLoops() {
    }

    /** The names of the rules on a loop through {@code start}, in order; empty when there is none. */
    static Optional<List<String>> through(RuleDefinition start, List<RuleDefinition> others) {
        List<RuleDefinition> all = new ArrayList<>(others);
        all.add(0, start);
        List<String> path = new ArrayList<>();
        return walk(start, start, all, path, new HashSet<>()) ? Optional.of(path) : Optional.empty();
    }

    private static boolean walk(RuleDefinition at, RuleDefinition start, List<RuleDefinition> all, List<String> path,
                                Set<RuleDefinition> seen) {
        path.add(at.name());
        for (RuleDefinition next : all) {
            if (next.enabled() && setsOff(at, next)) {
                if (next == start) {
                    path.add(start.name());
                    return true;
                }
                if (seen.add(next) && walk(next, start, all, path, seen)) {
                    return true;
                }
            }
        }
        path.remove(path.size() - 1);
        return false;
    }

    /** Whether an action of {@code from} changes a field to the value {@code to} watches for. */
    private static boolean setsOff(RuleDefinition from, RuleDefinition to) {
        RuleTrigger t = to.trigger();
        if (t == null || t.kind() != RuleTrigger.Kind.FIELD_CHANGED) {
            return false;
        }
        return from.actions().stream().anyMatch(a -> a.kind() == RuleAction.Kind.SET_FIELD
                && t.field().equals(a.field()) && a.value() != null && a.value().strip().equals(t.value().strip()));
    }
}
