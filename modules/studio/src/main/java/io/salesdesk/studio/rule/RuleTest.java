package io.salesdesk.studio.rule;

import java.util.List;

/**
 * What test mode found: how many records the rule would match now, and the first of them.
 *
 * @param count every match
 * @param first the first matches by name, at most the number asked for
 */
public record RuleTest(int count, List<RuleMatch> first) {
}
