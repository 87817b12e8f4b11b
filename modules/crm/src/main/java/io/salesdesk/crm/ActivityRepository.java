package io.salesdesk.crm;

import io.salesdesk.db.Rows;
import static io.salesdesk.db.jooq.Tables.ACTIVITY;
import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.CONTACT;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.BulkInsert;
import io.salesdesk.db.jooq.tables.records.ActivityRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

/** Follow-ups on record (跟进记录). */
public final class ActivityRepository {

    static final String ENTITY = "activity";

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private ActivityRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static ActivityRepository using(Configuration configuration, Clock clock) {
        return new ActivityRepository(configuration, clock);
    }

    /** The customer's follow-ups, newest first, at most {@code limit}. */
    public List<Activity> timeline(UUID customerId, int limit) {
        return dsl.select(ACTIVITY.fields()).select(APP_USER.DISPLAY_NAME, CONTACT.NAME)
                .from(ACTIVITY)
                .join(APP_USER).on(APP_USER.ID.eq(ACTIVITY.OWNER_ID))
                .leftJoin(CONTACT).on(CONTACT.ID.eq(ACTIVITY.CONTACT_ID))
                .where(ACTIVITY.CUSTOMER_ID.eq(customerId), ACTIVITY.DELETED_AT.isNull())
                .orderBy(ACTIVITY.OCCURRED_AT.desc(), ACTIVITY.ID.desc())
                .limit(limit)
                .fetch(ActivityRepository::toActivity);
    }

    /** How many live follow-ups the customer has. */
    public int countFor(UUID customerId) {
        return dsl.fetchCount(ACTIVITY, ACTIVITY.CUSTOMER_ID.eq(customerId).and(ACTIVITY.DELETED_AT.isNull()));
    }

