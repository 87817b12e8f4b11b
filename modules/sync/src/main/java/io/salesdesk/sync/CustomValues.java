package io.salesdesk.sync;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.CustomFieldRepository;
import io.salesdesk.studio.field.CustomValueRepository;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * Custom-field values as fields of their rows ("custom.bed_count"), so they travel and merge like
 * the record's own fields: read into a {@link RowState} for every field in use on this side (null
 * for no value), written through studio's value repository, which records them on the record's
 * history as the app does.
 */
final class CustomValues {

    private final Configuration configuration;
    private final Clock clock;
    private final Map<SyncedEntity, List<CustomField>> fields = new EnumMap<>(SyncedEntity.class);

    CustomValues(Configuration configuration, Clock clock) {
        this.configuration = configuration;
        this.clock = clock;
    }

    /** The entity's custom fields in use on this side. */
    List<CustomField> fields(SyncedEntity entity) {
        return fields.computeIfAbsent(entity, e -> e.customEntity() == null ? List.of()
                : CustomFieldRepository.using(configuration, clock).fields(e.customEntity(), false));
    }

    /** Adds each row's custom values to its fields, as "custom.KEY" → canonical text or null. */
    void addTo(SyncedEntity entity, List<RowState> rows) {
        List<CustomField> known = fields(entity);
        if (known.isEmpty() || rows.isEmpty()) {
            return;
        }
        Map<UUID, Map<String, String>> values = CustomValueRepository.using(configuration, clock)
                .values(rows.stream().map(RowState::id).toList(), known);
        for (RowState row : rows) {
            Map<String, String> of = values.getOrDefault(row.id(), Map.of());
            known.forEach(f -> row.fields().put(SyncedEntity.CUSTOM + f.key(), of.get(f.key())));
        }
    }

    /**
     * Writes custom values ("custom.KEY" → text) on a row.
     *
     * @return the "custom.KEY" names not written: a field this side lacks, or a value it refuses
     */
    Set<String> write(Actor actor, ChangeReason reason, SyncedEntity entity, UUID id, Map<String, String> changed) {
        Map<String, String> byKey = new java.util.LinkedHashMap<>();
        changed.forEach((field, value) -> byKey.put(field.substring(SyncedEntity.CUSTOM.length()), value));
        Set<String> refused = new java.util.LinkedHashSet<>();
        CustomValueRepository.using(configuration, clock)
                .writeText(actor, reason, entity.customEntity(), id, fields(entity), byKey)
                .forEach(key -> refused.add(SyncedEntity.CUSTOM + key));
        return refused;
    }
}
