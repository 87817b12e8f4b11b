package io.salesdesk.db;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * One recorded change to a business row: what, who, when, why, and the fields old → new.
 *
 * @param seq         position in the hash chain
 * @param entity      table name of the row, e.g. {@code customer}
 * @param entityId    id of the row
 * @param operation   insert, update or delete
 * @param changedAt   when (UTC)
 * @param changedBy   user id, or {@code null} for the system
 * @param changedByName the user's name at the time
 * @param reasonKind  source of the change (user, import, rule …)
 * @param reasonDetail e.g. the import batch
 * @param changes     field → old and new value
 */
public record ChangeEntry(long seq, String entity, UUID entityId, Operation operation, OffsetDateTime changedAt,
                          UUID changedBy, String changedByName, String reasonKind, String reasonDetail,
                          Map<String, FieldChange> changes) {

    /** What happened to the row. */
    public enum Operation {
        INSERT, UPDATE, DELETE
    }
}
