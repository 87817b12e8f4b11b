package io.salesdesk.sync;

import static io.salesdesk.db.jooq.Tables.ACTIVITY;
import static io.salesdesk.db.jooq.Tables.CONTACT;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.LEAD;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;
import static io.salesdesk.db.jooq.Tables.QUOTE;
import static io.salesdesk.db.jooq.Tables.TASK;
import static io.salesdesk.db.jooq.Tables.TASK_CHECKLIST_ITEM;
import static io.salesdesk.db.jooq.Tables.TASK_COMMENT;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A replica's rows that left its scope at the hub: taken off its lists by a soft delete that writes
 * no audit entry, so it never travels back to the hub as a delete, and put back the same way when the
 * hub sends the row in scope again (decision 6, "Rows that leave a replica's scope").
 */
final class ScopeExitRepository {

    private final DSLContext dsl;

    private ScopeExitRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    static ScopeExitRepository using(Configuration configuration) {
        return new ScopeExitRepository(configuration);
    }

    /** Those of the ids whose row this side holds live. */
    Set<UUID> live(SyncedEntity entity, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return switch (entity) {
            case CUSTOMER -> live(CUSTOMER, CUSTOMER.ID, CUSTOMER.DELETED_AT, ids);
            case DEAL -> live(OPPORTUNITY, OPPORTUNITY.ID, OPPORTUNITY.DELETED_AT, ids);
            case LEAD -> live(LEAD, LEAD.ID, LEAD.DELETED_AT, ids);
            case TASK -> live(TASK, TASK.ID, TASK.DELETED_AT, ids);
            case QUOTE -> live(QUOTE, QUOTE.ID, QUOTE.DELETED_AT, ids);
            default -> throw new IllegalArgumentException("Not an owned entity: " + entity);
        };
    }

    private Set<UUID> live(Table<?> table, Field<UUID> id, Field<OffsetDateTime> deletedAt, Collection<UUID> ids) {
        return new HashSet<>(dsl.select(id).from(table).where(id.in(ids), deletedAt.isNull()).fetch(id));
    }

    /** Customers among these that a live deal, lead or task here (not itself leaving) still names. */
    Set<UUID> customersStillNamed(Collection<UUID> customerIds, Collection<UUID> leaving) {
        Set<UUID> named = new HashSet<>();
        if (customerIds.isEmpty()) {
            return named;
        }
        named.addAll(dsl.select(OPPORTUNITY.CUSTOMER_ID).from(OPPORTUNITY).where(OPPORTUNITY.CUSTOMER_ID.in(customerIds),
                OPPORTUNITY.DELETED_AT.isNull(), notIn(OPPORTUNITY.ID, leaving)).fetch(OPPORTUNITY.CUSTOMER_ID));
        named.addAll(dsl.select(LEAD.CUSTOMER_ID).from(LEAD).where(LEAD.CUSTOMER_ID.in(customerIds),
                LEAD.DELETED_AT.isNull(), notIn(LEAD.ID, leaving)).fetch(LEAD.CUSTOMER_ID));
        named.addAll(dsl.select(TASK.CUSTOMER_ID).from(TASK).where(TASK.CUSTOMER_ID.in(customerIds),
                TASK.DELETED_AT.isNull(), notIn(TASK.ID, leaving)).fetch(TASK.CUSTOMER_ID));
        named.addAll(dsl.select(QUOTE.CUSTOMER_ID).from(QUOTE).where(QUOTE.CUSTOMER_ID.in(customerIds),
                QUOTE.DELETED_AT.isNull(), notIn(QUOTE.ID, leaving)).fetch(QUOTE.CUSTOMER_ID));
        return named;
    }

    /** Deals among these that a live lead or task here (not itself leaving) still names. */
    Set<UUID> dealsStillNamed(Collection<UUID> dealIds, Collection<UUID> leaving) {
        Set<UUID> named = new HashSet<>();
        if (dealIds.isEmpty()) {
            return named;
        }
        named.addAll(dsl.select(LEAD.OPPORTUNITY_ID).from(LEAD).where(LEAD.OPPORTUNITY_ID.in(dealIds),
                LEAD.DELETED_AT.isNull(), notIn(LEAD.ID, leaving)).fetch(LEAD.OPPORTUNITY_ID));
        named.addAll(dsl.select(TASK.OPPORTUNITY_ID).from(TASK).where(TASK.OPPORTUNITY_ID.in(dealIds),
                TASK.DELETED_AT.isNull(), notIn(TASK.ID, leaving)).fetch(TASK.OPPORTUNITY_ID));
        named.addAll(dsl.select(QUOTE.OPPORTUNITY_ID).from(QUOTE).where(QUOTE.OPPORTUNITY_ID.in(dealIds),
                QUOTE.DELETED_AT.isNull(), notIn(QUOTE.ID, leaving)).fetch(QUOTE.OPPORTUNITY_ID));
        return named;
    }

