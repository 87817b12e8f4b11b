package io.salesdesk.studio.field;

import static io.salesdesk.db.jooq.Tables.CUSTOM_FIELD;
import static io.salesdesk.db.jooq.Tables.SYNC_NODE;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.records.CustomFieldRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Custom field definitions; each change goes into the audit trail. */
public final class CustomFieldRepository {

    static final String ENTITY = "custom_field";

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private CustomFieldRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static CustomFieldRepository using(Configuration configuration, Clock clock) {
        return new CustomFieldRepository(configuration, clock);
    }

    /** An entity's fields in their order, retired ones too when asked. */
    public List<CustomField> fields(CustomEntity entity, boolean withRetired) {
        return dsl.selectFrom(CUSTOM_FIELD)
                .where(CUSTOM_FIELD.ENTITY.eq(entity.name()),
                        withRetired ? DSL.trueCondition() : CUSTOM_FIELD.RETIRED_AT.isNull())
                .orderBy(CUSTOM_FIELD.SORT_ORDER, CUSTOM_FIELD.ID)
                .fetch(CustomFieldRepository::toField);
    }

    public Optional<CustomField> find(UUID id) {
        return dsl.selectFrom(CUSTOM_FIELD).where(CUSTOM_FIELD.ID.eq(id)).fetchOptional(CustomFieldRepository::toField);
    }

    /**
     * Whether this database is a branch replica: fields are defined at the head office only and
     * reach a replica when it syncs (docs/decisions.md, decision 6).
     */
    boolean onReplica() {
        return dsl.fetchExists(SYNC_NODE, SYNC_NODE.ROLE.eq("REPLICA"));
    }

    boolean keyTaken(CustomEntity entity, String key) {
        return dsl.fetchExists(CUSTOM_FIELD, CUSTOM_FIELD.ENTITY.eq(entity.name()), CUSTOM_FIELD.FIELD_KEY.eq(key));
    }

    int nextOrder(CustomEntity entity) {
        Integer max = dsl.select(DSL.max(CUSTOM_FIELD.SORT_ORDER)).from(CUSTOM_FIELD)
                .where(CUSTOM_FIELD.ENTITY.eq(entity.name())).fetchOne(0, Integer.class);
        return max == null ? 1 : max + 1;
    }

    CustomField insert(Actor actor, ChangeReason reason, CustomEntity entity, String key, CustomFieldDraft draft,
                       int order) {
        OffsetDateTime now = Rows.now(clock);
        CustomFieldRecord r = dsl.newRecord(CUSTOM_FIELD);
        r.setId(Ids.newId(clock));
        r.setEntity(entity.name());
        r.setFieldKey(key);
        r.setFieldType(draft.type().name());
        fill(r, draft);
        r.setSortOrder(order);
        r.setVersion(1L);
        r.setCreatedAt(now);
        r.setCreatedBy(Rows.userId(actor));
        r.setUpdatedAt(now);
        r.setUpdatedBy(Rows.userId(actor));
        r.insert();
        CustomField saved = toField(r);
        changeLog.record(actor, reason, ENTITY, saved.id(), ChangeEntry.Operation.INSERT,
                FieldChange.diff(Map.of(), snapshot(saved)));
        return saved;
    }

    /** Writes a change made on {@code version}: label, choices, required, default and help (key and type stay). */
    CustomField update(Actor actor, ChangeReason reason, UUID id, long version, CustomFieldDraft draft) {
        return write(actor, reason, id, version, r -> fill(r, draft));
    }

    CustomField retire(Actor actor, ChangeReason reason, UUID id, long version, boolean retired) {
        OffsetDateTime now = Rows.now(clock);
        return write(actor, reason, id, version, r -> r.setRetiredAt(retired ? now : null));
    }

    CustomField move(Actor actor, ChangeReason reason, UUID id, long version, int order) {
        return write(actor, reason, id, version, r -> r.setSortOrder(order));
    }

    private CustomField write(Actor actor, ChangeReason reason, UUID id, long version,
                              java.util.function.Consumer<CustomFieldRecord> change) {
        CustomFieldRecord r = dsl.selectFrom(CUSTOM_FIELD).where(CUSTOM_FIELD.ID.eq(id)).fetchOne();
        if (r == null || r.getVersion() != version) {
            throw new StaleRecordException(ENTITY, id, version, r == null ? null : toField(r));
        }
        CustomField before = toField(r);
        change.accept(r);
        if (!r.changed()) {
            return before;
        }
        r.setVersion(version + 1);
        r.setUpdatedAt(Rows.now(clock));
        r.setUpdatedBy(Rows.userId(actor));
        int updated = dsl.update(CUSTOM_FIELD).set(r).where(CUSTOM_FIELD.ID.eq(id), CUSTOM_FIELD.VERSION.eq(version))
                .execute();
        if (updated == 0) {
            throw new StaleRecordException(ENTITY, id, version, before);
        }
        CustomField after = toField(r);
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.UPDATE,
                FieldChange.diff(snapshot(before), snapshot(after)));
        return after;
    }

    private static void fill(CustomFieldRecord r, CustomFieldDraft draft) {
        r.setLabel(draft.label());
        r.setChoices(draft.choices().isEmpty() ? null : String.join("\n", draft.choices()));
        r.setRequired(draft.required());
        r.setDefaultValue(draft.defaultValue());
        r.setHelpText(draft.helpText());
    }

    static CustomField toField(CustomFieldRecord r) {
        List<String> choices = r.getChoices() == null ? List.of() : Arrays.asList(r.getChoices().split("\n"));
        return new CustomField(r.getId(), CustomEntity.valueOf(r.getEntity()), r.getFieldKey(), r.getLabel(),
                FieldType.valueOf(r.getFieldType()), choices, r.getRequired(), r.getDefaultValue(), r.getHelpText(),
                r.getSortOrder(), r.getRetiredAt(), r.getVersion());
    }

    private static Map<String, Object> snapshot(CustomField f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entity", f.entity());
        m.put("key", f.key());
        m.put("label", f.label());
        m.put("type", f.type());
        m.put("choices", f.choices().isEmpty() ? null : String.join("|", f.choices()));
        m.put("required", f.required());
        m.put("defaultValue", f.defaultValue());
        m.put("helpText", f.helpText());
        m.put("order", f.order());
        m.put("retiredAt", f.retiredAt());
        return m;
    }
}
