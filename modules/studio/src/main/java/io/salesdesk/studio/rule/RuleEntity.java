package io.salesdesk.studio.rule;

import io.salesdesk.studio.field.CustomEntity;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of record a rule runs on (客户, 线索, 商机); {@link RuleMatchRepository} maps each to its
 * table, so triggers and conditions are written once.
 *
 * @param key           the entity as a rule stores it ({@link RuleDefinition#entity()})
 * @param auditName     the entity's name in the change log, inbox subjects and escalations
 * @param hasActivities whether a "no activity" trigger can count follow-ups (a customer's, or an
 *                      opportunity's customer's); leads have none of their own
 */
record RuleEntity(String key, String auditName, CustomEntity custom, boolean hasActivities) {

    static final RuleEntity CUSTOMER_ENTITY = new RuleEntity(RuleDefinition.CUSTOMER, "customer", CustomEntity.CUSTOMER,
            true);
    static final RuleEntity LEAD_ENTITY = new RuleEntity(RuleDefinition.LEAD, "lead", CustomEntity.LEAD, false);
    static final RuleEntity OPPORTUNITY_ENTITY = new RuleEntity(RuleDefinition.OPPORTUNITY, "opportunity",
            CustomEntity.OPPORTUNITY, true);

    static final List<RuleEntity> ALL = List.of(CUSTOMER_ENTITY, LEAD_ENTITY, OPPORTUNITY_ENTITY);

    /** The entity a rule runs on; a rule saved before entities were chosen (null) runs on customers. */
    static RuleEntity of(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("rules do not run on " + key));
    }

    static Optional<RuleEntity> find(String key) {
        if (key == null) {
            return Optional.of(CUSTOMER_ENTITY);
        }
        return ALL.stream().filter(e -> e.key().equals(key)).findFirst();
    }
}
