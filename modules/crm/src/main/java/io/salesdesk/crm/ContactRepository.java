package io.salesdesk.crm;

import io.salesdesk.db.Rows;
import static io.salesdesk.db.jooq.Tables.CONTACT;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.BulkInsert;
import io.salesdesk.db.jooq.tables.records.ContactRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Contacts of customers. Visibility follows the customer, checked by the service. */
public final class ContactRepository {

    static final String ENTITY = "contact";

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private ContactRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static ContactRepository using(Configuration configuration, Clock clock) {
        return new ContactRepository(configuration, clock);
    }

    /** The customer's live contacts, the primary one first. */
    public List<Contact> forCustomer(UUID customerId) {
        return dsl.selectFrom(CONTACT)
                .where(CONTACT.CUSTOMER_ID.eq(customerId), CONTACT.DELETED_AT.isNull())
                .orderBy(CONTACT.IS_PRIMARY.desc(), CONTACT.NAME)
                .fetch(ContactRepository::toContact);
    }

    public Optional<Contact> find(UUID id) {
        return dsl.selectFrom(CONTACT).where(CONTACT.ID.eq(id), CONTACT.DELETED_AT.isNull())
                .fetchOptional(ContactRepository::toContact);
    }

    /** Live contacts of these customers, whoever owns them (import dedupe). */
    public List<Contact> findLiveByCustomerIds(Collection<UUID> customerIds) {
        return findLiveWhereIn(CONTACT.CUSTOMER_ID, customerIds);
    }

    /** Live contacts with these ids (re-import of an export, undo). */
    public List<Contact> findLiveByIds(Collection<UUID> ids) {
        return findLiveWhereIn(CONTACT.ID, ids);
    }

    /** How many live contacts belong to the customers the viewer sees with this query. */
    public int count(Actor viewer, CustomerQuery query) {
        return dsl.fetchCount(dsl.selectOne().from(CONTACT).join(CUSTOMER).on(CUSTOMER.ID.eq(CONTACT.CUSTOMER_ID))
                .where(CONTACT.DELETED_AT.isNull(), CustomerRepository.conditions(viewer, query)));
    }

    /**
     * The contacts of the customers the viewer sees with this query, by customer name, the primary
     * contact first, one at a time as one query reads them (the contact list export).
     */
    public void forEach(Actor viewer, CustomerQuery query, Consumer<CustomerContact> action) {
        try (var cursor = dsl.select(CONTACT.fields()).select(CUSTOMER.NAME)
                .from(CONTACT).join(CUSTOMER).on(CUSTOMER.ID.eq(CONTACT.CUSTOMER_ID))
                .where(CONTACT.DELETED_AT.isNull(), CustomerRepository.conditions(viewer, query))
                .orderBy(CUSTOMER.NAME, CUSTOMER.ID, CONTACT.IS_PRIMARY.desc(), CONTACT.NAME, CONTACT.ID)
                .fetchSize(Rows.FETCH_SIZE).fetchLazy()) {
            cursor.forEach(r -> action.accept(new CustomerContact(toContact(r.into(CONTACT)), r.get(CUSTOMER.NAME))));
        }
    }

    /** Inserts validated contacts in one batch with one audit entry each. */
    public void insertAll(Actor actor, ChangeReason reason, List<NewContact> contacts) {
        insertEach(contacts.stream().map(c -> new Insert(actor, reason, c)).toList());
    }

    /**
     * A contact to insert by its own actor for its own reason (sync applying changes made by
     * different users on a replica).
     *
     * @param actor   who made it, null for the system
     * @param reason  why
     * @param contact the contact
     */
    public record Insert(Actor actor, ChangeReason reason, NewContact contact) {
    }

