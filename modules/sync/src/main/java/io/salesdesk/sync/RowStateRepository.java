package io.salesdesk.sync;

import static io.salesdesk.db.jooq.Tables.ACTIVITY;
import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.CHANGE_LOG;
import static io.salesdesk.db.jooq.Tables.CONTACT;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.LEAD;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;
import static io.salesdesk.db.jooq.Tables.ORG_UNIT;
import static io.salesdesk.db.jooq.Tables.PRODUCT;
import static io.salesdesk.db.jooq.Tables.QUOTE;
import static io.salesdesk.db.jooq.Tables.QUOTE_LINE;
import static io.salesdesk.db.jooq.Tables.TASK;
import static io.salesdesk.db.jooq.Tables.TASK_CHECKLIST_ITEM;
import static io.salesdesk.db.jooq.Tables.TASK_COMMENT;

import io.salesdesk.commerce.quote.QuoteLine;
import io.salesdesk.commerce.quote.QuoteLinesText;
import io.salesdesk.commerce.quote.QuoteRepository;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.db.jooq.tables.records.ActivityRecord;
import io.salesdesk.db.jooq.tables.records.ContactRecord;
import io.salesdesk.db.jooq.tables.records.CustomerRecord;
import io.salesdesk.db.jooq.tables.records.LeadRecord;
import io.salesdesk.db.jooq.tables.records.OpportunityRecord;
import io.salesdesk.db.jooq.tables.records.QuoteRecord;
import io.salesdesk.db.jooq.tables.records.TaskChecklistItemRecord;
import io.salesdesk.db.jooq.tables.records.TaskCommentRecord;
import io.salesdesk.db.jooq.tables.records.TaskRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Synced rows read as {@link RowState}s with their custom values, deleted ones included, and the hub's feed: which
 * rows its audit trail touched after a sequence number.
 */
final class RowStateRepository {

    /** The survivor a deleted customer was merged into, in a customer's row state. */
    static final String MERGED_INTO = "mergedIntoId";

