package io.salesdesk.crm.pool;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY_STAGE;
import static io.salesdesk.db.jooq.Tables.POOL_ACCESS_GRANT;
import static io.salesdesk.db.jooq.Tables.POOL_EVENT;
import static io.salesdesk.db.jooq.Tables.POOL_POLICY;

import io.salesdesk.core.Ids;
import io.salesdesk.crm.Tier;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Pool rows: unowned customers, the claim and return events, and the per-tier policy. */
public final class PoolRepository {

    private final DSLContext dsl;
    private final Clock clock;

    private PoolRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
    }

    public static PoolRepository using(Configuration configuration, Clock clock) {
        return new PoolRepository(configuration, clock);
    }

    public List<PoolPolicy> policies() {
        return dsl.selectFrom(POOL_POLICY).orderBy(POOL_POLICY.TIER).fetch(r -> new PoolPolicy(Tier.valueOf(r.getTier()),
                r.getProtectionDays(), r.getReturnNoFollowUpDays(), r.getReturnNoProgressDays()));
    }

    /**
     * Saves {@code edited} only while the tier's stored policy is still {@code asRead}: false when
     * someone changed it meanwhile (nothing is written then).
     */
    public boolean savePolicyIfUnchanged(PoolPolicy asRead, PoolPolicy edited) {
        return dsl.update(POOL_POLICY).set(POOL_POLICY.PROTECTION_DAYS, edited.protectionDays())
                .set(POOL_POLICY.RETURN_NO_FOLLOW_UP_DAYS, edited.returnNoFollowUpDays())
                .set(POOL_POLICY.RETURN_NO_PROGRESS_DAYS, edited.returnNoProgressDays())
                .where(POOL_POLICY.TIER.eq(asRead.tier().name()),
                        POOL_POLICY.PROTECTION_DAYS.eq(asRead.protectionDays()),
                        POOL_POLICY.RETURN_NO_FOLLOW_UP_DAYS.eq(asRead.returnNoFollowUpDays()),
                        POOL_POLICY.RETURN_NO_PROGRESS_DAYS.eq(asRead.returnNoProgressDays()))
                .execute() == 1;
    }

    /** Saves the tier's policy whatever it is now (templates, demo). */
    public void savePolicy(PoolPolicy p) {
        dsl.update(POOL_POLICY).set(POOL_POLICY.PROTECTION_DAYS, p.protectionDays())
                .set(POOL_POLICY.RETURN_NO_FOLLOW_UP_DAYS, p.returnNoFollowUpDays())
                .set(POOL_POLICY.RETURN_NO_PROGRESS_DAYS, p.returnNoProgressDays())
                .where(POOL_POLICY.TIER.eq(p.tier().name())).execute();
    }

    /**
     * Unowned customers in the regions whose codes start with one of {@code regionPrefixes} (null
     * for all), newest in the pool first.
     */
    public List<PoolCustomer> pool(Collection<String> regionPrefixes, String text, int limit,
                                   UnaryOperator<String> regionNames) {
        Condition where = CUSTOMER.DELETED_AT.isNull().and(CUSTOMER.OWNER_ID.isNull()).and(inRegions(regionPrefixes));
        if (text != null && !text.isBlank()) {
            where = where.and(CUSTOMER.SEARCH_TEXT.containsIgnoreCase(text.strip()));
        }
        Field<String> previous = DSL.select(APP_USER.DISPLAY_NAME).from(POOL_EVENT).join(APP_USER)
                .on(APP_USER.ID.eq(POOL_EVENT.USER_ID))
                .where(POOL_EVENT.CUSTOMER_ID.eq(CUSTOMER.ID), POOL_EVENT.KIND.in("RELEASE", "RETURN"))
                .orderBy(POOL_EVENT.HAPPENED_AT.desc()).limit(1).asField("previous_owner");
        return dsl.select(CUSTOMER.ID, CUSTOMER.NAME, CUSTOMER.TIER, CUSTOMER.INDUSTRY, CUSTOMER.REGION_CODE,
                        CUSTOMER.LAST_FOLLOW_UP_AT, CUSTOMER.POOLED_AT, CUSTOMER.POOL_REASON, previous, CUSTOMER.VERSION)
                .from(CUSTOMER).where(where)
                .orderBy(CUSTOMER.POOLED_AT.desc().nullsLast(), CUSTOMER.NAME).limit(limit)
                .fetch(r -> new PoolCustomer(r.value1(), r.value2(), Tier.valueOf(r.value3()), r.value4(), r.value5(),
                        r.value5() == null ? null : regionNames.apply(r.value5()), r.value6(), r.value7(), r.value8(),
                        r.value9(), r.value10()));
    }

    public int poolSize(Collection<String> regionPrefixes) {
        return dsl.fetchCount(CUSTOMER, CUSTOMER.DELETED_AT.isNull(), CUSTOMER.OWNER_ID.isNull(),
                inRegions(regionPrefixes));
    }

    private static Condition inRegions(Collection<String> regionPrefixes) {
        if (regionPrefixes == null) {
            return DSL.trueCondition();
        }
        return DSL.or(regionPrefixes.stream().map(CUSTOMER.REGION_CODE::startsWith).toList());
    }

    /**
     * The region prefixes of the user's pool access grants in force at {@code now} (started, not
     * expired, not revoked): a rep lent to a surging region sees and claims its pool until then.
     */
    public List<String> grantedRegionPrefixes(UUID userId, OffsetDateTime now) {
        return dsl.selectDistinct(POOL_ACCESS_GRANT.REGION_CODE).from(POOL_ACCESS_GRANT)
                .where(POOL_ACCESS_GRANT.USER_ID.eq(userId), POOL_ACCESS_GRANT.STARTS_AT.le(now),
                        POOL_ACCESS_GRANT.EXPIRES_AT.gt(now), POOL_ACCESS_GRANT.REVOKED_AT.isNull())
                .orderBy(POOL_ACCESS_GRANT.REGION_CODE)
                .fetch(r -> regionPrefix(r.value1()));
    }

    /** Codes of a region and everything in it share this prefix (330000 → "33", 330100 → "3301"). */
    static String regionPrefix(String regionCode) {
        if (regionCode.endsWith("0000")) {
            return regionCode.substring(0, 2);
        }
        return regionCode.endsWith("00") ? regionCode.substring(0, 4) : regionCode;
    }

    /** How many customers the user claimed since {@code since} (their claims today). */
    public int claimsSince(UUID userId, OffsetDateTime since) {
        return dsl.fetchCount(POOL_EVENT, POOL_EVENT.USER_ID.eq(userId), POOL_EVENT.KIND.eq("CLAIM"),
                POOL_EVENT.HAPPENED_AT.ge(since));
    }

    /** Locks the user's row so one user's claims are counted one after the other. */
    public void lockUser(UUID userId) {
        dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.ID.eq(userId)).forUpdate().fetch();
    }

    public void event(UUID customerId, UUID userId, String kind, OffsetDateTime at, String reason) {
        dsl.insertInto(POOL_EVENT).set(POOL_EVENT.ID, Ids.newId(clock)).set(POOL_EVENT.CUSTOMER_ID, customerId)
                .set(POOL_EVENT.USER_ID, userId).set(POOL_EVENT.KIND, kind).set(POOL_EVENT.HAPPENED_AT, at)
                .set(POOL_EVENT.REASON, reason).execute();
    }

    /** Owned customers of a tier, past protection, not followed up since {@code before}. */
    public List<Candidate> notFollowedUpSince(Tier tier, OffsetDateTime before, OffsetDateTime now, int limit) {
        Field<OffsetDateTime> since = DSL.coalesce(CUSTOMER.LAST_FOLLOW_UP_AT, CUSTOMER.CLAIMED_AT, CUSTOMER.CREATED_AT);
        return candidates(DSL.and(CUSTOMER.TIER.eq(tier.name()), since.lt(before)), now, limit);
    }

    /** Owned customers of a tier, past protection, whose open deals all stood still since {@code before}. */
    public List<Candidate> noProgressSince(Tier tier, OffsetDateTime before, OffsetDateTime now, int limit) {
        var open = DSL.select(OPPORTUNITY.CUSTOMER_ID).from(OPPORTUNITY).join(OPPORTUNITY_STAGE)
                .on(OPPORTUNITY_STAGE.CODE.eq(OPPORTUNITY.STAGE))
                .where(OPPORTUNITY.DELETED_AT.isNull(), OPPORTUNITY_STAGE.OUTCOME.eq("OPEN"));
        var moving = DSL.select(OPPORTUNITY.CUSTOMER_ID).from(OPPORTUNITY)
                .where(OPPORTUNITY.DELETED_AT.isNull(), OPPORTUNITY.STAGE_CHANGED_AT.ge(before));
        return candidates(DSL.and(CUSTOMER.TIER.eq(tier.name()), CUSTOMER.ID.in(open), CUSTOMER.ID.notIn(moving),
                DSL.coalesce(CUSTOMER.CLAIMED_AT, CUSTOMER.CREATED_AT).lt(before)), now, limit);
    }

    private List<Candidate> candidates(Condition condition, OffsetDateTime now, int limit) {
        return dsl.select(CUSTOMER.ID, CUSTOMER.NAME, CUSTOMER.OWNER_ID, CUSTOMER.VERSION).from(CUSTOMER)
                .where(CUSTOMER.DELETED_AT.isNull(), CUSTOMER.OWNER_ID.isNotNull(),
                        CUSTOMER.PROTECTED_UNTIL.isNull().or(CUSTOMER.PROTECTED_UNTIL.lt(now)), condition)
                .orderBy(CUSTOMER.ID).limit(limit)
                .fetch(r -> new Candidate(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /**
     * Gives an unowned customer to {@code userId}; false when it has an owner by now (someone else
     * claimed it first): the update's condition decides, so of two claims exactly one wins.
     */
    public boolean takeOwnership(UUID id, UUID userId, OffsetDateTime now, OffsetDateTime protectedUntil) {
        return dsl.update(CUSTOMER).set(CUSTOMER.OWNER_ID, userId).set(CUSTOMER.CLAIMED_AT, now)
                .set(CUSTOMER.PROTECTED_UNTIL, protectedUntil).set(CUSTOMER.POOLED_AT, (OffsetDateTime) null)
                .set(CUSTOMER.POOL_REASON, (String) null).set(CUSTOMER.VERSION, CUSTOMER.VERSION.plus(1))
                .set(CUSTOMER.UPDATED_AT, now).set(CUSTOMER.UPDATED_BY, userId)
                .where(CUSTOMER.ID.eq(id), CUSTOMER.OWNER_ID.isNull(), CUSTOMER.DELETED_AT.isNull()).execute() == 1;
    }

    /**
     * Stamps a claim made on another database (a branch replica's, applied by sync, which wrote the
     * owner): claimed now, protected until then, out of the pool. The version does not move: the
     * owner's write moved it. Nothing happens if the customer has another owner by now (released
     * again later in the same sync).
     */
    public void stampClaim(UUID id, UUID ownerId, OffsetDateTime claimedAt, OffsetDateTime protectedUntil) {
        dsl.update(CUSTOMER).set(CUSTOMER.CLAIMED_AT, claimedAt).set(CUSTOMER.PROTECTED_UNTIL, protectedUntil)
                .set(CUSTOMER.POOLED_AT, (OffsetDateTime) null).set(CUSTOMER.POOL_REASON, (String) null)
                .where(CUSTOMER.ID.eq(id), CUSTOMER.OWNER_ID.eq(ownerId)).execute();
    }

    /**
     * Stamps a release made on another database (a branch replica's, applied by sync, which wrote the
     * owner going to none): when and why it went to the pool there, so the pool shows them. The
     * version does not move: the owner's write moved it. Nothing happens if the customer has an
     * owner by now.
     */
    public void stampRelease(UUID id, OffsetDateTime pooledAt, String reason) {
        dsl.update(CUSTOMER).set(CUSTOMER.POOLED_AT, pooledAt).set(CUSTOMER.POOL_REASON, reason)
                .set(CUSTOMER.PROTECTED_UNTIL, (OffsetDateTime) null)
                .where(CUSTOMER.ID.eq(id), CUSTOMER.OWNER_ID.isNull()).execute();
    }

    /**
     * Sends an owned customer to the pool; false when it changed meanwhile (another owner, a newer
     * version, deleted).
     */
    public boolean giveUp(UUID id, UUID ownerId, long expectedVersion, OffsetDateTime now, String reason, UUID by) {
        return dsl.update(CUSTOMER).set(CUSTOMER.OWNER_ID, (UUID) null).set(CUSTOMER.POOLED_AT, now)
                .set(CUSTOMER.POOL_REASON, reason).set(CUSTOMER.PROTECTED_UNTIL, (OffsetDateTime) null)
                .set(CUSTOMER.VERSION, expectedVersion + 1).set(CUSTOMER.UPDATED_AT, now).set(CUSTOMER.UPDATED_BY, by)
                .where(CUSTOMER.ID.eq(id), CUSTOMER.OWNER_ID.eq(ownerId), CUSTOMER.VERSION.eq(expectedVersion),
                        CUSTOMER.DELETED_AT.isNull()).execute() == 1;
    }

    /** The live customer's owner, version and tier, if it exists. */
    public Optional<Candidate> current(UUID id) {
        return dsl.select(CUSTOMER.ID, CUSTOMER.NAME, CUSTOMER.OWNER_ID, CUSTOMER.VERSION).from(CUSTOMER)
                .where(CUSTOMER.ID.eq(id), CUSTOMER.DELETED_AT.isNull())
                .fetchOptional(r -> new Candidate(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    public Optional<String> regionOf(UUID id) {
        return dsl.select(CUSTOMER.REGION_CODE).from(CUSTOMER).where(CUSTOMER.ID.eq(id)).fetchOptional(CUSTOMER.REGION_CODE);
    }

    public Optional<Tier> tierOf(UUID id) {
        return dsl.select(CUSTOMER.TIER).from(CUSTOMER).where(CUSTOMER.ID.eq(id)).fetchOptional(CUSTOMER.TIER)
                .map(Tier::valueOf);
    }

    /** A customer a return rule picked. */
    public record Candidate(UUID id, String name, UUID ownerId, long version) {
    }
}
