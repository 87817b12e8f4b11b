package io.salesdesk.studio.rule;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Ready-made rules a user adds in one click, worded in the workspace's language. The first is the
 * Studio goal's example: a tier-A customer without a technical demo for 20 days gets a task for its
 * owner, and the owner's manager is told.
 */
public final class RuleSuggestions {

    /** Key of the "tier A, no technical demo for 20 days" suggestion. */
    public static final String DEMO_20 = "demo20";

    private RuleSuggestions() {
    }

    /** A ready-made rule and its key (kept on the rule, so the list knows it was added). */
    public record Suggestion(String key, RuleDefinition definition) {
    }

    public static List<Suggestion> all(Locale locale) {
        RuleDefinition demo = new RuleDefinition(say(locale, "suggestion.demo20.name"), RuleDefinition.CUSTOMER,
                RuleTrigger.noActivity("DEMO", 20),
                RuleConditions.all(new RuleCondition("tier", RuleCondition.Operator.EQ, "A")),
                List.of(RuleAction.createTask(say(locale, "suggestion.demo20.task"), 3),
                        RuleAction.notifyManager(say(locale, "suggestion.demo20.notify"))),
                true);
        return List.of(new Suggestion(DEMO_20, demo));
    }

    private static String say(Locale locale, String key) {
        return new MessageFormat(ResourceBundle.getBundle("io.salesdesk.studio.rule.rules", locale).getString(key),
                locale).format(new Object[0]);
    }
}
