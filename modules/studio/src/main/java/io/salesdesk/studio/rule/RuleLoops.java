package io.salesdesk.studio.rule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds rules that would set each other off for ever: rule A sets a field to the value rule B watches
 * for, B sets one A watches for, and so on back to A. Only "field changed to" rules can be set off by
 * another rule's action, so only they take part. A field is set by a "set field" action, or by a "move on a
 * board" action on a board whose columns are that field's values (the stage, the tier, a choice field).
 */
final class RuleLoops {

    private RuleLoops() {
    }

    /** The names of the rules on a loop through {@code start}, in order; empty when there is none. */
    static Optional<List<String>> through(RuleDefinition start, List<RuleDefinition> others) {
        return through(start, others, board -> Optional.empty());
    }

    /**
     * As {@link #through(RuleDefinition, List)}, with the boards that "move on a board" actions name.
     *
     * @param boardField the rule field a move on a board (by id) sets; empty for a board with its own columns
     */
    static Optional<List<String>> through(RuleDefinition start, List<RuleDefinition> others,
                                          Function<String, Optional<String>> boardField) {
        List<RuleDefinition> all = new ArrayList<>(others);
        all.add(0, start);
        List<String> path = new ArrayList<>();
        return walk(start, start, all, path, new HashSet<>(), boardField) ? Optional.of(path) : Optional.empty();
    }

    private static boolean walk(RuleDefinition at, RuleDefinition start, List<RuleDefinition> all, List<String> path,
                                Set<RuleDefinition> seen, Function<String, Optional<String>> boardField) {
        path.add(at.name());
        for (RuleDefinition next : all) {
            if (next.enabled() && setsOff(at, next, boardField)) {
                if (next == start) {
                    path.add(start.name());
                    return true;
                }
                if (seen.add(next) && walk(next, start, all, path, seen, boardField)) {
                    return true;
                }
            }
        }
        path.remove(path.size() - 1);
        return false;
    }

    /** Whether an action of {@code from} changes a field to the value {@code to} watches for. */
    private static boolean setsOff(RuleDefinition from, RuleDefinition to,
                                   Function<String, Optional<String>> boardField) {
        RuleTrigger t = to.trigger();
        if (t == null || t.kind() != RuleTrigger.Kind.FIELD_CHANGED || !sameEntity(from, to)) {
            return false;
        }
        return from.actions().stream().anyMatch(a -> a.value() != null && a.value().strip().equals(t.value().strip())
                && fieldSet(a, boardField).filter(t.field()::equals).isPresent());
    }

    /** The field an action sets: its own for "set field", the board's grouping field for "move on a board". */
    private static Optional<String> fieldSet(RuleAction a, Function<String, Optional<String>> boardField) {
        if (a.kind() == RuleAction.Kind.SET_FIELD) {
            return Optional.ofNullable(a.field());
        }
        return a.kind() == RuleAction.Kind.MOVE_ON_BOARD ? boardField.apply(a.field()) : Optional.empty();
    }

    private static boolean sameEntity(RuleDefinition a, RuleDefinition b) {
        return RuleEntity.find(a.entity()).equals(RuleEntity.find(b.entity()));
    }
}
