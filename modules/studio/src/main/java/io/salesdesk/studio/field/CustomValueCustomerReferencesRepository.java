package io.salesdesk.studio.field;

import static io.salesdesk.db.jooq.Tables.CUSTOM_VALUE;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.merge.CustomerReferences;
import io.salesdesk.db.jooq.tables.records.CustomValueRecord;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Custom values in a customer merge: the survivor takes the merged customer's value of every custom
 * field it has no value of (one audit entry on the survivor, as an edit would write); where both
 * have one, the survivor keeps its own. The merged customer's values stay on its soft-deleted row,
 * so none is lost.
 */
public final class CustomValueCustomerReferencesRepository implements CustomerReferences {

    @Override
    public Map<String, Integer> move(Configuration configuration, Clock clock, Actor actor, ChangeReason reason,
                                     UUID from, UUID into) {
        DSLContext dsl = DSL.using(configuration);
        Map<UUID, CustomField> fields = new HashMap<>();
        CustomFieldRepository.using(configuration, clock).fields(CustomEntity.CUSTOMER, true)
                .forEach(f -> fields.put(f.id(), f));
        if (fields.isEmpty()) {
            return Map.of();
        }
        Set<UUID> survivorHas = dsl.select(CUSTOM_VALUE.FIELD_ID).from(CUSTOM_VALUE)
                .where(CUSTOM_VALUE.RECORD_ID.eq(into)).fetchSet(CUSTOM_VALUE.FIELD_ID);
        Map<CustomField, FieldType.Stored> taken = new LinkedHashMap<>();
        for (CustomValueRecord r : dsl.selectFrom(CUSTOM_VALUE).where(CUSTOM_VALUE.RECORD_ID.eq(from))
                .orderBy(CUSTOM_VALUE.FIELD_ID).fetch()) {
            CustomField field = fields.get(r.getFieldId());
            if (field != null && !survivorHas.contains(r.getFieldId())) {
                taken.put(field, new FieldType.Stored(r.getValueText(), r.getValueNumber(), r.getValueMoment(),
                        r.getValueFlag()));
            }
        }
        if (taken.isEmpty()) {
            return Map.of();
        }
        // The survivor had none of these values: every one goes from empty to the merged customer's.
        CustomValueRepository.using(configuration, clock).write(actor, reason, CustomEntity.CUSTOMER, into, taken,
                Map.of());
        return Map.of("custom_value", taken.size());
    }
}
