package io.salesdesk.studio.rule;

import java.util.List;

/**
 * A rule's condition rows and whether a record must meet all of them (且) or any one (或), and an
 * optional advanced expression (高级条件) the record must also meet. No rows and no expression: every
 * record of the entity qualifies.
 *
 * @param expression a CEL expression over the record's fields ({@code amount > 500000 && stage == "QUOTE"},
 *                   custom fields by key), or null; CEL has no statements, I/O or access to Java
 */
public record RuleConditions(Match match, List<RuleCondition> rows, String expression) {

    /** How the rows combine. */
    public enum Match {
        ALL, ANY
    }

    public RuleConditions {
        match = match == null ? Match.ALL : match;
        rows = rows == null ? List.of() : List.copyOf(rows);
        expression = expression == null || expression.isBlank() ? null : expression.strip();
    }

    /** Rows without an expression (as rules were before expressions). */
    public RuleConditions(Match match, List<RuleCondition> rows) {
        this(match, rows, null);
    }

    public static RuleConditions all(RuleCondition... rows) {
        return new RuleConditions(Match.ALL, List.of(rows));
    }
}
