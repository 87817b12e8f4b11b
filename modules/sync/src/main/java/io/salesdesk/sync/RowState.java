package io.salesdesk.sync;

import java.util.Map;
import java.util.UUID;

/**
 * A row as one side holds it: every synced field as canonical text (the audit trail's spelling of
 * values), whether it is deleted, and its local version.
 *
 * @param entity  customer or contact
 * @param id      row id
 * @param deleted soft-deleted on this side
 * @param fields  field name → value text, null values absent or null
 * @param version the row's optimistic-lock version on the side that read it (not comparable across sides)
 */
public record RowState(SyncedEntity entity, UUID id, boolean deleted, Map<String, String> fields, long version) {

    public String get(String field) {
        return fields.get(field);
    }
}