    /** Inserts validated contacts in one batch with one audit entry each, each by its own actor. */
    public void insertEach(List<Insert> inserts) {
        OffsetDateTime now = Rows.now(clock);
        List<ContactRecord> records = new ArrayList<>(inserts.size());
        List<ChangeLog.Attributed> audit = new ArrayList<>(inserts.size());
        for (Insert insert : inserts) {
            NewContact c = insert.contact();
            Actor actor = insert.actor();
            ContactRecord r = dsl.newRecord(CONTACT);
            r.setId(c.id());
            r.setCustomerId(c.customerId());
            apply(r, c.draft());
            r.setVersion(1L);
            r.setCreatedAt(now);
            r.setCreatedBy(Rows.userId(actor));
            r.setUpdatedAt(now);
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
     * @throws StaleRecordException if the contact changed since
     */
    public Contact update(Actor actor, ChangeReason reason, UUID id, long expectedVersion, ContactDraft draft) {
        ContactRecord current = dsl.selectFrom(CONTACT).where(CONTACT.ID.eq(id), CONTACT.DELETED_AT.isNull()).fetchOne();
        if (current == null || current.getVersion() != expectedVersion) {
            throw new StaleRecordException(ENTITY, id, expectedVersion, find(id).orElse(null));
        }
        Map<String, Object> before = snapshot(current);
        ContactRecord changed = current.copy();
        apply(changed, draft);
        Map<String, FieldChange> changes = FieldChange.diff(before, snapshot(changed));
        if (changes.isEmpty()) {
            return toContact(current);
        }
        int updated = dsl.update(CONTACT)
                .set(CONTACT.NAME, changed.getName())
                .set(CONTACT.TITLE, changed.getTitle())
                .set(CONTACT.MOBILE, changed.getMobile())
                .set(CONTACT.PHONE, changed.getPhone())
                .set(CONTACT.EMAIL, changed.getEmail())
                .set(CONTACT.WECHAT, changed.getWechat())
                .set(CONTACT.IS_PRIMARY, changed.getIsPrimary())
                .set(CONTACT.NOTES, changed.getNotes())
                .set(CONTACT.VERSION, expectedVersion + 1)
                .set(CONTACT.UPDATED_AT, Rows.now(clock))
                .set(CONTACT.UPDATED_BY, Rows.userId(actor))
                .where(CONTACT.ID.eq(id), CONTACT.VERSION.eq(expectedVersion))
                .execute();
        if (updated == 0) {
            throw new StaleRecordException(ENTITY, id, expectedVersion, find(id).orElse(null));
        }
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.UPDATE, changes);
        return find(id).orElseThrow();
    }

    /**
     * An edit for {@link #updateAll}, made on {@code expectedVersion} by {@code actor} for {@code reason}.
     *
     * @param actor           who made it, null for the system
     * @param reason          why
     * @param id              the contact
     * @param expectedVersion the version the edit was made on
     * @param draft           validated fields
     */
    public record Edit(Actor actor, ChangeReason reason, UUID id, long expectedVersion, ContactDraft draft) {
    }

    /**
     * Applies many edits (a page of sync) as {@link #update} does one: one read per chunk, one
     * batch of updates and one batch of audit entries, each edit its own entry by its own actor.
     * An id may come more than once: its first edit is checked against the expected version, the
     * later ones apply on the edit before them.
     *
     * @return the new version of each contact that changed
     * @throws StaleRecordException if a contact is deleted or not at its edit's expected version
     */
    public Map<UUID, Long> updateAll(List<Edit> edits) {
        Map<UUID, ContactRecord> current = new HashMap<>();
        List<UUID> ids = edits.stream().map(Edit::id).distinct().toList();
        for (int from = 0; from < ids.size(); from += CustomerRepository.LOOKUP_CHUNK) {
            dsl.selectFrom(CONTACT).where(CONTACT.ID.in(ids.subList(from,
                    Math.min(ids.size(), from + CustomerRepository.LOOKUP_CHUNK))), CONTACT.DELETED_AT.isNull())
                    .forEach(r -> current.put(r.getId(), r));
        }
        Map<UUID, Long> versions = new LinkedHashMap<>();
        List<Edit> written = new ArrayList<>();
        List<ChangeLog.Attributed> audit = new ArrayList<>();
        OffsetDateTime now = Rows.now(clock);
        // One prepared statement bound once per edit; values bind in the order they appear.
        var batch = dsl.batch(dsl.update(CONTACT)
                .set(CONTACT.NAME, (String) null).set(CONTACT.TITLE, (String) null)
                .set(CONTACT.MOBILE, (String) null).set(CONTACT.PHONE, (String) null)
                .set(CONTACT.EMAIL, (String) null).set(CONTACT.WECHAT, (String) null)
                .set(CONTACT.IS_PRIMARY, (Boolean) null).set(CONTACT.NOTES, (String) null)
                .set(CONTACT.VERSION, (Long) null).set(CONTACT.UPDATED_AT, (OffsetDateTime) null)
                .set(CONTACT.UPDATED_BY, (UUID) null)
                .where(CONTACT.ID.eq((UUID) null), CONTACT.VERSION.eq((Long) null), CONTACT.DELETED_AT.isNull()));
        Set<UUID> seen = new HashSet<>();
        for (Edit edit : edits) {
            ContactRecord before = current.get(edit.id());
            if (before == null || (seen.add(edit.id()) && before.getVersion() != edit.expectedVersion())) {
                throw new StaleRecordException(ENTITY, edit.id(), edit.expectedVersion(), find(edit.id()).orElse(null));
            }
            long expected = before.getVersion();
            ContactRecord changed = before.copy();
            changed.setId(edit.id());
            apply(changed, edit.draft());
            Map<String, FieldChange> changes = FieldChange.diff(snapshot(before), snapshot(changed));
            if (changes.isEmpty()) {
                continue;
            }
            long version = expected + 1;
            changed.setVersion(version);
            current.put(edit.id(), changed);
            batch.bind(changed.getName(), changed.getTitle(), changed.getMobile(), changed.getPhone(),
                    changed.getEmail(), changed.getWechat(), changed.getIsPrimary(), changed.getNotes(), version, now,
                    Rows.userId(edit.actor()), edit.id(), expected);
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
                Edit edit = written.get(i);
                throw new StaleRecordException(ENTITY, edit.id(), edit.expectedVersion(), find(edit.id()).orElse(null));
            }
        }
        changeLog.recordEach(audit);
        return versions;
    }