    /** Live follow-ups of these customers (import dedupe: the history already on record). */
    public List<Activity> findLiveByCustomerIds(Collection<UUID> customerIds) {
        List<UUID> distinct = customerIds.stream().filter(Objects::nonNull).distinct().toList();
        List<Activity> found = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += CustomerRepository.LOOKUP_CHUNK) {
            List<UUID> chunk = distinct.subList(from, Math.min(distinct.size(), from + CustomerRepository.LOOKUP_CHUNK));
            found.addAll(selectWithNames().where(ACTIVITY.CUSTOMER_ID.in(chunk), ACTIVITY.DELETED_AT.isNull())
                    .fetch(ActivityRepository::toActivity));
        }
        return found;
    }

    /** The current version of each live follow-up among {@code ids} (undo checks them). */
    public Map<UUID, Long> liveVersions(Collection<UUID> ids) {
        List<UUID> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        Map<UUID, Long> versions = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += CustomerRepository.LOOKUP_CHUNK) {
            List<UUID> chunk = distinct.subList(from, Math.min(distinct.size(), from + CustomerRepository.LOOKUP_CHUNK));
            dsl.select(ACTIVITY.ID, ACTIVITY.VERSION).from(ACTIVITY)
                    .where(ACTIVITY.ID.in(chunk), ACTIVITY.DELETED_AT.isNull())
                    .forEach(r -> versions.put(r.value1(), r.value2()));
        }
        return versions;
    }

    /** How many live follow-ups belong to the customers the viewer sees with this query. */
    public int count(Actor viewer, CustomerQuery query) {
        return dsl.fetchCount(dsl.selectOne().from(ACTIVITY).join(CUSTOMER).on(CUSTOMER.ID.eq(ACTIVITY.CUSTOMER_ID))
                .where(ACTIVITY.DELETED_AT.isNull(), CustomerRepository.conditions(viewer, query)));
    }

    /**
     * The follow-ups of the customers the viewer sees with this query, by customer name and then
     * oldest first as a ledger lists history, one at a time as one query reads them (the export).
     */
    public void forEach(Actor viewer, CustomerQuery query, Consumer<CustomerActivity> action) {
        try (var cursor = dsl.select(ACTIVITY.fields()).select(APP_USER.DISPLAY_NAME, CONTACT.NAME, CUSTOMER.NAME)
                .from(ACTIVITY)
                .join(CUSTOMER).on(CUSTOMER.ID.eq(ACTIVITY.CUSTOMER_ID))
                .join(APP_USER).on(APP_USER.ID.eq(ACTIVITY.OWNER_ID))
                .leftJoin(CONTACT).on(CONTACT.ID.eq(ACTIVITY.CONTACT_ID))
                .where(ACTIVITY.DELETED_AT.isNull(), CustomerRepository.conditions(viewer, query))
                .orderBy(CUSTOMER.NAME, CUSTOMER.ID, ACTIVITY.OCCURRED_AT, ACTIVITY.ID)
                .fetchSize(Rows.FETCH_SIZE).fetchLazy()) {
            cursor.forEach(r -> action.accept(new CustomerActivity(toActivity(r), r.get(CUSTOMER.NAME))));
        }
    }

    /**
     * Soft-deletes a follow-up (undo of an import; kept for sync and audit).
     *
     * @throws StaleRecordException if it changed since {@code expectedVersion}
     */
    public void delete(Actor actor, ChangeReason reason, UUID id, long expectedVersion) {
        OffsetDateTime now = Rows.now(clock);
        int updated = dsl.update(ACTIVITY)
                .set(ACTIVITY.DELETED_AT, now)
                .set(ACTIVITY.VERSION, expectedVersion + 1)
                .set(ACTIVITY.UPDATED_AT, now)
                .set(ACTIVITY.UPDATED_BY, Rows.userId(actor))
                .where(ACTIVITY.ID.eq(id), ACTIVITY.VERSION.eq(expectedVersion), ACTIVITY.DELETED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw new StaleRecordException(ENTITY, id, expectedVersion, null);
        }
        ActivityDayRepository.using(dsl.configuration()).removeDeleted(id);
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.DELETE,
                FieldChange.diff(Map.of(), Map.of("deletedAt", now)));
    }

    /** Inserts follow-ups in one batch with one audit entry each. */
    public void insertAll(Actor actor, ChangeReason reason, List<NewActivity> activities) {
        OffsetDateTime now = Rows.now(clock);
        List<ActivityRecord> records = new ArrayList<>(activities.size());
        List<ChangeLog.Pending> audit = new ArrayList<>(activities.size());
        for (NewActivity a : activities) {
            ActivityDraft d = a.draft();
            ActivityRecord r = dsl.newRecord(ACTIVITY);
            r.setId(a.id());
            r.setCustomerId(a.customerId());
            r.setContactId(d.contactId());
            r.setOwnerId(a.ownerId());
            r.setKind(d.kind().name());
            r.setOccurredAt(d.occurredAt());
            r.setDurationMinutes(d.durationMinutes());
            r.setNote(Rows.blankToNull(d.note()));
            r.setOutcome(Rows.blankToNull(d.outcome()));
            r.setNextStep(Rows.blankToNull(d.nextStep()));
            r.setNextFollowUpOn(d.nextFollowUpOn());
            r.setVersion(1L);
            r.setCreatedAt(now);
            r.setCreatedBy(Rows.userId(actor));
            r.setUpdatedAt(now);
            r.setUpdatedBy(Rows.userId(actor));
            records.add(r);
            audit.add(new ChangeLog.Pending(ENTITY, a.id(), ChangeEntry.Operation.INSERT,
                    FieldChange.diff(Map.of(), snapshot(r))));
        }
        BulkInsert.insert(dsl, records);
        ActivityDayRepository.using(dsl.configuration()).addInserted(records);
        changeLog.recordAll(actor, reason, audit);
    }

    private SelectOnConditionStep<Record> selectWithNames() {
        return dsl.select(ACTIVITY.fields()).select(APP_USER.DISPLAY_NAME, CONTACT.NAME)
                .from(ACTIVITY)
                .join(APP_USER).on(APP_USER.ID.eq(ACTIVITY.OWNER_ID))
                .leftJoin(CONTACT).on(CONTACT.ID.eq(ACTIVITY.CONTACT_ID));
    }

    private static Map<String, Object> snapshot(ActivityRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customerId", r.getCustomerId());
        m.put("contactId", r.getContactId());
        m.put("ownerId", r.getOwnerId());
        m.put("kind", r.getKind());
        m.put("occurredAt", r.getOccurredAt());
        m.put("durationMinutes", r.getDurationMinutes());
        m.put("note", r.getNote());
        m.put("outcome", r.getOutcome());
        m.put("nextStep", r.getNextStep());
        m.put("nextFollowUpOn", r.getNextFollowUpOn());
        return m;
    }

    private static Activity toActivity(Record r) {
        ActivityRecord a = r.into(ACTIVITY);
        return new Activity(a.getId(), a.getCustomerId(), a.getContactId(), r.get(CONTACT.NAME), a.getOwnerId(),
                r.get(APP_USER.DISPLAY_NAME), ActivityKind.valueOf(a.getKind()), a.getOccurredAt(),
                a.getDurationMinutes(), a.getNote(), a.getOutcome(), a.getNextStep(), a.getNextFollowUpOn());
    }

    /**
     * A follow-up to insert.
     *
     * @param id         id
     * @param customerId the customer
     * @param ownerId    the rep who followed up
     * @param draft      validated fields with the time filled in
     */
    public record NewActivity(UUID id, UUID customerId, UUID ownerId, ActivityDraft draft) {
    }
}