    private static final int CHUNK = 1000;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The fields that decide whether a row lies in a replica's subtree (region: a pool record's). */
    private static final List<String> SCOPE_FIELDS = List.of("ownerId", "assigneeId", "regionCode");

    private final DSLContext dsl;
    // Reads only, so the clock (which stamps writes) does not matter.
    private final CustomValues customValues;
    private final Map<String, List<String>> poolPrefixes = new java.util.HashMap<>();

    private RowStateRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
        this.customValues = new CustomValues(configuration, java.time.Clock.systemUTC());
    }

    static RowStateRepository using(Configuration configuration) {
        return new RowStateRepository(configuration);
    }

    /** Every row of the entity this side has, deleted ones included. */
    List<RowState> all(SyncedEntity entity) {
        List<UUID> ids = switch (entity) {
            case CUSTOMER -> dsl.select(CUSTOMER.ID).from(CUSTOMER).fetch(CUSTOMER.ID);
            case CONTACT -> dsl.select(CONTACT.ID).from(CONTACT).fetch(CONTACT.ID);
            case DEAL -> dsl.select(OPPORTUNITY.ID).from(OPPORTUNITY).fetch(OPPORTUNITY.ID);
            case ACTIVITY -> dsl.select(ACTIVITY.ID).from(ACTIVITY).fetch(ACTIVITY.ID);
            case LEAD -> dsl.select(LEAD.ID).from(LEAD).fetch(LEAD.ID);
            case TASK -> dsl.select(TASK.ID).from(TASK).fetch(TASK.ID);
            case CHECKLIST_ITEM -> dsl.select(TASK_CHECKLIST_ITEM.ID).from(TASK_CHECKLIST_ITEM)
                    .fetch(TASK_CHECKLIST_ITEM.ID);
            case TASK_COMMENT -> dsl.select(TASK_COMMENT.ID).from(TASK_COMMENT).fetch(TASK_COMMENT.ID);
            case QUOTE -> dsl.select(QUOTE.ID).from(QUOTE).fetch(QUOTE.ID);
        };
        return read(entity, ids, null);
    }

    /** The row, deleted or not, if this side has it. */
    Optional<RowState> find(SyncedEntity entity, UUID id) {
        return read(entity, List.of(id), null).stream().findFirst();
    }

    /**
     * The rows with these ids that this side has; with a scope path, only rows whose owner (for a
     * contact, its customer's owner) sits in that org subtree.
     */
    List<RowState> read(SyncedEntity entity, Collection<UUID> ids, String scopePath) {
        List<UUID> distinct = ids.stream().distinct().toList();
        List<RowState> rows = new ArrayList<>(distinct.size());
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<UUID> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
            int before = rows.size();
            if (entity == SyncedEntity.CUSTOMER) {
                Condition scope = scopePath == null ? DSL.noCondition() : customersIn(scopePath);
                dsl.selectFrom(CUSTOMER).where(CUSTOMER.ID.in(chunk), scope)
                        .forEach(r -> rows.add(customer(r)));
            } else if (entity == SyncedEntity.LEAD) {
                Condition scope = scopePath == null ? DSL.noCondition() : LEAD.OWNER_ID.in(usersIn(scopePath))
                        .or(LEAD.OWNER_ID.isNull().and(inPoolRegions(LEAD.REGION_CODE, scopePath)));
                dsl.selectFrom(LEAD).where(LEAD.ID.in(chunk), scope).forEach(r -> rows.add(lead(r)));
            } else if (entity == SyncedEntity.ACTIVITY) {
                Condition scope = scopePath == null ? DSL.noCondition() : ACTIVITY.OWNER_ID.in(usersIn(scopePath));
                dsl.selectFrom(ACTIVITY).where(ACTIVITY.ID.in(chunk), scope)
                        .forEach(r -> rows.add(activity(r)));
            } else if (entity == SyncedEntity.CHECKLIST_ITEM) {
                Condition scope = scopePath == null ? DSL.noCondition() : TASK_CHECKLIST_ITEM.TASK_ID.in(
                        DSL.select(TASK.ID).from(TASK).where(TASK.ASSIGNEE_ID.in(usersIn(scopePath))));
                dsl.selectFrom(TASK_CHECKLIST_ITEM).where(TASK_CHECKLIST_ITEM.ID.in(chunk), scope)
                        .forEach(r -> rows.add(checklistItem(r)));
            } else if (entity == SyncedEntity.TASK_COMMENT) {
                Condition scope = scopePath == null ? DSL.noCondition() : TASK_COMMENT.TASK_ID.in(
                        DSL.select(TASK.ID).from(TASK).where(TASK.ASSIGNEE_ID.in(usersIn(scopePath))));
                dsl.selectFrom(TASK_COMMENT).where(TASK_COMMENT.ID.in(chunk), scope)
                        .forEach(r -> rows.add(taskComment(r)));
            } else if (entity == SyncedEntity.QUOTE) {
                Condition scope = scopePath == null ? DSL.noCondition() : QUOTE.OWNER_ID.in(usersIn(scopePath));
                List<QuoteRecord> quotes = dsl.selectFrom(QUOTE)
                        .where(QUOTE.ID.in(chunk), scope).fetch();
                Map<UUID, String> lines = quoteLines(quotes.stream().map(r -> r.getId()).toList());
                quotes.forEach(r -> rows.add(quote(r, lines.getOrDefault(r.getId(), ""))));
            } else if (entity == SyncedEntity.TASK) {
                Condition scope = scopePath == null ? DSL.noCondition() : TASK.ASSIGNEE_ID.in(usersIn(scopePath));
                dsl.selectFrom(TASK).where(TASK.ID.in(chunk), scope).forEach(r -> rows.add(task(r)));
            } else if (entity == SyncedEntity.DEAL) {
                Condition scope = scopePath == null ? DSL.noCondition() : OPPORTUNITY.OWNER_ID.in(usersIn(scopePath));
                dsl.selectFrom(OPPORTUNITY).where(OPPORTUNITY.ID.in(chunk), scope)
                        .forEach(r -> rows.add(deal(r)));
            } else {
                Condition scope = scopePath == null ? DSL.noCondition()
                        : CONTACT.CUSTOMER_ID.in(DSL.select(CUSTOMER.ID).from(CUSTOMER)
                        .where(customersIn(scopePath)));
                dsl.selectFrom(CONTACT).where(CONTACT.ID.in(chunk), scope)
                        .forEach(r -> rows.add(contact(r)));
            }
            customValues.addTo(entity, rows.subList(before, rows.size()));
        }
        return rows;
    }

    /**
     * When and why a customer without an owner went to the pool on this side, if it is in the pool
     * with a time: a release travels with them (they are not fields of the change record).
     */
    Optional<PoolStamp> poolStamp(UUID customerId) {
        return dsl.select(CUSTOMER.POOLED_AT, CUSTOMER.POOL_REASON).from(CUSTOMER)
                .where(CUSTOMER.ID.eq(customerId), CUSTOMER.OWNER_ID.isNull(), CUSTOMER.POOLED_AT.isNotNull())
                .fetchOptional(r -> new PoolStamp(r.value1(), r.value2()));
    }

    /** When and why a customer went to the pool. */
    record PoolStamp(java.time.OffsetDateTime at, String reason) {
    }

    /**
     * The rows the audit trail touched after {@code afterSeq}, in order, at most {@code limit}
     * entries read, leaving out the entries that applied {@code replicaId}'s own pushes: the hub
     * answered those pushes with the rows as they were then, and any later change has its own entry.
     */
    FeedPage feed(long afterSeq, int limit, UUID replicaId) {
        var entries = dsl.select(CHANGE_LOG.SEQ, CHANGE_LOG.ENTITY, CHANGE_LOG.ENTITY_ID, CHANGE_LOG.CHANGES,
                        CHANGE_LOG.OPERATION)
                .from(CHANGE_LOG)
                .where(CHANGE_LOG.SEQ.gt(afterSeq), CHANGE_LOG.ENTITY.in(SyncedEntity.tables()),
                        CHANGE_LOG.REASON_KIND.ne(ChangeReason.Kind.SYNC.name())
                                .or(CHANGE_LOG.REASON_DETAIL.notLike(HubMerge.originPrefix(replicaId) + "%")))
                .orderBy(CHANGE_LOG.SEQ).limit(limit).fetch();
        Map<SyncedEntity, List<UUID>> touched = new LinkedHashMap<>();
        for (SyncedEntity e : SyncedEntity.values()) {
            touched.put(e, new ArrayList<>());
        }
        long last = afterSeq;
        List<UUID> newOwner = new ArrayList<>();
        List<UUID> newAssignee = new ArrayList<>();
        Map<SyncedEntity, List<Moved>> moved = new LinkedHashMap<>();
        for (var r : entries) {
            SyncedEntity entity = SyncedEntity.of(r.value2()).orElseThrow();
            touched.get(entity).add(r.value3());
            // A new row cannot have left anywhere: only edits move rows out.
            if (r.value4() != null && io.salesdesk.db.ChangeEntry.Operation.UPDATE.name().equals(r.value5())
                    && SCOPE_FIELDS.stream().anyMatch(f -> r.value4().contains("\"" + f + "\""))) {
                moved.computeIfAbsent(entity, e -> new ArrayList<>()).add(new Moved(r.value3(), before(r.value4())));
            }
            if (entity == SyncedEntity.CUSTOMER && r.value4() != null && r.value4().contains("\"ownerId\"")) {
                newOwner.add(r.value3());
            }
            if (entity == SyncedEntity.TASK && r.value4() != null && r.value4().contains("\"assigneeId\"")) {
                newAssignee.add(r.value3());
            }
            last = r.value1();
        }
        // A customer given a new owner may have just entered a replica's subtree: its contacts,
        // which follow it, come along even if they have not changed.
        List<UUID> contacts = touched.get(SyncedEntity.CONTACT);
        for (int from = 0; from < newOwner.size(); from += CHUNK) {
            contacts.addAll(dsl.select(CONTACT.ID).from(CONTACT)
                    .where(CONTACT.CUSTOMER_ID.in(newOwner.subList(from, Math.min(newOwner.size(), from + CHUNK))))
                    .fetch(CONTACT.ID));
        }
        // Likewise a task given to someone of a replica's subtree brings its checklist and comments.
        List<UUID> items = touched.get(SyncedEntity.CHECKLIST_ITEM);
        List<UUID> comments = touched.get(SyncedEntity.TASK_COMMENT);
        for (int from = 0; from < newAssignee.size(); from += CHUNK) {
            List<UUID> taskIds = newAssignee.subList(from, Math.min(newAssignee.size(), from + CHUNK));
            items.addAll(dsl.select(TASK_CHECKLIST_ITEM.ID).from(TASK_CHECKLIST_ITEM)
                    .where(TASK_CHECKLIST_ITEM.TASK_ID.in(taskIds)).fetch(TASK_CHECKLIST_ITEM.ID));
            comments.addAll(dsl.select(TASK_COMMENT.ID).from(TASK_COMMENT)
                    .where(TASK_COMMENT.TASK_ID.in(taskIds)).fetch(TASK_COMMENT.ID));
        }
        // A customer coming (back) into a subtree brings its follow-ups too; the scoped read keeps
        // those of owners outside it at the hub.
        List<UUID> activities = touched.get(SyncedEntity.ACTIVITY);
        for (int from = 0; from < newOwner.size(); from += CHUNK) {
            activities.addAll(dsl.select(ACTIVITY.ID).from(ACTIVITY)
                    .where(ACTIVITY.CUSTOMER_ID.in(newOwner.subList(from, Math.min(newOwner.size(), from + CHUNK))))
                    .fetch(ACTIVITY.ID));
        }
        return new FeedPage(touched, last, entries.size() == limit, moved);
    }

    /**
     * One page of the feed.
     *
     * @param touched row ids per entity
     * @param lastSeq the last sequence number read
     * @param full    whether the page was full (more may follow)
     * @param moved   per entity, the rows whose owner, assignee or region a change moved: rows that
     *                may have left a replica's subtree
     */
    record FeedPage(Map<SyncedEntity, List<UUID>> touched, long lastSeq, boolean full,
                    Map<SyncedEntity, List<Moved>> moved) {
    }

    /**
     * A row a change moved, with who had it before (owner or assignee; null for a pool record, or
     * when only its region changed).
     */
    record Moved(UUID id, UUID ownerBefore) {
    }

    /** The ids of the users whose org unit lies in the subtree. */
    java.util.Set<UUID> users(String scopePath) {
        return new java.util.HashSet<>(dsl.fetch(usersIn(scopePath)).getValues(APP_USER.ID));
    }

    // The owner or assignee before the change, from its change record; null if it had none or it did not change.
    private static UUID before(String changes) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(changes);
            for (String field : List.of("ownerId", "assigneeId")) {
                com.fasterxml.jackson.databind.JsonNode old = node.path(field).path("oldValue");
                if (old.isTextual() && !old.asText().isEmpty()) {
                    return UUID.fromString(old.asText());
                }
            }
            return null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("Unreadable change record: " + changes, e);
        }
    }

    /** Customers owned in the subtree, and pool customers (no owner) of its regions. */
    private Condition customersIn(String scopePath) {
        return CUSTOMER.OWNER_ID.in(usersIn(scopePath))
                .or(CUSTOMER.OWNER_ID.isNull().and(inPoolRegions(CUSTOMER.REGION_CODE, scopePath)));
    }

    /**
     * Whether a pool record's region lies in a region of an org unit of the subtree: the pool a rep
     * there sees (320000 covers the province 32, 320500 the city 3205, as the pool itself reads
     * a unit's region). A subtree without a region has no pool on its replica.
     */
    private Condition inPoolRegions(org.jooq.Field<String> regionCode, String scopePath) {
        List<String> prefixes = poolPrefixes.computeIfAbsent(scopePath, p -> dsl.selectDistinct(ORG_UNIT.REGION_CODE)
                .from(ORG_UNIT).where(ORG_UNIT.PATH.startsWith(p), ORG_UNIT.REGION_CODE.isNotNull(),
                        ORG_UNIT.DELETED_AT.isNull())
                .fetch(ORG_UNIT.REGION_CODE).stream().map(RowStateRepository::regionPrefix).distinct().toList());
        return prefixes.isEmpty() ? DSL.falseCondition()
                : DSL.or(prefixes.stream().map(regionCode::startsWith).toList());
    }

    private static String regionPrefix(String regionCode) {
        if (regionCode.endsWith("0000")) {
            return regionCode.substring(0, 2);
        }
        return regionCode.endsWith("00") ? regionCode.substring(0, 4) : regionCode;
    }

    private static org.jooq.Select<org.jooq.Record1<UUID>> usersIn(String scopePath) {
        return DSL.select(APP_USER.ID).from(APP_USER).join(ORG_UNIT).on(ORG_UNIT.ID.eq(APP_USER.ORG_UNIT_ID))
                .where(ORG_UNIT.PATH.startsWith(scopePath));
    }

    private static RowState customer(CustomerRecord r) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", r.getName());
        f.put("creditCode", r.getCreditCode());
        f.put("tier", r.getTier());
        f.put("industry", r.getIndustry());
        f.put("regionCode", r.getRegionCode());
        f.put("address", r.getAddress());
        f.put("phone", r.getPhone());
        f.put("ownerId", Values.text(r.getOwnerId()));
        f.put("lastFollowUpAt", Values.text(r.getLastFollowUpAt()));
        f.put("nextFollowUpOn", Values.text(r.getNextFollowUpOn()));
        // Not a synced field (never merged): it tells the other side to merge a deleted customer's rows too.
        f.put(MERGED_INTO, Values.text(r.getMergedIntoId()));
        return new RowState(SyncedEntity.CUSTOMER, r.getId(), r.getDeletedAt() != null, f, r.getVersion());
    }

    private static RowState contact(ContactRecord r) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("customerId", Values.text(r.getCustomerId()));
        f.put("name", r.getName());
        f.put("title", r.getTitle());
        f.put("mobile", r.getMobile());
        f.put("phone", r.getPhone());
        f.put("email", r.getEmail());
        f.put("wechat", r.getWechat());
        f.put("primary", Values.text(r.getIsPrimary()));
        f.put("notes", r.getNotes());
        return new RowState(SyncedEntity.CONTACT, r.getId(), r.getDeletedAt() != null, f, r.getVersion());
    }

    private static RowState deal(OpportunityRecord r) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("customerId", Values.text(r.getCustomerId()));
        f.put("name", r.getName());
        f.put("ownerId", Values.text(r.getOwnerId()));
        f.put("stage", r.getStage());
        f.put("amount", Values.text(r.getAmount()));
        f.put("expectedCloseOn", Values.text(r.getExpectedCloseOn()));
        f.put("probability", Values.text(r.getProbability()));
        f.put("products", r.getProducts());
        f.put("closeReason", r.getCloseReason());
        f.put("boardRank", r.getBoardRank());
        return new RowState(SyncedEntity.DEAL, r.getId(), r.getDeletedAt() != null, f, r.getVersion());
    }

    private static RowState activity(ActivityRecord r) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("customerId", Values.text(r.getCustomerId()));
        f.put("contactId", Values.text(r.getContactId()));
        f.put("ownerId", Values.text(r.getOwnerId()));
        f.put("kind", r.getKind());
        f.put("occurredAt", Values.text(r.getOccurredAt()));
        f.put("durationMinutes", Values.text(r.getDurationMinutes()));
        f.put("note", r.getNote());
        f.put("outcome", r.getOutcome());
        f.put("nextStep", r.getNextStep());
        f.put("nextFollowUpOn", Values.text(r.getNextFollowUpOn()));
        return new RowState(SyncedEntity.ACTIVITY, r.getId(), r.getDeletedAt() != null, f, r.getVersion());
    }

    /** Each quote's lines as its audit entries record them, by quote id. */
    private Map<UUID, String> quoteLines(List<UUID> quoteIds) {
        Map<UUID, List<QuoteLine>> lines = new LinkedHashMap<>();
        if (quoteIds.isEmpty()) {
            return Map.of();
        }
        dsl.select(QUOTE_LINE.QUOTE_ID, QUOTE_LINE.LINE_NO, QUOTE_LINE.PRODUCT_ID, PRODUCT.SKU, QUOTE_LINE.QUANTITY,
                        QUOTE_LINE.UNIT_PRICE, QUOTE_LINE.DISCOUNT_PCT, QUOTE_LINE.UNIT_COST)
                .from(QUOTE_LINE).join(PRODUCT).on(PRODUCT.ID.eq(QUOTE_LINE.PRODUCT_ID))
                .where(QUOTE_LINE.QUOTE_ID.in(quoteIds)).orderBy(QUOTE_LINE.QUOTE_ID, QUOTE_LINE.LINE_NO)
                .forEach(r -> lines.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(
                        QuoteRepository.line(r.value2(), r.value3(), r.value4(), null,
                                null, r.value5(), r.value6(), r.value7(), r.value8())));
        Map<UUID, String> text = new LinkedHashMap<>();
        lines.forEach((id, l) -> text.put(id, QuoteLinesText.format(l)));
        return text;
    }

    private static RowState quote(QuoteRecord r, String lines) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("quoteNo", r.getQuoteNo());
        f.put("customerId", Values.text(r.getCustomerId()));
        f.put("opportunityId", Values.text(r.getOpportunityId()));
        f.put("ownerId", Values.text(r.getOwnerId()));
        f.put("status", r.getStatus());
        f.put("validUntil", Values.text(r.getValidUntil()));
        f.put("note", r.getNote());
        f.put("sentAt", Values.text(r.getSentAt()));
        f.put("lines", lines);
        return new RowState(SyncedEntity.QUOTE, r.getId(), r.getDeletedAt() != null, f, r.getVersion());
    }

    private static RowState task(TaskRecord r) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", r.getTitle());
        f.put("description", r.getDescription());
        f.put("assigneeId", Values.text(r.getAssigneeId()));
        f.put("status", r.getStatus());
        f.put("priority", r.getPriority());
        f.put("dueAt", Values.text(r.getDueAt()));
        f.put("customerId", Values.text(r.getCustomerId()));
        f.put("opportunityId", Values.text(r.getOpportunityId()));
        f.put("completedAt", Values.text(r.getCompletedAt()));
        f.put("rank", r.getBoardRank());
        return new RowState(SyncedEntity.TASK, r.getId(), r.getDeletedAt() != null, f, r.getVersion());
    }

    private static RowState checklistItem(TaskChecklistItemRecord r) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("taskId", Values.text(r.getTaskId()));
        f.put("order", Values.text(r.getSortOrder()));
        f.put("label", r.getLabel());
        f.put("done", Values.text(r.getDone()));
        return new RowState(SyncedEntity.CHECKLIST_ITEM, r.getId(), r.getDeletedAt() != null, f, r.getVersion());
    }

    private static RowState taskComment(TaskCommentRecord r) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("taskId", Values.text(r.getTaskId()));
        f.put("authorId", Values.text(r.getAuthorId()));
        f.put("body", r.getBody());
        return new RowState(SyncedEntity.TASK_COMMENT, r.getId(), r.getDeletedAt() != null, f, r.getVersion());
    }

    private static RowState lead(LeadRecord r) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", r.getName());
        f.put("contactName", r.getContactName());
        f.put("phone", r.getPhone());
        f.put("address", r.getAddress());
        f.put("regionCode", r.getRegionCode());
        f.put("industry", r.getIndustry());
        f.put("tier", r.getTier());
        f.put("source", r.getSource());
        f.put("note", r.getNote());
        f.put("status", r.getStatus());
        f.put("ownerId", Values.text(r.getOwnerId()));
        f.put("assignmentReason", r.getAssignmentReason());
        f.put("assignmentFlag", r.getAssignmentFlag());
        f.put("firstResponseAt", Values.text(r.getFirstResponseAt()));
        f.put("disqualifyReason", r.getDisqualifyReason());
        f.put("customerId", Values.text(r.getCustomerId()));
        f.put("opportunityId", Values.text(r.getOpportunityId()));
        f.put("boardRank", r.getBoardRank());
        return new RowState(SyncedEntity.LEAD, r.getId(), r.getDeletedAt() != null, f, r.getVersion());
    }
}
