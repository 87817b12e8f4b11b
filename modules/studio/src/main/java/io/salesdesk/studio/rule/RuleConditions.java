package io.salesdesk.studio.rule;

import java.util.List;

/**
 * A rule's condition rows and whether a record must meet all of them (且) or any one (或). No rows:
 * every record of the entity qualifies.
 */
public record RuleConditions(Match match, List<RuleCondition> rows) {

    /** How the rows combine. */
    public enum Match {
        ALL, ANY
    }

    public RuleConditions {
        match = match == null ? Match.ALL : match;
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    public static RuleConditions all(RuleCondition... rows) {
        return new RuleConditions(Match.ALL, List.of(rows));
    }
}
