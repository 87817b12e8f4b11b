package io.salesdesk.territory.surge;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.LEAD;
import static io.salesdesk.db.jooq.Tables.ORG_UNIT;
import static io.salesdesk.db.jooq.Tables.POOL_ACCESS_GRANT;
import static io.salesdesk.db.jooq.Tables.SURGE_ALERT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.lead.LeadDayCountRepository;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.records.SurgeAlertRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.CaseConditionStep;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

/** Inquiry counts for the surge scan, surge alerts and the pool access grants they lead to. */
public final class SurgeRepository {

    /** The audit trail's name for a surge alert. */
    public static final String ENTITY = "surge_alert";
    /** The audit trail's name for a pool access grant. */
    public static final String GRANT_ENTITY = "pool_access_grant";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final DSLContext dsl;
    private final Clock clock;

    private SurgeRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
    }

    public static SurgeRepository using(Configuration configuration, Clock clock) {
        return new SurgeRepository(configuration, clock);
    }

    /**
     * Inquiries (live leads with a region, by when they were created) per province and window: the
     * per-day counts kept with the leads ({@link LeadDayCountRepository}) for every day inside a
     * window, and the leads themselves only for the hours that cut a day at a window's edge
     * ({@link InquiryCounter}). Two-digit province prefix → count per window index.
     */
    public Map<String, int[]> countsByProvince(SurgeWindows windows) {
        LeadDayCountRepository days = LeadDayCountRepository.using(dsl.configuration());
        return InquiryCounter.counts(windows, new InquiryCounter.Source() {
            @Override
            public Map<String, Map<LocalDate, Integer>> dayCounts(LocalDate from, LocalDate to) {
                return days.counts(from, to);
            }

            @Override
            public Map<String, Integer> countIn(OffsetDateTime from, OffsetDateTime to) {
                return inquiriesIn(from, to);
            }
        });
    }

    /** Inquiries per province prefix created in {@code [from, to)}, counted over the created-at index. */
    Map<String, Integer> inquiriesIn(OffsetDateTime from, OffsetDateTime to) {
        Field<String> province = DSL.substring(LEAD.REGION_CODE, DSL.inline(1), DSL.inline(2));
        Map<String, Integer> counts = new HashMap<>();
        dsl.select(province, DSL.count()).from(LEAD)
                .where(LEAD.CREATED_AT.ge(from), LEAD.CREATED_AT.lt(to), LEAD.DELETED_AT.isNull(),
                        LEAD.REGION_CODE.isNotNull())
                .groupBy(province).forEach(r -> counts.put(r.value1(), r.value2()));
        return counts;
    }

    /**
     * Inquiries (leads created, by their region) per province and window, in one grouped query
     * over the created-at index, reading every lead of the period: the reference the day counts
     * are tested against.
     */
    Map<String, int[]> countsFromLeads(SurgeWindows windows) {
        List<SurgeWindows.Window> list = windows.windows();
        CaseConditionStep<Integer> bucket = null;
        for (int i = 0; i < list.size(); i++) {
            SurgeWindows.Window w = list.get(i);
            Condition in = LEAD.CREATED_AT.ge(w.from()).and(LEAD.CREATED_AT.lt(w.to()));
            bucket = bucket == null ? DSL.when(in, DSL.inline(i)) : bucket.when(in, DSL.inline(i));
        }
        Field<String> province = DSL.substring(LEAD.REGION_CODE, 1, 2).as("province");
        var inquiries = DSL.select(province, bucket.otherwise(DSL.inline(-1)).as("bucket")).from(LEAD)
                .where(LEAD.DELETED_AT.isNull(), LEAD.REGION_CODE.isNotNull(),
                        LEAD.CREATED_AT.ge(windows.earliest()), LEAD.CREATED_AT.lt(windows.recent().to()))
                .asTable("inquiry");
        Field<String> p = inquiries.field("province", String.class);
        Field<Integer> b = inquiries.field("bucket", Integer.class);
        Map<String, int[]> counts = new HashMap<>();
        dsl.select(p, b, DSL.count()).from(inquiries).groupBy(p, b).forEach(r -> {
            int index = r.value2();
            if (index >= 0) {
                counts.computeIfAbsent(r.value1(), k -> new int[list.size()])[index] = r.value3();
            }
        });
        return counts;
    }

    /**
     * Whether any inquiry is older than {@code before}: there is history to set a baseline by. The
     * first entry of the created-at index answers (a deleted lead is history too).
     */
    public boolean hasInquiriesBefore(OffsetDateTime before) {
        return dsl.select(LEAD.CREATED_AT).from(LEAD).where(LEAD.CREATED_AT.lt(before))
                .orderBy(LEAD.CREATED_AT).limit(1).fetchOptional().isPresent();
    }

    /**
     * Whether the key has an open alert, or one raised since {@code since} (decided or not): one
     * surge is reported once per window, however often the scan runs.
     */
    public boolean alertedSince(String key, OffsetDateTime since) {
        return dsl.fetchExists(SURGE_ALERT, SURGE_ALERT.REGION_KEY.eq(key),
                SURGE_ALERT.STATUS.eq(SurgeStatus.OPEN.name()).or(SURGE_ALERT.CREATED_AT.ge(since)));
    }

    /** Open alerts raised before {@code before} become expired. */
    public int expireOpen(OffsetDateTime before) {
        OffsetDateTime now = Rows.now(clock);
        return dsl.update(SURGE_ALERT).set(SURGE_ALERT.STATUS, SurgeStatus.EXPIRED.name())
                .set(SURGE_ALERT.VERSION, SURGE_ALERT.VERSION.plus(1)).set(SURGE_ALERT.UPDATED_AT, now)
                .where(SURGE_ALERT.STATUS.eq(SurgeStatus.OPEN.name()), SURGE_ALERT.CREATED_AT.lt(before)).execute();
    }

    public UUID insert(Surge surge, SurgeWindows.Window window, WindowMode mode, LendSuggestion suggestion,
                       UUID notified) {
        UUID id = Ids.newId(clock);
        OffsetDateTime now = Rows.now(clock);
        dsl.insertInto(SURGE_ALERT).set(SURGE_ALERT.ID, id).set(SURGE_ALERT.REGION_KEY, surge.key())
                .set(SURGE_ALERT.WINDOW_MODE, mode.name()).set(SURGE_ALERT.WINDOW_START, window.from())
                .set(SURGE_ALERT.WINDOW_END, window.to()).set(SURGE_ALERT.RECENT_COUNT, surge.recent())
                .set(SURGE_ALERT.BASELINE, BigDecimal.valueOf(surge.baseline()).setScale(2, RoundingMode.HALF_UP))
                .set(SURGE_ALERT.RATIO, surge.ratio() == null ? null
                        : BigDecimal.valueOf(surge.ratio()).setScale(2, RoundingMode.HALF_UP))
                .set(SURGE_ALERT.SUGGESTION, toJson(suggestion)).set(SURGE_ALERT.STATUS, SurgeStatus.OPEN.name())
                .set(SURGE_ALERT.NOTIFIED_USER_ID, notified).set(SURGE_ALERT.VERSION, 1L)
                .set(SURGE_ALERT.CREATED_AT, now).set(SURGE_ALERT.UPDATED_AT, now).execute();
        return id;
    }

    /** The alert's row, locked for the deciding transaction. */
    public Optional<Stored> findForUpdate(UUID id) {
        return dsl.selectFrom(SURGE_ALERT).where(SURGE_ALERT.ID.eq(id)).forUpdate()
                .fetchOptional(SurgeRepository::stored);
    }

    public Optional<Stored> find(UUID id) {
        return dsl.selectFrom(SURGE_ALERT).where(SURGE_ALERT.ID.eq(id)).fetchOptional(SurgeRepository::stored);
    }

    /** Open alerts, newest first; only those addressed to {@code notified} unless it is null. */
    public List<Stored> open(UUID notified) {
        Condition who = notified == null ? DSL.trueCondition() : SURGE_ALERT.NOTIFIED_USER_ID.eq(notified);
        return dsl.selectFrom(SURGE_ALERT).where(SURGE_ALERT.STATUS.eq(SurgeStatus.OPEN.name()), who)
                .orderBy(SURGE_ALERT.CREATED_AT.desc(), SURGE_ALERT.ID).fetch(SurgeRepository::stored);
    }

    /** Marks the alert decided if it is still open at {@code expectedVersion}; false otherwise. */
    public boolean decide(UUID id, long expectedVersion, SurgeStatus status, UUID by) {
        OffsetDateTime now = Rows.now(clock);
        return dsl.update(SURGE_ALERT).set(SURGE_ALERT.STATUS, status.name()).set(SURGE_ALERT.DECIDED_BY, by)
                .set(SURGE_ALERT.DECIDED_AT, now).set(SURGE_ALERT.VERSION, expectedVersion + 1)
                .set(SURGE_ALERT.UPDATED_AT, now)
                .where(SURGE_ALERT.ID.eq(id), SURGE_ALERT.VERSION.eq(expectedVersion),
                        SURGE_ALERT.STATUS.eq(SurgeStatus.OPEN.name())).execute() == 1;
    }

    /** Grants the user access to the region's pool and leads from {@code startsAt} until {@code expiresAt}. */
    public UUID grant(UUID userId, String regionCode, OffsetDateTime startsAt, OffsetDateTime expiresAt, String reason,
                      UUID grantedBy, UUID surgeId) {
        UUID id = Ids.newId(clock);
        dsl.insertInto(POOL_ACCESS_GRANT).set(POOL_ACCESS_GRANT.ID, id).set(POOL_ACCESS_GRANT.USER_ID, userId)
                .set(POOL_ACCESS_GRANT.REGION_CODE, regionCode).set(POOL_ACCESS_GRANT.STARTS_AT, startsAt)
                .set(POOL_ACCESS_GRANT.EXPIRES_AT, expiresAt).set(POOL_ACCESS_GRANT.REASON, reason)
                .set(POOL_ACCESS_GRANT.GRANTED_BY, grantedBy).set(POOL_ACCESS_GRANT.SURGE_ID, surgeId)
                .set(POOL_ACCESS_GRANT.CREATED_AT, Rows.now(clock)).execute();
        return id;
    }

    /** The grants in force for a user at {@code now}: region code → expiry. */
    public Map<String, OffsetDateTime> activeGrants(UUID userId, OffsetDateTime now) {
        Map<String, OffsetDateTime> grants = new HashMap<>();
        dsl.select(POOL_ACCESS_GRANT.REGION_CODE, DSL.max(POOL_ACCESS_GRANT.EXPIRES_AT)).from(POOL_ACCESS_GRANT)
                .where(POOL_ACCESS_GRANT.USER_ID.eq(userId), POOL_ACCESS_GRANT.STARTS_AT.le(now),
                        POOL_ACCESS_GRANT.EXPIRES_AT.gt(now), POOL_ACCESS_GRANT.REVOKED_AT.isNull())
                .groupBy(POOL_ACCESS_GRANT.REGION_CODE).forEach(r -> grants.put(r.value1(), r.value2()));
        return grants;
    }

    /**
     * The grants in force at {@code now} (started, not expired, not revoked), soonest to end first;
     * only those {@code manager} granted or whose surge alert told them, unless it is null.
     */
    public List<GrantRow> grantsInForce(OffsetDateTime now, UUID manager) {
        Condition whose = manager == null ? DSL.trueCondition()
                : POOL_ACCESS_GRANT.GRANTED_BY.eq(manager).or(SURGE_ALERT.NOTIFIED_USER_ID.eq(manager));
        return grantRows().where(POOL_ACCESS_GRANT.STARTS_AT.le(now), POOL_ACCESS_GRANT.EXPIRES_AT.gt(now),
                        POOL_ACCESS_GRANT.REVOKED_AT.isNull(), whose)
                .orderBy(POOL_ACCESS_GRANT.EXPIRES_AT, APP_USER.DISPLAY_NAME, POOL_ACCESS_GRANT.REGION_CODE)
                .fetch(SurgeRepository::grantRow);
    }

    /** One grant with who it is for and the surge's supervisor, locked for the revoking transaction. */
    public Optional<GrantRow> findGrantForUpdate(UUID id) {
        return grantRows().where(POOL_ACCESS_GRANT.ID.eq(id)).forUpdate().of(POOL_ACCESS_GRANT)
                .fetchOptional(SurgeRepository::grantRow);
    }

    /** Ends a grant now if it is still in force; false if it had ended or was revoked meanwhile. */
    public boolean revoke(UUID id, OffsetDateTime now) {
        return dsl.update(POOL_ACCESS_GRANT).set(POOL_ACCESS_GRANT.REVOKED_AT, now)
                .where(POOL_ACCESS_GRANT.ID.eq(id), POOL_ACCESS_GRANT.REVOKED_AT.isNull(),
                        POOL_ACCESS_GRANT.EXPIRES_AT.gt(now)).execute() == 1;
    }

    private SelectOnConditionStep<Record> grantRows() {
        return dsl.select(POOL_ACCESS_GRANT.fields()).select(APP_USER.DISPLAY_NAME, SURGE_ALERT.NOTIFIED_USER_ID)
                .from(POOL_ACCESS_GRANT).join(APP_USER).on(APP_USER.ID.eq(POOL_ACCESS_GRANT.USER_ID))
                .leftJoin(SURGE_ALERT).on(SURGE_ALERT.ID.eq(POOL_ACCESS_GRANT.SURGE_ID));
    }

    private static GrantRow grantRow(Record r) {
        return new GrantRow(r.get(POOL_ACCESS_GRANT.ID), r.get(POOL_ACCESS_GRANT.USER_ID), r.get(APP_USER.DISPLAY_NAME),
                r.get(POOL_ACCESS_GRANT.REGION_CODE), r.get(POOL_ACCESS_GRANT.STARTS_AT),
                r.get(POOL_ACCESS_GRANT.EXPIRES_AT), r.get(POOL_ACCESS_GRANT.REVOKED_AT),
                r.get(POOL_ACCESS_GRANT.REASON), r.get(POOL_ACCESS_GRANT.GRANTED_BY), r.get(POOL_ACCESS_GRANT.SURGE_ID),
                r.get(SURGE_ALERT.NOTIFIED_USER_ID));
    }

    /**
     * A pool access grant as stored, with the lent rep's name and the supervisor its surge told.
     *
     * @param revokedAt null while not revoked
     */
    public record GrantRow(UUID id, UUID userId, String userName, String regionCode, OffsetDateTime startsAt,
                           OffsetDateTime expiresAt, OffsetDateTime revokedAt, String reason, UUID grantedBy,
                           UUID surgeId, UUID surgeSupervisor) {
    }

    /** Each active rep's home region: their org unit's region code (null when it has none). */
    public Map<UUID, String> repHomeRegions() {
        Map<UUID, String> homes = new HashMap<>();
        dsl.select(APP_USER.ID, ORG_UNIT.REGION_CODE).from(APP_USER)
                .join(ORG_UNIT).on(ORG_UNIT.ID.eq(APP_USER.ORG_UNIT_ID))
                .where(APP_USER.DELETED_AT.isNull(), APP_USER.ACTIVE.isTrue(), APP_USER.ROLE.eq(Role.REP.name()))
                .forEach(r -> homes.put(r.value1(), r.value2()));
        return homes;
    }

    /**
     * An alert as stored.
     *
     * @param ratio null for a zero baseline
     */
    public record Stored(UUID id, String key, WindowMode mode, OffsetDateTime windowStart, OffsetDateTime windowEnd,
                         int recent, double baseline, Double ratio, LendSuggestion suggestion, SurgeStatus status,
                         UUID notifiedUserId, UUID decidedBy, OffsetDateTime decidedAt, OffsetDateTime createdAt,
                         long version) {
    }

    private static Stored stored(SurgeAlertRecord r) {
        return new Stored(r.getId(), r.getRegionKey(), WindowMode.valueOf(r.getWindowMode()), r.getWindowStart(),
                r.getWindowEnd(), r.getRecentCount(), r.getBaseline().doubleValue(),
                r.getRatio() == null ? null : r.getRatio().doubleValue(), fromJson(r.getSuggestion()),
                SurgeStatus.valueOf(r.getStatus()), r.getNotifiedUserId(), r.getDecidedBy(), r.getDecidedAt(),
                r.getCreatedAt(), r.getVersion());
    }

    private static String toJson(LendSuggestion s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A surge suggestion could not be written as JSON", e);
        }
    }

    private static LendSuggestion fromJson(String json) {
        try {
            return JSON.readValue(json, LendSuggestion.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A surge alert's suggestion is not valid JSON: " + json, e);
        }
    }
}
