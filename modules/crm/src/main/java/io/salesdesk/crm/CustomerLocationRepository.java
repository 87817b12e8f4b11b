package io.salesdesk.crm;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.CUSTOMER_TAG;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Customers' map positions (explicit coordinates) and tags. Reads apply the viewer's
 * {@link Visibility}; a moved pin bumps the customer's version, and every change writes one entry
 * in the customer's change history.
 */
public final class CustomerLocationRepository {

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private CustomerLocationRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static CustomerLocationRepository using(Configuration configuration, Clock clock) {
        return new CustomerLocationRepository(configuration, clock);
    }

    /** Every live customer the viewer sees, as map pins, in one query (50,000 pins). */
    public List<CustomerLocation> locations(Actor viewer) {
        return select(Visibility.ownedBy(CUSTOMER.OWNER_ID, viewer));
    }

    /**
     * Live customers the viewer sees with neither a region nor coordinates: the map cannot place
     * them ("needs location").
     */
    public List<CustomerLocation> needsLocation(Actor viewer) {
        return select(Visibility.ownedBy(CUSTOMER.OWNER_ID, viewer).and(CUSTOMER.REGION_CODE.isNull())
                .and(CUSTOMER.LONGITUDE.isNull().or(CUSTOMER.LATITUDE.isNull())));
    }

    /** The pin of one live customer, whoever owns it. */
    public java.util.Optional<CustomerLocation> find(UUID id) {
        return select(CUSTOMER.ID.eq(id)).stream().findFirst();
    }

    private List<CustomerLocation> select(Condition condition) {
        return dsl.select(CUSTOMER.ID, CUSTOMER.NAME, CUSTOMER.TIER, CUSTOMER.OWNER_ID, APP_USER.DISPLAY_NAME,
                        CUSTOMER.REGION_CODE, CUSTOMER.LONGITUDE, CUSTOMER.LATITUDE, CUSTOMER.VERSION)
                .from(CUSTOMER).leftJoin(APP_USER).on(APP_USER.ID.eq(CUSTOMER.OWNER_ID))
                .where(CUSTOMER.DELETED_AT.isNull(), condition)
                .orderBy(CUSTOMER.ID)
                .fetchSize(Rows.FETCH_SIZE)
                .fetch(this::toLocation);
    }

    private CustomerLocation toLocation(Record r) {
        return new CustomerLocation(r.get(CUSTOMER.ID), r.get(CUSTOMER.NAME), Tier.valueOf(r.get(CUSTOMER.TIER)),
                r.get(CUSTOMER.OWNER_ID), r.get(APP_USER.DISPLAY_NAME), r.get(CUSTOMER.REGION_CODE),
                r.get(CUSTOMER.LONGITUDE), r.get(CUSTOMER.LATITUDE), r.get(CUSTOMER.VERSION));
    }

