package io.salesdesk.studio.field;

import static io.salesdesk.db.jooq.Tables.CUSTOM_VALUE;

import io.salesdesk.crm.merge.CustomerMergeRepository;
import io.salesdesk.crm.merge.CustomerMove;
import io.salesdesk.crm.merge.CustomerMoveBack;
import io.salesdesk.crm.merge.CustomerReferences;
import io.salesdesk.crm.merge.MovedBack;
import io.salesdesk.db.jooq.tables.records.CustomValueRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Custom values in a customer merge: the survivor takes the merged customer's value of every custom
 * field it has no value of (one audit entry on the survivor, as an edit would write); where both
 * have one, the survivor keeps its own. The merged customer's values stay on its soft-deleted row,
 * so none is lost. Undo clears on the survivor the values it took, where they are still the merged
 * customer's; a value edited since stays and is listed.
 */
public final class CustomValueCustomerReferencesRepository implements CustomerReferences {

    private static final String KIND = "custom_value";

    @Override
    public Map<String, Integer> move(CustomerMove m) {
        DSLContext dsl = DSL.using(m.configuration());
        Map<UUID, CustomField> fields = fields(m.configuration(), m.clock());
        if (fields.isEmpty()) {
            return Map.of();
        }
        Set<UUID> survivorHas = dsl.select(CUSTOM_VALUE.FIELD_ID).from(CUSTOM_VALUE)
                .where(CUSTOM_VALUE.RECORD_ID.eq(m.into())).fetchSet(CUSTOM_VALUE.FIELD_ID);
        Map<CustomField, FieldType.Stored> taken = new LinkedHashMap<>();
        for (CustomValueRecord r : dsl.selectFrom(CUSTOM_VALUE).where(CUSTOM_VALUE.RECORD_ID.eq(m.from()))
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
        CustomValueRepository.using(m.configuration(), m.clock()).write(m.actor(), m.reason(), CustomEntity.CUSTOMER,
                m.into(), taken, Map.of());
        m.record(taken.keySet().stream().map(f -> new CustomerMergeRepository.Move(KIND, f.id(), null, f.key()))
                .toList());
        return Map.of(KIND, taken.size());
    }

    @Override
    public MovedBack moveBack(CustomerMoveBack b) {
        List<CustomerMergeRepository.Move> moves = b.of(KIND);
        if (moves.isEmpty()) {
            return MovedBack.NONE;
        }
        Map<UUID, CustomField> fields = fields(b.configuration(), b.clock());
        CustomValueRepository values = CustomValueRepository.using(b.configuration(), b.clock());
        List<CustomField> all = List.copyOf(fields.values());
        Map<String, String> survivorNow = values.values(b.survivorId(), all);
        Map<String, String> mergedOwn = values.values(b.mergedId(), all);
        Map<CustomField, FieldType.Stored> cleared = new LinkedHashMap<>();
        List<MovedBack.Left> left = new ArrayList<>();
        for (CustomerMergeRepository.Move move : moves) {
            CustomField field = fields.get(move.rowId());
            String now = field == null ? null : survivorNow.get(field.key());
            if (field != null && now != null && Objects.equals(now, mergedOwn.get(field.key()))) {
                cleared.put(field, null);
            } else if (now != null) {
                left.add(new MovedBack.Left(KIND, b.survivorId(), field == null ? move.detail() : field.label()));
            }
        }
        if (!cleared.isEmpty()) {
            values.write(b.actor(), b.reason(), CustomEntity.CUSTOMER, b.survivorId(), cleared, survivorNow);
        }
        return new MovedBack(cleared.isEmpty() ? Map.of() : Map.of(KIND, cleared.size()), left);
    }

    private static Map<UUID, CustomField> fields(org.jooq.Configuration configuration, java.time.Clock clock) {
        Map<UUID, CustomField> fields = new HashMap<>();
        CustomFieldRepository.using(configuration, clock).fields(CustomEntity.CUSTOMER, true)
                .forEach(f -> fields.put(f.id(), f));
        return fields;
    }
}
