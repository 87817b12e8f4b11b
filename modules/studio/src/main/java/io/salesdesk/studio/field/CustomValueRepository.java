package io.salesdesk.studio.field;

import static io.salesdesk.db.jooq.Tables.CUSTOM_VALUE;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The custom values of records, one row per field and record in the column of the field's type. A
 * change of values is one change record on the record itself ("custom.bed_count": 300 → 500).
 */
public final class CustomValueRepository {

    private final DSLContext dsl;
    private final ChangeLog changeLog;

    private CustomValueRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static CustomValueRepository using(Configuration configuration, Clock clock) {
        return new CustomValueRepository(configuration, clock);
    }

    /** A record's values of these fields as canonical text, by field key; fields without a value are absent. */
    public Map<String, String> values(UUID recordId, List<CustomField> fields) {
        Map<UUID, CustomField> byId = new HashMap<>();
        fields.forEach(f -> byId.put(f.id(), f));
        Map<String, String> values = new LinkedHashMap<>();
        dsl.selectFrom(CUSTOM_VALUE).where(CUSTOM_VALUE.RECORD_ID.eq(recordId), CUSTOM_VALUE.FIELD_ID.in(byId.keySet()))
                .forEach(r -> {
                    CustomField field = byId.get(r.getFieldId());
                    String text = field.type().text(new FieldType.Stored(r.getValueText(), r.getValueNumber(),
                            r.getValueMoment(), r.getValueFlag()));
                    if (text != null) {
                        values.put(field.key(), text);
                    }
                });
        return values;
    }

    /**
     * Several records' values of these fields as canonical text, by record and field key: one query
     * for a page of a list. Records without any value are absent.
     */
    public Map<UUID, Map<String, String>> values(Collection<UUID> recordIds, List<CustomField> fields) {
        Map<UUID, CustomField> byId = new HashMap<>();
        fields.forEach(f -> byId.put(f.id(), f));
        Map<UUID, Map<String, String>> values = new HashMap<>();
        if (recordIds.isEmpty() || byId.isEmpty()) {
            return values;
        }
        dsl.selectFrom(CUSTOM_VALUE)
                .where(CUSTOM_VALUE.RECORD_ID.in(recordIds), CUSTOM_VALUE.FIELD_ID.in(byId.keySet()))
                .forEach(r -> {
                    CustomField field = byId.get(r.getFieldId());
                    String text = field.type().text(new FieldType.Stored(r.getValueText(), r.getValueNumber(),
                            r.getValueMoment(), r.getValueFlag()));
                    if (text != null) {
                        values.computeIfAbsent(r.getRecordId(), id -> new LinkedHashMap<>()).put(field.key(), text);
                    }
                });
        return values;
    }

    /**
     * Sets values another database decided (a branch sync), given as canonical text by key (null
     * clears one), and records what changed on the record's history with that reason. The values
     * were checked where they were typed; a value this side's field refuses (its choices changed
     * meanwhile) is not written.
     *
     * @param fields the entity's fields on this side
     * @return the keys not written: no such field here, or a value the field refuses
     */
    public java.util.Set<String> writeText(Actor actor, ChangeReason reason, CustomEntity entity, UUID recordId,
                                           List<CustomField> fields, Map<String, String> values) {
        Map<String, CustomField> byKey = new HashMap<>();
        fields.forEach(f -> byKey.put(f.key(), f));
        Map<String, String> before = values(recordId, fields);
        Map<CustomField, FieldType.Stored> changed = new LinkedHashMap<>();
        java.util.Set<String> refused = new java.util.LinkedHashSet<>();
        values.forEach((key, text) -> {
            CustomField field = byKey.get(key);
            if (field == null) {
                refused.add(key);
            } else if (!java.util.Objects.equals(text, before.get(key))) {
                try {
                    changed.put(field, text == null ? null : field.type().store(text, field.choices()));
                } catch (FieldType.Refused e) {
                    refused.add(key);
                }
            }
        });
        if (!changed.isEmpty()) {
            write(actor, reason, entity, recordId, changed, before);
        }
        return refused;
    }

    /**
     * Sets these fields' values on a record (null clears one) and records what changed on the record's
     * history.
     */
    void write(Actor actor, ChangeReason reason, CustomEntity entity, UUID recordId,
               Map<CustomField, FieldType.Stored> changed, Map<String, String> before) {
        Map<String, Object> old = new LinkedHashMap<>();
        Map<String, Object> now = new LinkedHashMap<>();
        changed.forEach((field, stored) -> {
            dsl.deleteFrom(CUSTOM_VALUE).where(CUSTOM_VALUE.RECORD_ID.eq(recordId), CUSTOM_VALUE.FIELD_ID.eq(field.id()))
                    .execute();
            if (stored != null) {
                dsl.insertInto(CUSTOM_VALUE)
                        .set(CUSTOM_VALUE.FIELD_ID, field.id()).set(CUSTOM_VALUE.RECORD_ID, recordId)
                        .set(CUSTOM_VALUE.VALUE_TEXT, stored.text()).set(CUSTOM_VALUE.VALUE_NUMBER, stored.number())
                        .set(CUSTOM_VALUE.VALUE_MOMENT, stored.moment()).set(CUSTOM_VALUE.VALUE_FLAG, stored.flag())
                        .execute();
            }
            old.put("custom." + field.key(), before.get(field.key()));
            now.put("custom." + field.key(), stored == null ? null : field.type().text(stored));
        });
        changeLog.record(actor, reason, entity.auditName(), recordId, ChangeEntry.Operation.UPDATE,
                FieldChange.diff(old, now));
    }
}
