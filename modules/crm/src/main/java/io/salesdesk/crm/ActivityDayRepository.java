package io.salesdesk.crm;

import static io.salesdesk.db.jooq.Tables.ACTIVITY;
import static io.salesdesk.db.jooq.Tables.ACTIVITY_DAY;
import static io.salesdesk.db.jooq.Tables.ACTIVITY_MONTH;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;

import io.salesdesk.db.BusinessDates;
import io.salesdesk.db.jooq.tables.records.ActivityRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Live follow-ups of live customers per business day, owner, kind and short duration
 * ({@code activity_day}, and the same per month in {@code activity_month}), so that the KPI dashboard's paperwork share and daily touches sum a few
 * thousand rows instead of a quarter's activities. {@link ActivityRepository} and
 * {@link CustomerRepository} move the counts in the same transaction as each insert and soft delete;
 * those are the only writes that change what a day counts (a follow-up is never edited).
 *
 * <p>{@code short_minutes} is the duration when it is under {@value #SHORT_CAP} minutes, else
 * {@value #SHORT_CAP}; {@value #UNTIMED} for none and {@value #NEGATIVE} for a negative one. So
 * "touches lasting at least N minutes" stays exact for every N up to {@value #SHORT_CAP}.
 */
public final class ActivityDayRepository {

    /** Durations from this many minutes on share one row. */
    public static final int SHORT_CAP = 10;
    /** short_minutes of an activity without a duration. */
    public static final int UNTIMED = -1;
    /** short_minutes of an activity with a negative duration (never a touch, but timed). */
    public static final int NEGATIVE = -2;

    private final DSLContext dsl;

    private ActivityDayRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    public static ActivityDayRepository using(Configuration configuration) {
        return new ActivityDayRepository(configuration);
    }

    /** The short_minutes key of a duration, as {@link #shortMinutes(Field)} computes it in SQL. */
    public static int shortMinutes(Integer duration) {
        if (duration == null) {
            return UNTIMED;
        }
        return duration < 0 ? NEGATIVE : Math.min(duration, SHORT_CAP);
    }

    /** The short_minutes key of a duration column. */
    public static Field<Integer> shortMinutes(Field<Integer> duration) {
        // Inlined: both databases match a grouped CASE to its select only when both read the same text.
        return DSL.when(duration.isNull(), DSL.inline(UNTIMED)).when(duration.lt(DSL.inline(0)), DSL.inline(NEGATIVE))
                .when(duration.lt(DSL.inline(SHORT_CAP)), duration).otherwise(DSL.inline(SHORT_CAP));
    }

    /** Counts freshly inserted follow-ups, one upsert per day, owner, kind and short duration. */
    public void addInserted(List<ActivityRecord> inserted) {
        Set<UUID> customers = new HashSet<>();
        inserted.forEach(r -> customers.add(r.getCustomerId()));
        Set<UUID> deletedCustomers = new HashSet<>(dsl.select(CUSTOMER.ID).from(CUSTOMER)
                .where(CUSTOMER.ID.in(customers), CUSTOMER.DELETED_AT.isNotNull()).fetch(CUSTOMER.ID));
        Map<Key, long[]> deltas = new TreeMap<>();
        for (ActivityRecord r : inserted) {
            if (r.getDeletedAt() == null && !deletedCustomers.contains(r.getCustomerId())) {
                long[] d = deltas.computeIfAbsent(keyOf(r), k -> new long[2]);
                d[0]++;
                d[1] += r.getDurationMinutes() == null ? 0 : r.getDurationMinutes();
            }
        }
        deltas.forEach((k, d) -> upsert(k, d[0], d[1]));
    }

    /** Takes out a follow-up just soft-deleted (its customer still live). */
    public void removeDeleted(UUID activityId) {
        ActivityRecord r = dsl.selectFrom(ACTIVITY).where(ACTIVITY.ID.eq(activityId)).fetchOne();
        boolean customerLive = r != null && dsl.fetchExists(CUSTOMER, CUSTOMER.ID.eq(r.getCustomerId()),
                CUSTOMER.DELETED_AT.isNull());
        if (customerLive) {
            upsert(keyOf(r), -1, -(r.getDurationMinutes() == null ? 0 : r.getDurationMinutes()));
        }
    }

    /** Takes out every live follow-up of a customer just soft-deleted. */
    public void removeCustomer(UUID customerId) {
        Field<LocalDate> day = BusinessDates.of(ACTIVITY.OCCURRED_AT);
        Field<Integer> shortMinutes = shortMinutes(ACTIVITY.DURATION_MINUTES);
        Field<Integer> count = DSL.count();
        Field<Long> minutes = DSL.coalesce(DSL.sum(ACTIVITY.DURATION_MINUTES), DSL.inline(BigDecimal.ZERO))
                .cast(Long.class);
        dsl.select(day, ACTIVITY.OWNER_ID, ACTIVITY.KIND, shortMinutes, count, minutes).from(ACTIVITY)
                .where(ACTIVITY.CUSTOMER_ID.eq(customerId), ACTIVITY.DELETED_AT.isNull())
                .groupBy(day, ACTIVITY.OWNER_ID, ACTIVITY.KIND, shortMinutes)
                .fetch()
                .forEach(r -> upsert(new Key(r.value1(), r.value2(), r.value3(), r.value4()), -r.value5(),
                        -r.value6()));
    }

    /**
     * Counts every day again from the activity table: for follow-ups written past
     * {@link ActivityRepository} (a bulk load, a repair). Returns how many rows there are now.
     */
    public int rebuild() {
        dsl.deleteFrom(ACTIVITY_MONTH).execute();
        dsl.deleteFrom(ACTIVITY_DAY).execute();
        Field<LocalDate> day = BusinessDates.of(ACTIVITY.OCCURRED_AT);
        Field<Integer> shortMinutes = shortMinutes(ACTIVITY.DURATION_MINUTES);
        int days = dsl.insertInto(ACTIVITY_DAY, ACTIVITY_DAY.DAY, ACTIVITY_DAY.OWNER_ID, ACTIVITY_DAY.KIND,
                        ACTIVITY_DAY.SHORT_MINUTES, ACTIVITY_DAY.ACTIVITIES, ACTIVITY_DAY.MINUTES)
                .select(DSL.select(day, ACTIVITY.OWNER_ID, ACTIVITY.KIND, shortMinutes, DSL.count(),
                                DSL.coalesce(DSL.sum(ACTIVITY.DURATION_MINUTES),
                                        DSL.inline(BigDecimal.ZERO)).cast(Long.class))
                        .from(ACTIVITY).join(CUSTOMER).on(CUSTOMER.ID.eq(ACTIVITY.CUSTOMER_ID))
                        .where(ACTIVITY.DELETED_AT.isNull(), CUSTOMER.DELETED_AT.isNull())
                        .groupBy(day, ACTIVITY.OWNER_ID, ACTIVITY.KIND, shortMinutes))
                .execute();
        Field<Integer> month = BusinessDates.monthNo(ACTIVITY_DAY.DAY);
        dsl.insertInto(ACTIVITY_MONTH, ACTIVITY_MONTH.MONTH_NO, ACTIVITY_MONTH.OWNER_ID, ACTIVITY_MONTH.KIND,
                        ACTIVITY_MONTH.SHORT_MINUTES, ACTIVITY_MONTH.ACTIVITIES, ACTIVITY_MONTH.MINUTES)
                .select(DSL.select(month, ACTIVITY_DAY.OWNER_ID, ACTIVITY_DAY.KIND, ACTIVITY_DAY.SHORT_MINUTES,
                                DSL.sum(ACTIVITY_DAY.ACTIVITIES).cast(Integer.class),
                                DSL.sum(ACTIVITY_DAY.MINUTES).cast(Long.class))
                        .from(ACTIVITY_DAY)
                        .groupBy(month, ACTIVITY_DAY.OWNER_ID, ACTIVITY_DAY.KIND, ACTIVITY_DAY.SHORT_MINUTES))
                .execute();
        return days;
    }

    private void upsert(Key k, long activities, long minutes) {
        dsl.insertInto(ACTIVITY_DAY).set(ACTIVITY_DAY.DAY, k.day()).set(ACTIVITY_DAY.OWNER_ID, k.owner())
                .set(ACTIVITY_DAY.KIND, k.kind()).set(ACTIVITY_DAY.SHORT_MINUTES, k.shortMinutes())
                .set(ACTIVITY_DAY.ACTIVITIES, (int) activities).set(ACTIVITY_DAY.MINUTES, minutes)
                .onDuplicateKeyUpdate()
                .set(ACTIVITY_DAY.ACTIVITIES, ACTIVITY_DAY.ACTIVITIES.plus((int) activities))
                .set(ACTIVITY_DAY.MINUTES, ACTIVITY_DAY.MINUTES.plus(minutes))
                .execute();
        dsl.insertInto(ACTIVITY_MONTH).set(ACTIVITY_MONTH.MONTH_NO, BusinessDates.monthNo(k.day()))
                .set(ACTIVITY_MONTH.OWNER_ID, k.owner()).set(ACTIVITY_MONTH.KIND, k.kind())
                .set(ACTIVITY_MONTH.SHORT_MINUTES, k.shortMinutes())
                .set(ACTIVITY_MONTH.ACTIVITIES, (int) activities).set(ACTIVITY_MONTH.MINUTES, minutes)
                .onDuplicateKeyUpdate()
                .set(ACTIVITY_MONTH.ACTIVITIES, ACTIVITY_MONTH.ACTIVITIES.plus((int) activities))
                .set(ACTIVITY_MONTH.MINUTES, ACTIVITY_MONTH.MINUTES.plus(minutes))
                .execute();
    }

    private static Key keyOf(ActivityRecord r) {
        return new Key(BusinessDates.of(r.getOccurredAt()), r.getOwnerId(), r.getKind(),
                shortMinutes(r.getDurationMinutes()));
    }

    /** One row's key; ordered so that concurrent writers lock rows in the same order. */
    private record Key(LocalDate day, UUID owner, String kind, int shortMinutes) implements Comparable<Key> {

        @Override
        public int compareTo(Key o) {
            int c = day.compareTo(o.day);
            if (c == 0) {
                c = owner.compareTo(o.owner);
            }
            if (c == 0) {
                c = kind.compareTo(o.kind);
            }
            return c != 0 ? c : Integer.compare(shortMinutes, o.shortMinutes);
        }
    }
}
