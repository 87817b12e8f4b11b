package io.salesdesk.sync;

import io.salesdesk.studio.field.CustomEntity;
import java.util.List;
import java.util.Optional;

/**
 * The entities that travel between a replica and its hub, with the fields that travel: the field
 * names of their change records in the audit trail, and their custom fields.
 */
public enum SyncedEntity {

    /** Customers; applied before contacts so that a new contact finds its customer. */
    CUSTOMER("customer", CustomEntity.CUSTOMER, List.of("name", "creditCode", "tier", "industry", "regionCode", "address", "phone",
            "ownerId", "lastFollowUpAt", "nextFollowUpOn")),
    /** Contacts; {@code customerId} is set when the contact is created and never moves. */
    CONTACT("contact", CustomEntity.CONTACT, List.of("customerId", "name", "title", "mobile", "phone", "email", "wechat", "primary",
            "notes")),
    /**
     * Deals (opportunities), after customers; they belong to a replica's subtree by their owner, as
     * customers do. {@code customerId} does not move by sync.
     */
    DEAL("opportunity", CustomEntity.OPPORTUNITY, List.of("customerId", "name", "ownerId", "stage", "amount", "expectedCloseOn", "probability",
            "products", "closeReason", "boardRank")),
    /**
     * Follow-ups (activities), after customers and contacts, in the subtree by their owner. The app
     * never edits a follow-up, so they travel as new and deleted rows; KPI day counts follow.
     */
    ACTIVITY("activity", CustomEntity.ACTIVITY, List.of("customerId", "contactId", "ownerId", "kind", "occurredAt", "durationMinutes", "note",
            "outcome", "nextStep", "nextFollowUpOn")),
    /**
     * Leads, last (a converted lead names its customer and deal), in the subtree by their owner; a
     * lead in the pool (no owner) does not travel. The fields are those of its audit entries.
     */
    LEAD("lead", CustomEntity.LEAD, List.of("name", "contactName", "phone", "address", "regionCode", "industry", "tier", "source", "note",
            "status", "ownerId", "assignmentReason", "assignmentFlag", "firstResponseAt", "disqualifyReason",
            "customerId", "opportunityId", "boardRank")),
    /**
     * Tasks, after customers and deals (a task may name one of each), in the subtree by their
     * assignee. Unlike a contact's or deal's, a task's customer and deal may be changed in its form,
     * so they merge as its other fields do. The fields are those of its audit entries ("rank" is its
     * board order); the reminder time is not recorded there and stays as each side set it.
     */
    TASK("task", CustomEntity.TASK, List.of("title", "description", "assigneeId", "status", "priority", "dueAt",
            "customerId", "opportunityId", "completedAt", "rank")),
    /**
     * A task's checklist items, after tasks, in the subtree by their task's assignee. The app adds
     * items and ticks them off or on; it never renames, moves or deletes one, so only new items and
     * {@code done} are written. No custom fields.
     */
    CHECKLIST_ITEM("task_checklist_item", null, List.of("taskId", "order", "label", "done")),
    /**
     * Comments on tasks, after tasks, in the subtree by their task's assignee. The app only adds
     * comments, so they travel as new rows; each side orders them by when it received them.
     */
    TASK_COMMENT("task_comment", null, List.of("taskId", "authorId", "body")),
    /**
     * Quotes, after customers and deals (a quote names its customer and may name a deal), in the
     * subtree by their owner, as deals. Their lines travel as one field, {@code lines}, in the text
     * the quote's audit entries record; totals, largest discount and approval need are not fields
     * here: each side computes them from the lines (decision 6). The customer does not move; the
     * number is given once, where the quote is made. No custom fields.
     */
    QUOTE("quote", null, List.of("quoteNo", "customerId", "opportunityId", "ownerId", "status", "validUntil", "note",
            "sentAt", "lines"));

    /** The field name under which a delete is recorded in conflicts and in the unsynced set. */
    public static final String DELETED = "deletedAt";

    /**
     * How a custom field's value is named among a row's fields and in its change records
     * ("custom.bed_count"): each custom field travels and merges as a field of its record.
     */
    public static final String CUSTOM = "custom.";

    private final String table;
    private final CustomEntity customEntity;
    private final List<String> fields;

    SyncedEntity(String table, CustomEntity customEntity, List<String> fields) {
        this.table = table;
        this.customEntity = customEntity;
        this.fields = fields;
    }

    /** The entity's name among custom fields, null for one without custom fields. */
    public CustomEntity customEntity() {
        return customEntity;
    }

    /** Whether a field of a change record travels: one of {@link #fields()} or a custom field. */
    public boolean travels(String field) {
        return fields.contains(field) || field.startsWith(CUSTOM);
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

    /**
     * Whether a change may move the row's {@code customerId}: a contact, deal, follow-up or lead
     * stays with the customer it was made for; a task's customer is edited in its form.
     */
    public boolean customerMoves() {
        return this == TASK;
    }

    /** The change-log names of every synced entity. */
    public static List<String> tables() {
        return java.util.Arrays.stream(values()).map(SyncedEntity::table).toList();
    }
}
