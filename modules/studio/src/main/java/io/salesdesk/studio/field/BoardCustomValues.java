package io.salesdesk.studio.field;

import io.salesdesk.board.CustomCardField;
import io.salesdesk.board.CustomCardValues;
import io.salesdesk.core.Actor;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Custom fields as boards see them: card lines, choice columns, and the value a card move sets. */
public final class BoardCustomValues implements CustomCardValues {

    private final CustomFieldService fields;

    public BoardCustomValues(CustomFieldService fields) {
        this.fields = fields;
    }

    @Override
    public List<CustomCardField> fields(String entity) {
        return fields.fields(CustomEntity.valueOf(entity)).stream()
                .map(f -> new CustomCardField(f.key(), f.label(), f.type().name(), f.choices())).toList();
    }

    @Override
    public Map<UUID, Map<String, String>> values(String entity, Collection<UUID> recordIds) {
        return recordIds.isEmpty() ? new HashMap<>() : fields.values(CustomEntity.valueOf(entity), recordIds);
    }

    @Override
    public void set(Actor actor, String entity, UUID recordId, String key, String value) {
        Map<String, String> one = new HashMap<>();
        one.put(key, value);
        fields.setValues(actor, CustomEntity.valueOf(entity), recordId, one);
    }
}
