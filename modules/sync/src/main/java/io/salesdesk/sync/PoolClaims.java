package io.salesdesk.sync;

import io.salesdesk.core.BusinessTime;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.pool.PoolPolicy;
import io.salesdesk.crm.pool.PoolRepository;
import io.salesdesk.crm.pool.PoolService;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * Claims of pool records (公海) made offline, at the hub: a change that gives a customer or lead
 * without an owner its first owner. The first claim to reach the hub wins; a rep's own claims of
 * customers count against the daily claim limit on the day they reach the hub, as claims made
 * there do, and get their protection period from then.
 */
final class PoolClaims {

    private final Configuration configuration;
    private final PoolRepository pool;
    private final Clock clock;
    private final Map<UUID, Integer> takenToday = new HashMap<>();
    private final List<TravelChange> applied = new ArrayList<>();
    private Integer limit;

    PoolClaims(Configuration configuration, Clock clock) {
        this.configuration = configuration;
        this.pool = PoolRepository.using(configuration, clock);
        this.clock = clock;
    }

    /** A release's pool time, carried in its travelling change (not a field of the change record). */
    static final String POOLED_AT = "pooledAt";
    /** A release's reason, carried the same way. */
    static final String POOL_REASON = "poolReason";

    /** Whether the field is a release's pool time or reason, which travel with it but never merge. */
    static boolean isReleaseStamp(String field) {
        return POOLED_AT.equals(field) || POOL_REASON.equals(field);
    }

    /** Whether the change gives a customer back to the pool: its owner goes from someone to none. */
    static boolean isRelease(SyncedEntity entity, String operation, Map<String, FieldChange> changes) {
        FieldChange owner = changes.get("ownerId");
        return entity == SyncedEntity.CUSTOMER && "UPDATE".equals(operation) && owner != null
                && owner.oldValue() != null && owner.newValue() == null;
    }

    /**
     * The change with the replica's pool time and reason added, if it releases a customer that is
     * still in the pool here (claimed again since, the later claim clears them anyway).
     */
    static Map<String, FieldChange> withReleaseStamp(RowStateRepository rows, SyncedEntity entity, UUID id,
                                                     String operation, Map<String, FieldChange> changes) {
        if (!isRelease(entity, operation, changes)) {
            return changes;
        }
        return rows.poolStamp(id).map(stamp -> {
            Map<String, FieldChange> with = new java.util.LinkedHashMap<>(changes);
            with.put(POOLED_AT, new FieldChange(null, Values.text(stamp.at())));
            with.put(POOL_REASON, new FieldChange(null, stamp.reason()));
            return with;
        }).orElse(changes);
    }

    /**
     * After the page is written: each applied release from a replica gets the replica's pool time and
     * reason, and a pool event as the pool records its own, so the pool shows when and why.
     */
    void stampReleases(Iterable<TravelChange> applied, Map<UUID, RowState> rows) {
        for (TravelChange change : applied) {
            FieldChange at = change.changes().get(POOLED_AT);
            RowState row = rows.get(change.entityId());
            if (at == null || at.newValue() == null || row == null || row.deleted() || row.get("ownerId") != null
                    || !isRelease(change.entity(), change.operation(), change.changes())) {
                continue;
            }
            FieldChange reason = change.changes().get(POOL_REASON);
            OffsetDateTime when = OffsetDateTime.parse(at.newValue());
            String why = reason == null ? null : reason.newValue();
            pool.stampRelease(change.entityId(), when, why);
            pool.event(change.entityId(), UUID.fromString(change.changes().get("ownerId").oldValue()), "RELEASE",
                    when, why);
        }
    }

    /** Whether the change takes a pool record: its owner goes from none to someone. */
    static boolean isClaim(TravelChange change) {
        FieldChange owner = change.changes().get("ownerId");
        return (change.entity() == SyncedEntity.CUSTOMER || change.entity() == SyncedEntity.LEAD)
                && "UPDATE".equals(change.operation()) && owner != null && owner.oldValue() == null
                && owner.newValue() != null;
    }

    /** A rep claiming a pool customer for themselves, as the pool's 认领 does (not a manager assigning it). */
    static boolean isOwnCustomerClaim(TravelChange change) {
        return change.entity() == SyncedEntity.CUSTOMER && isClaim(change) && change.changedBy() != null
                && change.changedBy().toString().equals(change.changes().get("ownerId").newValue());
    }

    /**
     * Whether the claimant may take one more customer today; counts it if so. Claims made at the
     * hub today and those applied earlier from branches count.
     */
    boolean withinDailyLimit(TravelChange change) {
        UUID user = change.changedBy();
        if (limit == null) {
            limit = PoolService.dailyClaimLimit(configuration);
        }
        int taken = takenToday.computeIfAbsent(user, u -> pool.claimsSince(u, startOfToday()));
        if (taken >= limit) {
            return false;
        }
        takenToday.put(user, taken + 1);
        applied.add(change);
        return true;
    }

    /** After the page is written: each applied claim is stamped and recorded as the pool records its own. */
    void stampApplied(Map<UUID, RowState> rows) {
        if (applied.isEmpty()) {
            return;
        }
        Map<Tier, Integer> protection = new HashMap<>();
        for (PoolPolicy p : pool.policies()) {
            protection.put(p.tier(), p.protectionDays());
        }
        OffsetDateTime now = Rows.now(clock);
        for (TravelChange claim : applied) {
            RowState row = rows.get(claim.entityId());
            String tier = row == null ? null : row.get("tier");
            int days = tier == null ? 0 : protection.getOrDefault(Tier.valueOf(tier), 0);
            UUID owner = UUID.fromString(claim.changes().get("ownerId").newValue());
            pool.stampClaim(claim.entityId(), owner, now, now.plusDays(days));
            pool.event(claim.entityId(), claim.changedBy(), "CLAIM", now, "sync");
        }
    }

    /** Whether another claim reached the hub first: the hub's row already has another owner. */
    static boolean lostTo(TravelChange change, RowState hubRow) {
        String owner = hubRow.get("ownerId");
        return owner != null && !Objects.equals(owner, change.changes().get("ownerId").newValue());
    }

    private OffsetDateTime startOfToday() {
        return BusinessTime.today(clock).atStartOfDay(BusinessTime.ZONE).toOffsetDateTime();
    }
}