    /** The live contacts of these customers. */
    List<UUID> contactsOf(Collection<UUID> customerIds) {
        return customerIds.isEmpty() ? List.of() : dsl.select(CONTACT.ID).from(CONTACT)
                .where(CONTACT.CUSTOMER_ID.in(customerIds), CONTACT.DELETED_AT.isNull()).fetch(CONTACT.ID);
    }

    /** The live follow-ups of these customers, whoever logged them. */
    List<UUID> activitiesOf(Collection<UUID> customerIds) {
        return customerIds.isEmpty() ? List.of() : dsl.select(ACTIVITY.ID).from(ACTIVITY)
                .where(ACTIVITY.CUSTOMER_ID.in(customerIds), ACTIVITY.DELETED_AT.isNull()).fetch(ACTIVITY.ID);
    }

    /** The live checklist items of these tasks. */
    List<UUID> checklistOf(Collection<UUID> taskIds) {
        return taskIds.isEmpty() ? List.of() : dsl.select(TASK_CHECKLIST_ITEM.ID).from(TASK_CHECKLIST_ITEM)
                .where(TASK_CHECKLIST_ITEM.TASK_ID.in(taskIds), TASK_CHECKLIST_ITEM.DELETED_AT.isNull())
                .fetch(TASK_CHECKLIST_ITEM.ID);
    }

    /** The live comments of these tasks. */
    List<UUID> commentsOf(Collection<UUID> taskIds) {
        return taskIds.isEmpty() ? List.of() : dsl.select(TASK_COMMENT.ID).from(TASK_COMMENT)
                .where(TASK_COMMENT.TASK_ID.in(taskIds), TASK_COMMENT.DELETED_AT.isNull()).fetch(TASK_COMMENT.ID);
    }

    /** Soft-deletes these rows without an audit entry; the version moves so a stale form cannot save. */
    void withdraw(SyncedEntity entity, Collection<UUID> ids, OffsetDateTime at) {
        if (!ids.isEmpty()) {
            mark(entity, ids, at);
        }
    }

    /** Makes these soft-deleted rows live again without an audit entry, before the hub's values are written. */
    void restore(SyncedEntity entity, Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            mark(entity, ids, null);
        }
    }

    // Sets deleted_at (null: live again) on rows that are not already so.
    private void mark(SyncedEntity entity, Collection<UUID> ids, OffsetDateTime at) {
        switch (entity) {
            case CUSTOMER -> mark(CUSTOMER, CUSTOMER.ID, CUSTOMER.DELETED_AT, CUSTOMER.VERSION, ids, at);
            case CONTACT -> mark(CONTACT, CONTACT.ID, CONTACT.DELETED_AT, CONTACT.VERSION, ids, at);
            case DEAL -> mark(OPPORTUNITY, OPPORTUNITY.ID, OPPORTUNITY.DELETED_AT, OPPORTUNITY.VERSION, ids, at);
            case ACTIVITY -> mark(ACTIVITY, ACTIVITY.ID, ACTIVITY.DELETED_AT, ACTIVITY.VERSION, ids, at);
            case LEAD -> mark(LEAD, LEAD.ID, LEAD.DELETED_AT, LEAD.VERSION, ids, at);
            case TASK -> mark(TASK, TASK.ID, TASK.DELETED_AT, TASK.VERSION, ids, at);
            case QUOTE -> mark(QUOTE, QUOTE.ID, QUOTE.DELETED_AT, QUOTE.VERSION, ids, at);
            case CHECKLIST_ITEM -> mark(TASK_CHECKLIST_ITEM, TASK_CHECKLIST_ITEM.ID, TASK_CHECKLIST_ITEM.DELETED_AT,
                    TASK_CHECKLIST_ITEM.VERSION, ids, at);
            case TASK_COMMENT -> mark(TASK_COMMENT, TASK_COMMENT.ID, TASK_COMMENT.DELETED_AT, TASK_COMMENT.VERSION,
                    ids, at);
        }
    }

    private <V extends Number> void mark(Table<?> table, Field<UUID> id, Field<OffsetDateTime> deletedAt,
                                         Field<V> version, Collection<UUID> ids, OffsetDateTime at) {
        dsl.update(table).set(deletedAt, at).set(version, version.plus(1))
                .where(id.in(ids), at == null ? deletedAt.isNotNull() : deletedAt.isNull()).execute();
    }

    private static org.jooq.Condition notIn(Field<UUID> id, Collection<UUID> leaving) {
        return leaving.isEmpty() ? DSL.noCondition() : id.notIn(leaving);
    }
}