    /**
     * Sets (or, with both null, clears) a customer's explicit coordinates on {@code expectedVersion}.
     * The caller validates the values.
     *
     * @throws StaleRecordException if the customer changed or was deleted since that version
     */
    public CustomerLocation setLocation(Actor actor, ChangeReason reason, UUID id, long expectedVersion,
                                        BigDecimal longitude, BigDecimal latitude) {
        Record current = dsl.select(CUSTOMER.LONGITUDE, CUSTOMER.LATITUDE, CUSTOMER.VERSION).from(CUSTOMER)
                .where(CUSTOMER.ID.eq(id), CUSTOMER.DELETED_AT.isNull()).fetchOne();
        if (current == null || current.get(CUSTOMER.VERSION) != expectedVersion) {
            throw stale(id, expectedVersion);
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("longitude", current.get(CUSTOMER.LONGITUDE));
        before.put("latitude", current.get(CUSTOMER.LATITUDE));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("longitude", longitude);
        after.put("latitude", latitude);
        Map<String, FieldChange> changes = FieldChange.diff(before, after);
        if (changes.isEmpty()) {
            return find(id).orElseThrow();
        }
        int updated = dsl.update(CUSTOMER)
                .set(CUSTOMER.LONGITUDE, longitude)
                .set(CUSTOMER.LATITUDE, latitude)
                .set(CUSTOMER.VERSION, expectedVersion + 1)
                .set(CUSTOMER.UPDATED_AT, Rows.now(clock))
                .set(CUSTOMER.UPDATED_BY, Rows.userId(actor))
                .where(CUSTOMER.ID.eq(id), CUSTOMER.VERSION.eq(expectedVersion), CUSTOMER.DELETED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw stale(id, expectedVersion);
        }
        changeLog.record(actor, reason, CustomerRepository.ENTITY, id, ChangeEntry.Operation.UPDATE, changes);
        return find(id).orElseThrow();
    }

    /** A customer's tags, sorted. */
    public SortedSet<String> tags(UUID customerId) {
        return new TreeSet<>(dsl.select(CUSTOMER_TAG.TAG).from(CUSTOMER_TAG)
                .where(CUSTOMER_TAG.CUSTOMER_ID.eq(customerId)).fetch(CUSTOMER_TAG.TAG));
    }

    /**
     * Replaces a customer's tags (validated and trimmed by the caller); the change history keeps the
     * old and new list as field {@code tags}. Tags live in their own table: the customer's version
     * is left alone, so an open edit form is not made stale by a tag.
     */
    public void setTags(Actor actor, ChangeReason reason, UUID customerId, Collection<String> tags) {
        setTagsAll(actor, reason, Map.of(customerId, tags));
    }

    /** {@link #setTags} for many customers in one batch (imports, the demo workspace). */
    public void setTagsAll(Actor actor, ChangeReason reason, Map<UUID, ? extends Collection<String>> tagsByCustomer) {
        if (tagsByCustomer.isEmpty()) {
            return;
        }
        Map<UUID, SortedSet<String>> current = new HashMap<>();
        List<UUID> ids = new ArrayList<>(tagsByCustomer.keySet());
        for (int from = 0; from < ids.size(); from += CustomerRepository.LOOKUP_CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CustomerRepository.LOOKUP_CHUNK));
            dsl.select(CUSTOMER_TAG.CUSTOMER_ID, CUSTOMER_TAG.TAG).from(CUSTOMER_TAG)
                    .where(CUSTOMER_TAG.CUSTOMER_ID.in(chunk))
                    .forEach(r -> current.computeIfAbsent(r.value1(), k -> new TreeSet<>()).add(r.value2()));
        }
        List<org.jooq.Query> writes = new ArrayList<>();
        List<ChangeLog.Pending> audit = new ArrayList<>();
        for (Map.Entry<UUID, ? extends Collection<String>> e : tagsByCustomer.entrySet()) {
            SortedSet<String> old = current.getOrDefault(e.getKey(), new TreeSet<>());
            SortedSet<String> wanted = new TreeSet<>(e.getValue());
            if (old.equals(wanted)) {
                continue;
            }
            for (String tag : old) {
                if (!wanted.contains(tag)) {
                    writes.add(dsl.deleteFrom(CUSTOMER_TAG)
                            .where(CUSTOMER_TAG.CUSTOMER_ID.eq(e.getKey()), CUSTOMER_TAG.TAG.eq(tag)));
                }
            }
            for (String tag : wanted) {
                if (!old.contains(tag)) {
                    writes.add(dsl.insertInto(CUSTOMER_TAG, CUSTOMER_TAG.CUSTOMER_ID, CUSTOMER_TAG.TAG)
                            .values(e.getKey(), tag));
                }
            }
            audit.add(new ChangeLog.Pending(CustomerRepository.ENTITY, e.getKey(), ChangeEntry.Operation.UPDATE,
                    FieldChange.diff(Map.of("tags", String.join("、", old)), Map.of("tags", String.join("、", wanted)))));
        }
        if (!writes.isEmpty()) {
            dsl.batch(writes).execute();
            changeLog.recordAll(actor, reason, audit);
        }
    }

    /**
     * Per region and tag, how many live customers the viewer sees carry the tag: one grouped
     * query for the pain-point map. Customers without a region are left out.
     */
    public List<RegionTagCount> tagCountsByRegion(Actor viewer) {
        var count = DSL.count();
        return dsl.select(CUSTOMER.REGION_CODE, CUSTOMER_TAG.TAG, count)
                .from(CUSTOMER_TAG).join(CUSTOMER).on(CUSTOMER.ID.eq(CUSTOMER_TAG.CUSTOMER_ID))
                .where(CUSTOMER.DELETED_AT.isNull(), CUSTOMER.REGION_CODE.isNotNull(),
                        Visibility.ownedBy(CUSTOMER.OWNER_ID, viewer))
                .groupBy(CUSTOMER.REGION_CODE, CUSTOMER_TAG.TAG)
                .orderBy(CUSTOMER.REGION_CODE, CUSTOMER_TAG.TAG)
                .fetch(r -> new RegionTagCount(r.value1(), r.value2(), r.value3()));
    }

    private StaleRecordException stale(UUID id, long expectedVersion) {
        return new StaleRecordException(CustomerRepository.ENTITY, id, expectedVersion, find(id).orElse(null));
    }
}