    /**
     * Soft-deletes a contact (kept for undo, sync and audit).
     *
     * @throws StaleRecordException if the contact changed since {@code expectedVersion}
     */
    public void delete(Actor actor, ChangeReason reason, UUID id, long expectedVersion) {
        OffsetDateTime now = Rows.now(clock);
        int updated = dsl.update(CONTACT)
                .set(CONTACT.DELETED_AT, now)
                .set(CONTACT.VERSION, expectedVersion + 1)
                .set(CONTACT.UPDATED_AT, now)
                .set(CONTACT.UPDATED_BY, Rows.userId(actor))
                .where(CONTACT.ID.eq(id), CONTACT.VERSION.eq(expectedVersion), CONTACT.DELETED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw new StaleRecordException(ENTITY, id, expectedVersion, find(id).orElse(null));
        }
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.DELETE,
                FieldChange.diff(Map.of(), Map.of("deletedAt", now)));
    }

    /** Clears the primary flag of the customer's other contacts, so there is one primary contact. */
    public void clearPrimaryExcept(Actor actor, ChangeReason reason, UUID customerId, UUID keepId) {
        for (Contact other : forCustomer(customerId)) {
            if (other.primary() && !other.id().equals(keepId)) {
                ContactDraft d = other.toDraft();
                update(actor, reason, other.id(), other.version(), new ContactDraft(d.name(), d.title(), d.mobile(),
                        d.phone(), d.email(), d.wechat(), false, d.notes()));
            }
        }
    }

    private <T> List<Contact> findLiveWhereIn(Field<T> field, Collection<T> values) {
        List<T> distinct = values.stream().filter(Objects::nonNull).distinct().toList();
        List<Contact> found = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += CustomerRepository.LOOKUP_CHUNK) {
            List<T> chunk = distinct.subList(from, Math.min(distinct.size(), from + CustomerRepository.LOOKUP_CHUNK));
            found.addAll(dsl.selectFrom(CONTACT).where(field.in(chunk), CONTACT.DELETED_AT.isNull())
                    .fetch(ContactRepository::toContact));
        }
        return found;
    }

    private static void apply(ContactRecord r, ContactDraft d) {
        r.setName(d.name().strip());
        r.setTitle(Rows.blankToNull(d.title()));
        r.setMobile(Rows.blankToNull(d.mobile()));
        r.setPhone(Rows.blankToNull(d.phone()));
        r.setEmail(Rows.blankToNull(d.email()));
        r.setWechat(Rows.blankToNull(d.wechat()));
        r.setIsPrimary(d.primary());
        r.setNotes(Rows.blankToNull(d.notes()));
    }

    private static Map<String, Object> snapshot(ContactRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customerId", r.getCustomerId());
        m.put("name", r.getName());
        m.put("title", r.getTitle());
        m.put("mobile", r.getMobile());
        m.put("phone", r.getPhone());
        m.put("email", r.getEmail());
        m.put("wechat", r.getWechat());
        m.put("primary", r.getIsPrimary());
        m.put("notes", r.getNotes());
        return m;
    }

    private static Contact toContact(ContactRecord r) {
        return new Contact(r.getId(), r.getCustomerId(), r.getName(), r.getTitle(), r.getMobile(), r.getPhone(),
                r.getEmail(), r.getWechat(), r.getIsPrimary(), r.getNotes(), r.getVersion());
    }

    /**
     * A contact to insert.
     *
     * @param id         id
     * @param customerId its customer
     * @param draft      validated, normalised fields
     */
    public record NewContact(UUID id, UUID customerId, ContactDraft draft) {
    }
}
