package io.salesdesk.studio.rule;

import java.util.List;

/**
 * What a user builds in the rule dialog: a name, the entity, the trigger, the conditions and the actions.
 *
 * @param entity what the rule runs on: {@link #CUSTOMER}, {@link #LEAD} or {@link #OPPORTUNITY}
 */
public record RuleDefinition(String name, String entity, RuleTrigger trigger, RuleConditions conditions,
                             List<RuleAction> actions, boolean enabled) {

    /** Rules on customers (客户). */
    public static final String CUSTOMER = "CUSTOMER";
    /** Rules on leads (线索). */
    public static final String LEAD = "LEAD";
    /** Rules on opportunities (商机). */
    public static final String OPPORTUNITY = "OPPORTUNITY";
    /** The entities rules run on, in the order the builder offers them. */
    public static final List<String> ENTITIES = List.of(CUSTOMER, LEAD, OPPORTUNITY);

    public RuleDefinition {
        conditions = conditions == null ? RuleConditions.all() : conditions;
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** This rule with other conditions. */
    public RuleDefinition withConditions(RuleConditions other) {
        return new RuleDefinition(name, entity, trigger, other, actions, enabled);
    }
}
