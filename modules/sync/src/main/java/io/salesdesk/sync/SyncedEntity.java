package io.salesdesk.sync;

import java.util.List;
import java.util.Optional;

/**
 * The entities that travel between a replica and its hub, with the fields that travel: the field
 * names of their change records in the audit trail.
 */
public enum SyncedEntity {

    /** Customers; applied before contacts so that a new contact finds its customer. */
    CUSTOMER("customer", List.of("name", "creditCode", "tier", "industry", "regionCode", "address", "phone",
            "ownerId", "lastFollowUpAt", "nextFollowUpOn")),
    /** Contacts; {@code customerId} is set when the contact is created and never moves. */
    CONTACT("contact", List.of("customerId", "name", "title", "mobile", "phone", "email", "wechat", "primary",
            "notes")),
    /**
     * Deals (opportunities), after customers; they belong to a replica's subtree by their owner, as
     * customers do. {@code customerId} does not move by sync.
     */
    DEAL("opportunity", List.of("customerId", "name", "ownerId", "stage", "amount", "expectedCloseOn", "probability",
            "products", "closeReason", "boardRank")),
    /**
     * Follow-ups (activities), after customers and contacts, in the subtree by their owner. The app
     * never edits a follow-up, so they travel as new and deleted rows; KPI day counts follow.
     */
    ACTIVITY("activity", List.of("customerId", "contactId", "ownerId", "kind", "occurredAt", "durationMinutes", "note",
            "outcome", "nextStep", "nextFollowUpOn")),
    /**
     * Leads, last (a converted lead names its customer and deal), in the subtree by their owner; a
     * lead in the pool (no owner) does not travel. The fields are those of its audit entries.
     */
    LEAD("lead", List.of("name", "contactName", "phone", "address", "regionCode", "industry", "tier", "source", "note",
            "status", "ownerId", "assignmentReason", "assignmentFlag", "firstResponseAt", "disqualifyReason",
            "customerId", "opportunityId", "boardRank"));

    /** The field name under which a delete is recorded in conflicts and in the unsynced set. */
    public static final String DELETED = "deletedAt";

    private final String table;
    private final List<String> fields;

    SyncedEntity(String table, List<String> fields) {
        this.table = table;
        this.fields = fields;
    }

    /** The change log's entity name, which is the table name. */
    public String table() {
        return table;
    }

    /** The fields that travel, in a fixed order. */
    public List<String> fields() {
        return fields;
    }

    /** The synced entity with this change-log name, if it is one. */
    public static Optional<SyncedEntity> of(String table) {
        for (SyncedEntity e : values()) {
            if (e.table.equals(table)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The change-log names of every synced entity. */
    public static List<String> tables() {
        return java.util.Arrays.stream(values()).map(SyncedEntity::table).toList();
    }
}
