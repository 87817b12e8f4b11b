package io.salesdesk.crm;

import io.salesdesk.db.custom.CustomValueConditions;
import io.salesdesk.db.custom.CustomValueSort;
import io.salesdesk.db.Rows;
import static io.salesdesk.db.jooq.Tables.ACTIVITY;
import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.PhoneNumber;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.BulkInsert;
import io.salesdesk.db.jooq.tables.records.CustomerRecord;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * Customers in the database. Every query applies the viewer's {@link Visibility}; every change
 * bumps the row version and writes one audit entry.
 */
public final class CustomerRepository {

    static final String ENTITY = "customer";

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;
    private final UnaryOperator<String> regionNames;

    private CustomerRepository(Configuration configuration, Clock clock, UnaryOperator<String> regionNames) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
        this.regionNames = regionNames;
    }

    /**
     * @param regionNames maps a region code to its full name for display
     */
    public static CustomerRepository using(Configuration configuration, Clock clock, UnaryOperator<String> regionNames) {
        return new CustomerRepository(configuration, clock, regionNames);
    }

    /** How many customers the viewer sees with this query. */
    public int count(Actor viewer, CustomerQuery query) {
        return dsl.fetchCount(dsl.selectOne().from(CUSTOMER).where(conditions(viewer, query)));
    }

    /** One page of the customers the viewer sees, in the query's order. */
    public List<Customer> page(Actor viewer, CustomerQuery query, int offset, int limit) {
        return selectWithOwner(query.customSort()).where(conditions(viewer, query))
                .orderBy(order(query))
                .limit(limit).offset(offset)
                .fetch(this::toCustomer);
    }

    /**
     * Every customer the viewer sees with this query, in its order, one at a time (an export): one
     * query read as it goes, where pages by offset would sort and skip ever more rows.
     */
    public void forEach(Actor viewer, CustomerQuery query, Consumer<Customer> action) {
        try (Cursor<? extends Record> cursor = selectWithOwner(query.customSort()).where(conditions(viewer, query))
                .orderBy(order(query)).fetchSize(Rows.FETCH_SIZE).fetchLazy()) {
            cursor.forEach(r -> action.accept(toCustomer(r)));
        }
    }

    /** Every live customer, for the in-memory list of the embedded database. */
    public List<Customer> allLive() {
        return selectWithOwner().where(CUSTOMER.DELETED_AT.isNull()).fetch(this::toCustomer);
    }

    /** The next step promised at each customer's latest follow-up, for the given customers. */
    public Map<UUID, String> lastNextSteps(Collection<UUID> customerIds) {
        Map<UUID, String> steps = new HashMap<>();
        if (customerIds.isEmpty()) {
            return steps;
        }
        dsl.select(ACTIVITY.CUSTOMER_ID, ACTIVITY.NEXT_STEP).from(ACTIVITY)
                .where(ACTIVITY.CUSTOMER_ID.in(customerIds), ACTIVITY.DELETED_AT.isNull())
                .orderBy(ACTIVITY.CUSTOMER_ID, ACTIVITY.OCCURRED_AT.desc(), ACTIVITY.ID.desc())
                .forEach(r -> steps.putIfAbsent(r.value1(), r.value2()));
        return steps;
    }

    /** The customer if it exists, is not deleted and the viewer may see it. */
    public Optional<Customer> find(Actor viewer, UUID id) {
        return selectWithOwner()
                .where(CUSTOMER.ID.eq(id), CUSTOMER.DELETED_AT.isNull(), Visibility.ownedBy(CUSTOMER.OWNER_ID, viewer))
                .fetchOptional(this::toCustomer);
    }

    /** The customer regardless of visibility, for duplicate checks and conflict reports. */
    public Optional<Customer> findAny(UUID id) {
        return selectWithOwner().where(CUSTOMER.ID.eq(id), CUSTOMER.DELETED_AT.isNull())
                .fetchOptional(this::toCustomer);
    }

    /** A live customer with this normalised name, other than {@code exceptId}, whoever owns it. */
    public Optional<Customer> findByNormalizedName(String normalizedName, UUID exceptId) {
        Condition other = exceptId == null ? DSL.trueCondition() : CUSTOMER.ID.ne(exceptId);
        return selectWithOwner()
                .where(CUSTOMER.NORMALIZED_NAME.eq(normalizedName), CUSTOMER.DELETED_AT.isNull(), other)
                .limit(1)
                .fetchOptional(this::toCustomer);
    }

    /**
     * What a list kept in memory needs to apply a query's custom-field filters and sort: read from
     * {@code custom_value} through its indexes.
     */
    CustomMatch customMatch(CustomerQuery query, Map<Object, Object> earlier) {
        return CustomMatch.read(dsl, query, earlier);
    }

    /** Whether the viewer may see the row with this id. */
    public boolean isVisible(Actor viewer, UUID id) {
        return dsl.fetchExists(CUSTOMER, CUSTOMER.ID.eq(id), Visibility.ownedBy(CUSTOMER.OWNER_ID, viewer));
    }

    /** The ids among {@code ids} of live customers the viewer may see (import of contacts and follow-ups). */
    public Set<UUID> visibleAmong(Actor viewer, Collection<UUID> ids) {
        List<UUID> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        Set<UUID> visible = new HashSet<>();
        for (int from = 0; from < distinct.size(); from += LOOKUP_CHUNK) {
            List<UUID> chunk = distinct.subList(from, Math.min(distinct.size(), from + LOOKUP_CHUNK));
            visible.addAll(dsl.select(CUSTOMER.ID).from(CUSTOMER)
                    .where(CUSTOMER.ID.in(chunk), CUSTOMER.DELETED_AT.isNull(),
                            Visibility.ownedBy(CUSTOMER.OWNER_ID, viewer))
                    .fetch(CUSTOMER.ID));
        }
        return visible;
    }

    /** Inserts a validated, normalised customer. */
    public Customer insert(Actor actor, ChangeReason reason, UUID id, CustomerDraft draft, String normalizedName) {
        insertAll(actor, reason, List.of(new NewCustomer(id, draft, normalizedName, null, null, null)));
        return findAny(id).orElseThrow();
    }

    /** Inserts many customers in one batch with one audit entry each (imports, the demo workspace). */
    public void insertAll(Actor actor, ChangeReason reason, List<NewCustomer> customers) {
        insertEach(customers.stream().map(c -> new Insert(actor, reason, c)).toList());
    }

    /**
     * A customer to insert by its own actor for its own reason (sync applying changes made by
     * different users on a replica).
     *
     * @param actor    who made it, null for the system
     * @param reason   why
     * @param customer the customer
     */
    public record Insert(Actor actor, ChangeReason reason, NewCustomer customer) {
    }

    /** Inserts many customers in one batch with one audit entry each, each by its own actor. */
    public void insertEach(List<Insert> inserts) {
        OffsetDateTime now = Rows.now(clock);
        List<CustomerRecord> records = new ArrayList<>(inserts.size());
        List<ChangeLog.Attributed> audit = new ArrayList<>(inserts.size());
        for (Insert insert : inserts) {
            NewCustomer c = insert.customer();
            Actor actor = insert.actor();
            CustomerRecord r = dsl.newRecord(CUSTOMER);
            r.setId(c.id());
            apply(r, c.draft(), c.normalizedName());
            r.setLastFollowUpAt(c.lastFollowUpAt());
            r.setNextFollowUpOn(c.nextFollowUpOn());
            r.setVersion(1L);
            OffsetDateTime created = c.createdAt() == null ? now : c.createdAt();
            r.setCreatedAt(created);
            r.setCreatedBy(Rows.userId(actor));
            r.setUpdatedAt(created);
            r.setUpdatedBy(Rows.userId(actor));
            records.add(r);
            audit.add(new ChangeLog.Attributed(actor, insert.reason(), new ChangeLog.Pending(ENTITY, c.id(),
                    ChangeEntry.Operation.INSERT, FieldChange.diff(Map.of(), snapshot(r)))));
        }
        BulkInsert.insert(dsl, records);
        changeLog.recordEach(audit);
    }

    /**
     * Applies an edit made on {@code expectedVersion}.
     *
     * @throws StaleRecordException if the row changed or was deleted since that version
     */
    public Customer update(Actor actor, ChangeReason reason, UUID id, long expectedVersion, CustomerDraft draft,
                           String normalizedName) {
        CustomerRecord current = dsl.selectFrom(CUSTOMER).where(CUSTOMER.ID.eq(id), CUSTOMER.DELETED_AT.isNull())
                .fetchOne();
        if (current == null || current.getVersion() != expectedVersion) {
            throw stale(id, expectedVersion);
        }
        Map<String, Object> before = snapshot(current);
        CustomerRecord changed = current.copy();
        apply(changed, draft, normalizedName);
        Map<String, FieldChange> changes = FieldChange.diff(before, snapshot(changed));
        if (changes.isEmpty()) {
            return findAny(id).orElseThrow();
        }
        int updated = dsl.update(CUSTOMER)
                .set(CUSTOMER.NAME, changed.getName())
                .set(CUSTOMER.NORMALIZED_NAME, changed.getNormalizedName())
                .set(CUSTOMER.CREDIT_CODE, changed.getCreditCode())
                .set(CUSTOMER.TIER, changed.getTier())
                .set(CUSTOMER.INDUSTRY, changed.getIndustry())
                .set(CUSTOMER.REGION_CODE, changed.getRegionCode())
                .set(CUSTOMER.ADDRESS, changed.getAddress())
                .set(CUSTOMER.PHONE, changed.getPhone())
                .set(CUSTOMER.OWNER_ID, changed.getOwnerId())
                .set(CUSTOMER.SEARCH_TEXT, changed.getSearchText())
                .set(CUSTOMER.VERSION, expectedVersion + 1)
                .set(CUSTOMER.UPDATED_AT, Rows.now(clock))
                .set(CUSTOMER.UPDATED_BY, Rows.userId(actor))
                .where(CUSTOMER.ID.eq(id), CUSTOMER.VERSION.eq(expectedVersion), CUSTOMER.DELETED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw stale(id, expectedVersion);
        }
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.UPDATE, changes);
        return findAny(id).orElseThrow();
    }

    /** Records that a follow-up happened: last follow-up time and the next due date. */
    public void markFollowedUp(Actor actor, ChangeReason reason, UUID id, OffsetDateTime at, LocalDate nextDueOn) {
        CustomerRecord current = dsl.selectFrom(CUSTOMER).where(CUSTOMER.ID.eq(id)).fetchSingle();
        Map<String, FieldChange> changes = followUpChanges(current, at, nextDueOn);
        if (changes.isEmpty()) {
            return;
        }
        dsl.update(CUSTOMER)
                .set(CUSTOMER.LAST_FOLLOW_UP_AT, current.getLastFollowUpAt())
                .set(CUSTOMER.NEXT_FOLLOW_UP_ON, current.getNextFollowUpOn())
                .set(CUSTOMER.VERSION, CUSTOMER.VERSION.plus(1))
                .set(CUSTOMER.UPDATED_AT, Rows.now(clock))
                .set(CUSTOMER.UPDATED_BY, Rows.userId(actor))
                .where(CUSTOMER.ID.eq(id))
                .execute();
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.UPDATE, changes);
    }

    /**
     * A follow-up that happened on a customer, for {@link #markFollowedUpAll}.
     *
     * @param customerId the customer
     * @param at         when it happened
     * @param nextDueOn  the next follow-up it planned, may be null
     */
    public record FollowUp(UUID customerId, OffsetDateTime at, LocalDate nextDueOn) {
    }

    /**
     * Records follow-ups on many live customers (an import of a follow-up ledger) as
     * {@link #markFollowedUp} does for one: the last follow-up only moves forward, and the next due
     * date is the one of a follow-up that moved it. Reads in chunks, writes one batch.
     *
     * @return the new version of each customer that changed; customers already further on are absent
     * @throws StaleRecordException if a customer changed or was deleted while this ran
     */
    public Map<UUID, Long> markFollowedUpAll(Actor actor, ChangeReason reason, Collection<FollowUp> followUps) {
        Map<UUID, FollowUp> byCustomer = new LinkedHashMap<>();
        followUps.forEach(f -> byCustomer.put(f.customerId(), f));
        List<UUID> ids = new ArrayList<>(byCustomer.keySet());
        Map<UUID, Long> versions = new LinkedHashMap<>();
        List<org.jooq.Query> updates = new ArrayList<>();
        List<ChangeLog.Pending> pending = new ArrayList<>();
        List<CustomerRecord> changed = new ArrayList<>();
        OffsetDateTime now = Rows.now(clock);
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK));
            for (CustomerRecord current : dsl.selectFrom(CUSTOMER)
                    .where(CUSTOMER.ID.in(chunk), CUSTOMER.DELETED_AT.isNull()).fetch()) {
                FollowUp followUp = byCustomer.get(current.getId());
                Map<String, FieldChange> changes = followUpChanges(current, followUp.at(), followUp.nextDueOn());
                if (changes.isEmpty()) {
                    continue;
                }
                long version = current.getVersion();
                updates.add(dsl.update(CUSTOMER)
                        .set(CUSTOMER.LAST_FOLLOW_UP_AT, current.getLastFollowUpAt())
                        .set(CUSTOMER.NEXT_FOLLOW_UP_ON, current.getNextFollowUpOn())
                        .set(CUSTOMER.VERSION, version + 1)
                        .set(CUSTOMER.UPDATED_AT, now)
                        .set(CUSTOMER.UPDATED_BY, Rows.userId(actor))
                        .where(CUSTOMER.ID.eq(current.getId()), CUSTOMER.VERSION.eq(version),
                                CUSTOMER.DELETED_AT.isNull()));
                pending.add(new ChangeLog.Pending(ENTITY, current.getId(), ChangeEntry.Operation.UPDATE, changes));
                versions.put(current.getId(), version + 1);
                changed.add(current);
            }
        }
        if (updates.isEmpty()) {
            return versions;
        }
        int[] counts = dsl.batch(updates).execute();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                throw stale(changed.get(i).getId(), changed.get(i).getVersion());
            }
        }
        changeLog.recordAll(actor, reason, pending);
        return versions;
    }

    /**
     * Puts a customer's last and next follow-up back to given values (undo of an import), on
     * {@code expectedVersion}.
     *
     * @throws StaleRecordException if the customer changed or was deleted since that version
     */
    public Customer restoreFollowUp(Actor actor, ChangeReason reason, UUID id, long expectedVersion,
                                    OffsetDateTime lastFollowUpAt, LocalDate nextFollowUpOn) {
        CustomerRecord current = dsl.selectFrom(CUSTOMER).where(CUSTOMER.ID.eq(id), CUSTOMER.DELETED_AT.isNull())
                .fetchOne();
        if (current == null || current.getVersion() != expectedVersion) {
            throw stale(id, expectedVersion);
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("lastFollowUpAt", current.getLastFollowUpAt());
        before.put("nextFollowUpOn", current.getNextFollowUpOn());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("lastFollowUpAt", lastFollowUpAt);
        after.put("nextFollowUpOn", nextFollowUpOn);
        Map<String, FieldChange> changes = FieldChange.diff(before, after);
        if (changes.isEmpty()) {
            return findAny(id).orElseThrow();
        }
        int updated = dsl.update(CUSTOMER)
                .set(CUSTOMER.LAST_FOLLOW_UP_AT, lastFollowUpAt)
                .set(CUSTOMER.NEXT_FOLLOW_UP_ON, nextFollowUpOn)
                .set(CUSTOMER.VERSION, expectedVersion + 1)
                .set(CUSTOMER.UPDATED_AT, Rows.now(clock))
                .set(CUSTOMER.UPDATED_BY, Rows.userId(actor))
                .where(CUSTOMER.ID.eq(id), CUSTOMER.VERSION.eq(expectedVersion), CUSTOMER.DELETED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw stale(id, expectedVersion);
        }
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.UPDATE, changes);
        return findAny(id).orElseThrow();
    }

    /**
     * An edit for {@link #updateAll}: every field a user edits and the follow-up state, made on
     * {@code expectedVersion} by {@code actor} for {@code reason}.
     *
     * @param actor           who made it, null for the system
     * @param reason          why
     * @param id              the customer
     * @param expectedVersion the version the edit was made on
     * @param draft           validated fields
     * @param normalizedName  the draft's name normalised
     * @param lastFollowUpAt  last follow-up, may be null
     * @param nextFollowUpOn  next follow-up due, may be null
     */
    public record Edit(Actor actor, ChangeReason reason, UUID id, long expectedVersion, CustomerDraft draft,
                       String normalizedName, OffsetDateTime lastFollowUpAt, LocalDate nextFollowUpOn) {
    }

    /**
     * Applies many edits (a page of sync) as {@link #update} does one: one read per chunk, one
     * batch of updates and one batch of audit entries, each edit its own entry by its own actor.
     * An id may come more than once: its first edit is checked against the expected version, the
     * later ones apply on the edit before them.
     *
     * @return the new version of each customer that changed
     * @throws StaleRecordException if a customer is deleted or not at its edit's expected version
     */
    public Map<UUID, Long> updateAll(List<Edit> edits) {
        Map<UUID, CustomerRecord> current = new HashMap<>();
        List<UUID> ids = edits.stream().map(Edit::id).distinct().toList();
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            dsl.selectFrom(CUSTOMER).where(CUSTOMER.ID.in(ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK))),
                    CUSTOMER.DELETED_AT.isNull()).forEach(r -> current.put(r.getId(), r));
        }
        Map<UUID, Long> versions = new LinkedHashMap<>();
        List<Edit> written = new ArrayList<>();
        List<ChangeLog.Attributed> audit = new ArrayList<>();
        OffsetDateTime now = Rows.now(clock);
        // One prepared statement bound once per edit; values bind in the order they appear.
        var batch = dsl.batch(dsl.update(CUSTOMER)
                .set(CUSTOMER.NAME, (String) null).set(CUSTOMER.NORMALIZED_NAME, (String) null)
                .set(CUSTOMER.CREDIT_CODE, (String) null).set(CUSTOMER.TIER, (String) null)
                .set(CUSTOMER.INDUSTRY, (String) null).set(CUSTOMER.REGION_CODE, (String) null)
                .set(CUSTOMER.ADDRESS, (String) null).set(CUSTOMER.PHONE, (String) null)
                .set(CUSTOMER.OWNER_ID, (UUID) null).set(CUSTOMER.SEARCH_TEXT, (String) null)
                .set(CUSTOMER.LAST_FOLLOW_UP_AT, (OffsetDateTime) null)
                .set(CUSTOMER.NEXT_FOLLOW_UP_ON, (LocalDate) null)
                .set(CUSTOMER.VERSION, (Long) null).set(CUSTOMER.UPDATED_AT, (OffsetDateTime) null)
                .set(CUSTOMER.UPDATED_BY, (UUID) null)
                .where(CUSTOMER.ID.eq((UUID) null), CUSTOMER.VERSION.eq((Long) null), CUSTOMER.DELETED_AT.isNull()));
        Set<UUID> seen = new HashSet<>();
        for (Edit edit : edits) {
            CustomerRecord before = current.get(edit.id());
            if (before == null || (seen.add(edit.id()) && before.getVersion() != edit.expectedVersion())) {
                throw stale(edit.id(), edit.expectedVersion());
            }
            long expected = before.getVersion();
            CustomerRecord changed = before.copy();
            changed.setId(edit.id());
            apply(changed, edit.draft(), edit.normalizedName());
            changed.setLastFollowUpAt(edit.lastFollowUpAt());
            changed.setNextFollowUpOn(edit.nextFollowUpOn());
            Map<String, FieldChange> changes = FieldChange.diff(snapshot(before), snapshot(changed));
            if (changes.isEmpty()) {
                continue;
            }
            long version = expected + 1;
            changed.setVersion(version);
            current.put(edit.id(), changed);
            batch.bind(changed.getName(), changed.getNormalizedName(), changed.getCreditCode(), changed.getTier(),
                    changed.getIndustry(), changed.getRegionCode(), changed.getAddress(), changed.getPhone(),
                    changed.getOwnerId(), changed.getSearchText(), changed.getLastFollowUpAt(),
                    changed.getNextFollowUpOn(), version, now, Rows.userId(edit.actor()), edit.id(), expected);
            written.add(edit);
            versions.put(edit.id(), version);
            audit.add(new ChangeLog.Attributed(edit.actor(), edit.reason(),
                    new ChangeLog.Pending(ENTITY, edit.id(), ChangeEntry.Operation.UPDATE, changes)));
        }
        if (written.isEmpty()) {
            return versions;
        }
        int[] counts = batch.execute();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                throw stale(written.get(i).id(), written.get(i).expectedVersion());
            }
        }
        changeLog.recordEach(audit);
        return versions;
    }

    // Moves the record's follow-up state for a follow-up at {@code at} and returns what changed:
    // the last follow-up only moves forward, and a back-dated entry does not move the next due
    // date set by a later follow-up.
    private static Map<String, FieldChange> followUpChanges(CustomerRecord current, OffsetDateTime at,
                                                            LocalDate nextDueOn) {
        boolean newer = current.getLastFollowUpAt() == null || at.isAfter(current.getLastFollowUpAt());
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("lastFollowUpAt", current.getLastFollowUpAt());
        before.put("nextFollowUpOn", current.getNextFollowUpOn());
        if (newer) {
            current.setLastFollowUpAt(at);
            current.setNextFollowUpOn(nextDueOn);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("lastFollowUpAt", current.getLastFollowUpAt());
        after.put("nextFollowUpOn", current.getNextFollowUpOn());
        return FieldChange.diff(before, after);
    }

    /** Soft-deletes a customer (kept for undo, sync and audit). */
    public void delete(Actor actor, ChangeReason reason, UUID id, long expectedVersion) {
        OffsetDateTime now = Rows.now(clock);
        int updated = dsl.update(CUSTOMER)
                .set(CUSTOMER.DELETED_AT, now)
                .set(CUSTOMER.VERSION, expectedVersion + 1)
                .set(CUSTOMER.UPDATED_AT, now)
                .set(CUSTOMER.UPDATED_BY, Rows.userId(actor))
                .where(CUSTOMER.ID.eq(id), CUSTOMER.VERSION.eq(expectedVersion), CUSTOMER.DELETED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw stale(id, expectedVersion);
        }
        // A deleted customer's follow-ups no longer count in the KPIs (issue #9).
        ActivityDayRepository.using(dsl.configuration()).removeCustomer(id);
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.DELETE,
                FieldChange.diff(Map.of(), Map.of("deletedAt", now)));
    }

    /**
     * Soft-deletes {@code id} as merged into {@code survivorId}: the row stays, names the survivor,
     * and its audit entry records both, so links to it resolve and the merge can be traced.
     *
     * @throws StaleRecordException if the row changed or was deleted since {@code expectedVersion}
     */
    public void markMerged(Actor actor, ChangeReason reason, UUID id, long expectedVersion, UUID survivorId) {
        OffsetDateTime now = Rows.now(clock);
        int updated = dsl.update(CUSTOMER)
                .set(CUSTOMER.DELETED_AT, now)
                .set(CUSTOMER.MERGED_INTO_ID, survivorId)
                .set(CUSTOMER.VERSION, expectedVersion + 1)
                .set(CUSTOMER.UPDATED_AT, now)
                .set(CUSTOMER.UPDATED_BY, Rows.userId(actor))
                .where(CUSTOMER.ID.eq(id), CUSTOMER.VERSION.eq(expectedVersion), CUSTOMER.DELETED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw stale(id, expectedVersion);
        }
        ActivityDayRepository.using(dsl.configuration()).removeCustomer(id);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("deletedAt", now);
        after.put("mergedIntoId", survivorId);
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.DELETE, FieldChange.diff(Map.of(), after));
    }

    /**
     * Brings back a customer merged into {@code survivorId} (the merge's undo): live again, the mark
     * cleared, one audit entry that reverses the merge's delete entry.
     *
     * @return the customer, live
     * @throws StaleRecordException if the row is not a customer merged into {@code survivorId} any more
     */
    public Customer unmerge(Actor actor, ChangeReason reason, UUID id, UUID survivorId) {
        CustomerRecord current = dsl.selectFrom(CUSTOMER)
                .where(CUSTOMER.ID.eq(id), CUSTOMER.MERGED_INTO_ID.eq(survivorId), CUSTOMER.DELETED_AT.isNotNull())
                .fetchOne();
        if (current == null) {
            throw stale(id, -1);
        }
        int updated = dsl.update(CUSTOMER)
                .setNull(CUSTOMER.DELETED_AT)
                .setNull(CUSTOMER.MERGED_INTO_ID)
                .set(CUSTOMER.VERSION, current.getVersion() + 1)
                .set(CUSTOMER.UPDATED_AT, Rows.now(clock))
                .set(CUSTOMER.UPDATED_BY, Rows.userId(actor))
                .where(CUSTOMER.ID.eq(id), CUSTOMER.VERSION.eq(current.getVersion()))
                .execute();
        if (updated == 0) {
            throw stale(id, current.getVersion());
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("deletedAt", current.getDeletedAt());
        before.put("mergedIntoId", survivorId);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("deletedAt", null);
        after.put("mergedIntoId", null);
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.UPDATE, FieldChange.diff(before, after));
        return findAny(id).orElseThrow();
    }

    /**
     * The customer each of {@code ids} was merged into, following chains (B into A, A later into
     * C gives C); ids that were not merged are absent.
     */
    public Map<UUID, UUID> survivors(Collection<UUID> ids) {
        Map<UUID, UUID> survivors = new HashMap<>();
        Set<UUID> asked = new HashSet<>(ids);
        asked.remove(null);
        Map<UUID, UUID> step = new HashMap<>();
        Set<UUID> toRead = asked;
        // A chain is as long as the number of times a company was merged: a few steps at most.
        for (int depth = 0; depth < 16 && !toRead.isEmpty(); depth++) {
            Set<UUID> next = new HashSet<>();
            List<UUID> chunk = List.copyOf(toRead);
            for (int from = 0; from < chunk.size(); from += LOOKUP_CHUNK) {
                dsl.select(CUSTOMER.ID, CUSTOMER.MERGED_INTO_ID).from(CUSTOMER)
                        .where(CUSTOMER.ID.in(chunk.subList(from, Math.min(chunk.size(), from + LOOKUP_CHUNK))),
                                CUSTOMER.MERGED_INTO_ID.isNotNull())
                        .forEach(r -> {
                            step.put(r.value1(), r.value2());
                            if (!step.containsKey(r.value2())) {
                                next.add(r.value2());
                            }
                        });
            }
            toRead = next;
        }
        for (UUID id : asked) {
            UUID at = step.get(id);
            while (at != null && step.containsKey(at) && !at.equals(id)) {
                at = step.get(at);
            }
            if (at != null) {
                survivors.put(id, at);
            }
        }
        return survivors;
    }

    /** Customers the viewer sees whose next follow-up is due on or before {@code day}, oldest due first. */
    public List<FollowUpDue> dueBy(Actor viewer, LocalDate day, int limit) {
        // The next step promised at the latest follow-up, in the same query (no query per row).
        Field<String> lastNextStep = DSL.field(DSL.select(ACTIVITY.NEXT_STEP).from(ACTIVITY)
                .where(ACTIVITY.CUSTOMER_ID.eq(CUSTOMER.ID), ACTIVITY.DELETED_AT.isNull())
                .orderBy(ACTIVITY.OCCURRED_AT.desc(), ACTIVITY.ID.desc()).limit(1));
        return dsl.select(CUSTOMER.ID, CUSTOMER.NAME, CUSTOMER.TIER, CUSTOMER.NEXT_FOLLOW_UP_ON,
                        CUSTOMER.LAST_FOLLOW_UP_AT, lastNextStep, APP_USER.DISPLAY_NAME)
                .from(CUSTOMER).leftJoin(APP_USER).on(APP_USER.ID.eq(CUSTOMER.OWNER_ID))
                .where(CUSTOMER.DELETED_AT.isNull(), CUSTOMER.NEXT_FOLLOW_UP_ON.le(day),
                        Visibility.ownedBy(CUSTOMER.OWNER_ID, viewer))
                .orderBy(CUSTOMER.NEXT_FOLLOW_UP_ON, CUSTOMER.NAME)
                .limit(limit)
                .fetch(r -> new FollowUpDue(r.value1(), r.value2(), Tier.valueOf(r.value3()), r.value4(), r.value5(),
                        r.value6(), r.value7()));
    }

    private StaleRecordException stale(UUID id, long expectedVersion) {
        return new StaleRecordException(ENTITY, id, expectedVersion, findAny(id).orElse(null));
    }

    private SelectJoinStep<Record> selectWithOwner() {
        return selectWithOwner(null);
    }

    /** The list's columns, with the value of the custom field it sorts by joined on when there is one. */
    private SelectJoinStep<Record> selectWithOwner(CustomValueSort sort) {
        return dsl.select(List.of(CUSTOMER.ID, CUSTOMER.NAME, CUSTOMER.CREDIT_CODE, CUSTOMER.TIER, CUSTOMER.INDUSTRY,
                        CUSTOMER.REGION_CODE, CUSTOMER.ADDRESS, CUSTOMER.PHONE, CUSTOMER.OWNER_ID,
                        CUSTOMER.LAST_FOLLOW_UP_AT, CUSTOMER.NEXT_FOLLOW_UP_ON, CUSTOMER.VERSION, CUSTOMER.UPDATED_AT,
                        APP_USER.DISPLAY_NAME))
                .from(CustomValueConditions.withSortValue(
                        CUSTOMER.leftJoin(APP_USER).on(APP_USER.ID.eq(CUSTOMER.OWNER_ID)), CUSTOMER.ID, sort));
    }

    /** The list's conditions on CUSTOMER; contacts and follow-ups exported "per customer list" reuse them. */
    static Condition conditions(Actor viewer, CustomerQuery query) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(CUSTOMER.DELETED_AT.isNull());
        conditions.add(Visibility.ownedBy(CUSTOMER.OWNER_ID, viewer));
        String text = query.text() == null ? "" : query.text().strip().toLowerCase(Locale.ROOT);
        if (!text.isEmpty()) {
            conditions.add(CUSTOMER.SEARCH_TEXT.contains(text));
        }
        if (query.tier() != null) {
            conditions.add(CUSTOMER.TIER.eq(query.tier().name()));
        }
        if (query.regionPrefix() != null && !query.regionPrefix().isBlank()) {
            conditions.add(CUSTOMER.REGION_CODE.startsWith(query.regionPrefix()));
        }
        if (query.ownerId() != null) {
            conditions.add(CUSTOMER.OWNER_ID.eq(query.ownerId()));
        }
        conditions.add(CustomValueConditions.matchAll(CUSTOMER.ID, query.customFilters()));
        return DSL.and(conditions);
    }

    private static List<SortField<?>> order(CustomerQuery query) {
        boolean asc = query.ascending();
        if (query.customSort() != null) {
            return List.of(CustomValueConditions.sortOrder(query.customSort(), asc), CUSTOMER.ID.asc());
        }
        SortField<?> primary = switch (query.sort()) {
            case NAME -> asc ? CUSTOMER.NAME.asc() : CUSTOMER.NAME.desc();
            case TIER -> asc ? CUSTOMER.TIER.asc() : CUSTOMER.TIER.desc();
            case REGION -> asc ? CUSTOMER.REGION_CODE.asc().nullsLast() : CUSTOMER.REGION_CODE.desc().nullsLast();
            case OWNER -> asc ? APP_USER.DISPLAY_NAME.asc().nullsLast() : APP_USER.DISPLAY_NAME.desc().nullsLast();
            case LAST_FOLLOW_UP -> asc ? CUSTOMER.LAST_FOLLOW_UP_AT.asc().nullsFirst()
                    : CUSTOMER.LAST_FOLLOW_UP_AT.desc().nullsLast();
            case NEXT_FOLLOW_UP -> asc ? CUSTOMER.NEXT_FOLLOW_UP_ON.asc().nullsLast()
                    : CUSTOMER.NEXT_FOLLOW_UP_ON.desc().nullsLast();
            case UPDATED -> asc ? CUSTOMER.UPDATED_AT.asc() : CUSTOMER.UPDATED_AT.desc();
        };
        // The id breaks ties so that pages never overlap or skip rows.
        return List.of(primary, CUSTOMER.ID.asc());
    }

    private static void apply(CustomerRecord r, CustomerDraft d, String normalizedName) {
        r.setName(d.name().strip());
        r.setNormalizedName(normalizedName);
        r.setCreditCode(Rows.blankToNull(d.creditCode()));
        r.setTier(d.tier().name());
        r.setIndustry(Rows.blankToNull(d.industry()));
        r.setRegionCode(Rows.blankToNull(d.regionCode()));
        r.setAddress(Rows.blankToNull(d.address()));
        r.setPhone(Rows.blankToNull(d.phone()));
        r.setOwnerId(d.ownerId());
        r.setSearchText(searchText(r.getName(), r.getPhone(), r.getCreditCode()));
    }

    /** Name, phone (as written and as digits) and credit code in lower case, for one LIKE per keystroke. */
    static String searchText(String name, String phone, String creditCode) {
        StringBuilder text = new StringBuilder(name.toLowerCase(Locale.ROOT));
        if (phone != null) {
            text.append(' ').append(phone).append(' ').append(PhoneNumber.digitsOnly(phone));
        }
        if (creditCode != null) {
            text.append(' ').append(creditCode.toLowerCase(Locale.ROOT));
        }
        return text.length() > 600 ? text.substring(0, 600) : text.toString();
    }

    private static Map<String, Object> snapshot(CustomerRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.getName());
        m.put("creditCode", r.getCreditCode());
        m.put("tier", r.getTier());
        m.put("industry", r.getIndustry());
        m.put("regionCode", r.getRegionCode());
        m.put("address", r.getAddress());
        m.put("phone", r.getPhone());
        m.put("ownerId", r.getOwnerId());
        m.put("lastFollowUpAt", r.getLastFollowUpAt());
        m.put("nextFollowUpOn", r.getNextFollowUpOn());
        return m;
    }

    private Customer toCustomer(Record r) {
        // Read by field rather than r.into(CUSTOMER): copying into a table record per row doubled
        // the time to load the 100,000-row list.
        String regionCode = r.get(CUSTOMER.REGION_CODE);
        return new Customer(r.get(CUSTOMER.ID), r.get(CUSTOMER.NAME), r.get(CUSTOMER.CREDIT_CODE),
                Tier.valueOf(r.get(CUSTOMER.TIER)), r.get(CUSTOMER.INDUSTRY), regionCode,
                regionCode == null ? null : regionNames.apply(regionCode), r.get(CUSTOMER.ADDRESS),
                r.get(CUSTOMER.PHONE), r.get(CUSTOMER.OWNER_ID), r.get(APP_USER.DISPLAY_NAME),
                r.get(CUSTOMER.LAST_FOLLOW_UP_AT), r.get(CUSTOMER.NEXT_FOLLOW_UP_ON), r.get(CUSTOMER.VERSION),
                r.get(CUSTOMER.UPDATED_AT));
    }

    /**
     * A customer to insert in bulk, with its follow-up state already known.
     *
     * @param id             id
     * @param draft          validated, normalised fields
     * @param normalizedName for duplicate detection
     * @param lastFollowUpAt latest follow-up, may be null
     * @param nextFollowUpOn next due date, may be null
     * @param createdAt      when it was created, null for now
     */
    public record NewCustomer(UUID id, CustomerDraft draft, String normalizedName, OffsetDateTime lastFollowUpAt,
                              LocalDate nextFollowUpOn, OffsetDateTime createdAt) {
    }

    /** Most values in one IN list, well below every database's limit. */
    static final int LOOKUP_CHUNK = 1000;

    /** Live customers with any of these credit codes, whoever owns them (import dedupe). */
    public List<Customer> findLiveByCreditCodes(Collection<String> creditCodes) {
        return findLiveWhereIn(CUSTOMER.CREDIT_CODE, creditCodes);
    }

    /** Live customers with any of these normalised names, whoever owns them (import dedupe). */
    public List<Customer> findLiveByNormalizedNames(Collection<String> normalizedNames) {
        return findLiveWhereIn(CUSTOMER.NORMALIZED_NAME, normalizedNames);
    }

    /** Live customers with any of these normalised phones, whoever owns them (import dedupe). */
    public List<Customer> findLiveByPhones(Collection<String> phones) {
        return findLiveWhereIn(CUSTOMER.PHONE, phones);
    }

    /** Live customers with these ids, whoever owns them (re-import of an export, undo). */
    public List<Customer> findLiveByIds(Collection<UUID> ids) {
        return findLiveWhereIn(CUSTOMER.ID, ids);
    }

    private List<Customer> fetchByIdChunks(List<UUID> ids) {
        List<Customer> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK));
            found.addAll(selectWithOwner().where(CUSTOMER.ID.in(chunk), CUSTOMER.DELETED_AT.isNull())
                    .fetch(this::toCustomer));
        }
        return found;
    }

    private <T> List<Customer> findLiveWhereIn(Field<T> field, Collection<T> values) {
        List<T> distinct = values.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (distinct.isEmpty()) {
            return List.of();
        }
        // A ledger larger than the table (a first import) is checked with one read of the table
        // rather than hundreds of queries with a thousand values each (5 s for 100,000 rows).
        int live = dsl.fetchCount(CUSTOMER, CUSTOMER.DELETED_AT.isNull());
        if (live == 0) {
            return List.of();
        }
        if (live < distinct.size()) {
            java.util.Set<T> wanted = new java.util.HashSet<>(distinct);
            List<UUID> matching = dsl.select(CUSTOMER.ID, field).from(CUSTOMER)
                    .where(field.isNotNull(), CUSTOMER.DELETED_AT.isNull())
                    .fetch().stream().filter(r -> wanted.contains(r.value2())).map(r -> r.value1()).toList();
            return fetchByIdChunks(matching);
        }
        List<Customer> found = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += LOOKUP_CHUNK) {
            List<T> chunk = distinct.subList(from, Math.min(distinct.size(), from + LOOKUP_CHUNK));
            found.addAll(selectWithOwner().where(field.in(chunk), CUSTOMER.DELETED_AT.isNull()).fetch(this::toCustomer));
        }
        return found;
    }
}
