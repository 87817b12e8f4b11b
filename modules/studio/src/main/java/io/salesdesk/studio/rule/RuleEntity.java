package io.salesdesk.studio.rule;

import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.LEAD;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;

import io.salesdesk.studio.field.CustomEntity;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The kinds of record a rule runs on (客户, 线索, 商机) and the columns the evaluator reads for each:
 * one place maps a rule's entity to its table, so triggers and conditions are written once.
 *
 * @param key        the entity as a rule stores it ({@link RuleDefinition#entity()})
 * @param auditName  the entity's name in the change log, inbox subjects and escalations
 * @param customerId the customer whose follow-ups a "no activity" trigger counts; null: the entity has
 *                   no follow-ups of its own (leads)
 */
record RuleEntity(String key, String auditName, CustomEntity custom, Table<?> table, Field<UUID> id,
                  Field<String> name, Field<UUID> owner, Field<OffsetDateTime> createdAt,
                  Field<OffsetDateTime> updatedAt, Field<OffsetDateTime> deletedAt, Field<UUID> customerId,
                  Map<String, Field<?>> columns) {

    static final RuleEntity CUSTOMER_ENTITY = new RuleEntity(RuleDefinition.CUSTOMER, "customer", CustomEntity.CUSTOMER,
            CUSTOMER, CUSTOMER.ID, CUSTOMER.NAME, CUSTOMER.OWNER_ID, CUSTOMER.CREATED_AT, CUSTOMER.UPDATED_AT,
            CUSTOMER.DELETED_AT, CUSTOMER.ID, Map.of("tier", CUSTOMER.TIER, "industry", CUSTOMER.INDUSTRY,
            "name", CUSTOMER.NAME, "regionCode", CUSTOMER.REGION_CODE, "ownerId", CUSTOMER.OWNER_ID));

    static final RuleEntity LEAD_ENTITY = new RuleEntity(RuleDefinition.LEAD, "lead", CustomEntity.LEAD, LEAD, LEAD.ID,
            LEAD.NAME, LEAD.OWNER_ID, LEAD.CREATED_AT, LEAD.UPDATED_AT, LEAD.DELETED_AT, null,
            Map.of("name", LEAD.NAME, "status", LEAD.STATUS, "source", LEAD.SOURCE, "tier", LEAD.TIER,
                    "industry", LEAD.INDUSTRY, "regionCode", LEAD.REGION_CODE, "ownerId", LEAD.OWNER_ID));

    static final RuleEntity OPPORTUNITY_ENTITY = new RuleEntity(RuleDefinition.OPPORTUNITY, "opportunity",
            CustomEntity.OPPORTUNITY, OPPORTUNITY, OPPORTUNITY.ID, OPPORTUNITY.NAME, OPPORTUNITY.OWNER_ID,
            OPPORTUNITY.CREATED_AT, OPPORTUNITY.UPDATED_AT, OPPORTUNITY.DELETED_AT, OPPORTUNITY.CUSTOMER_ID,
            Map.of("name", OPPORTUNITY.NAME, "stage", OPPORTUNITY.STAGE, "amount", OPPORTUNITY.AMOUNT,
                    "expectedCloseOn", OPPORTUNITY.EXPECTED_CLOSE_ON, "probability", OPPORTUNITY.PROBABILITY,
                    "ownerId", OPPORTUNITY.OWNER_ID));

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

    /** The column of a built-in field. */
    Field<?> column(String field) {
        Field<?> c = columns.get(field);
        if (c == null) {
            throw new IllegalArgumentException("unknown field " + field + " of " + key);
        }
        return c;
    }

    /** Whether a "no activity" trigger can count follow-ups for this entity. */
    boolean hasActivities() {
        return customerId != null;
    }
}
