package io.salesdesk.studio.rule;

import java.util.List;

/**
 * What a user builds in the rule dialog: a name, the entity, the trigger, the conditions and the actions.
 *
 * @param entity only {@code CUSTOMER} in this version
 */
public record RuleDefinition(String name, String entity, RuleTrigger trigger, RuleConditions conditions,
                             List<RuleAction> actions, boolean enabled) {

    /** The one entity rules run on so far. */
    public static final String CUSTOMER = "CUSTOMER";

    public RuleDefinition {
        conditions = conditions == null ? RuleConditions.all() : conditions;
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** This rule with other conditions. */
    public RuleDefinition withConditions(RuleConditions other) {
        return new RuleDefinition(name, entity, trigger, other, actions, enabled);
    }
}
