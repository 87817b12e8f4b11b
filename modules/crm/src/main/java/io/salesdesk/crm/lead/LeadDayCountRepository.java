package io.salesdesk.crm.lead;

import static io.salesdesk.db.jooq.Tables.LEAD;
import static io.salesdesk.db.jooq.Tables.LEAD_DAY_COUNT;

import io.salesdesk.db.BusinessDates;
import io.salesdesk.db.jooq.tables.records.LeadRecord;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Inquiries (live leads with a region) per business day and province ({@code lead_day_count}), so
 * that the territory map's surge scan sums a thousand small rows instead of reading five weeks of
 * leads. {@link LeadRepository} moves the counts in the same transaction as each insert, region
 * change and soft delete; those are the only writes that change what a day counts.
 */
public final class LeadDayCountRepository {

    private final DSLContext dsl;

    private LeadDayCountRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    public static LeadDayCountRepository using(Configuration configuration) {
        return new LeadDayCountRepository(configuration);
    }

    /** The business day (Asia/Shanghai) a lead created at {@code createdAt} counts on. */
    public static LocalDate dayOf(OffsetDateTime createdAt) {
        return BusinessDates.of(createdAt);
    }

    /** Adds {@code delta} inquiries to the day and province of a lead in {@code regionCode}; no region counts nowhere. */
    public void add(OffsetDateTime createdAt, String regionCode, int delta) {
        if (regionCode == null || regionCode.length() < 2 || delta == 0) {
            return;
        }
        upsert(dayOf(createdAt), regionCode.substring(0, 2), delta);
    }

    private void upsert(LocalDate day, String province, int delta) {
        dsl.insertInto(LEAD_DAY_COUNT).set(LEAD_DAY_COUNT.DAY, day).set(LEAD_DAY_COUNT.PROVINCE, province)
                .set(LEAD_DAY_COUNT.INQUIRIES, delta)
                .onDuplicateKeyUpdate().set(LEAD_DAY_COUNT.INQUIRIES, LEAD_DAY_COUNT.INQUIRIES.plus(delta))
                .execute();
    }

    /** Counts freshly inserted leads, one upsert per day and province. */
    public void addInserted(List<LeadRecord> leads) {
        Map<LocalDate, Map<String, Integer>> added = new TreeMap<>();
        for (LeadRecord r : leads) {
            if (r.getRegionCode() != null && r.getRegionCode().length() >= 2 && r.getDeletedAt() == null) {
                added.computeIfAbsent(dayOf(r.getCreatedAt()), k -> new TreeMap<>())
                        .merge(r.getRegionCode().substring(0, 2), 1, Integer::sum);
            }
        }
        added.forEach((day, provinces) -> provinces.forEach((province, n) -> upsert(day, province, n)));
    }

    /** Two-digit province prefix → inquiries per day in {@code [from, to)}. */
    public Map<String, Map<LocalDate, Integer>> counts(LocalDate from, LocalDate to) {
        Map<String, Map<LocalDate, Integer>> counts = new HashMap<>();
        dsl.select(LEAD_DAY_COUNT.PROVINCE, LEAD_DAY_COUNT.DAY, LEAD_DAY_COUNT.INQUIRIES).from(LEAD_DAY_COUNT)
                .where(LEAD_DAY_COUNT.DAY.ge(from), LEAD_DAY_COUNT.DAY.lt(to), LEAD_DAY_COUNT.INQUIRIES.ne(0))
                .forEach(r -> counts.computeIfAbsent(r.value1(), k -> new HashMap<>()).put(r.value2(), r.value3()));
        return counts;
    }

    /**
     * Counts every day again from the lead table: for leads written past {@link LeadRepository}
     * (a bulk load, a repair). Returns how many day-and-province rows there are now.
     */
    public int rebuild() {
        dsl.deleteFrom(LEAD_DAY_COUNT).execute();
        var day = BusinessDates.of(LEAD.CREATED_AT);
        var province = DSL.substring(LEAD.REGION_CODE, DSL.inline(1), DSL.inline(2));
        return dsl.insertInto(LEAD_DAY_COUNT, LEAD_DAY_COUNT.DAY, LEAD_DAY_COUNT.PROVINCE, LEAD_DAY_COUNT.INQUIRIES)
                .select(DSL.select(day, province, DSL.count()).from(LEAD)
                        .where(LEAD.DELETED_AT.isNull(), LEAD.REGION_CODE.isNotNull()).groupBy(day, province))
                .execute();
    }
}
