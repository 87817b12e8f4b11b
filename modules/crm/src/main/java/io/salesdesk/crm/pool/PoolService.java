package io.salesdesk.crm.pool;

import io.salesdesk.core.Actor;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import io.salesdesk.db.WorkspaceSettings;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * The public pool (公海): customers without an owner, one pool per sales region. A rep claims
 * within a daily limit and the customer is then protected for some days; an owner releases with a
 * reason; the return rules send back customers nobody works. Every change is audited.
 */
public final class PoolService {

    public static final int LIST_LIMIT = 2000;
    public static final int DEFAULT_DAILY_CLAIMS = 5;
    static final String DAILY_CLAIMS_KEY = "pool.dailyClaimLimit";
    /** Most customers one run of the return rules sends back per rule and tier. */
    static final int RETURN_BATCH = 5000;
    private static final String CUSTOMER = "customer";

    private final Database db;
    private final Clock clock;
    private final RegionService regions;
    private final CustomerService customers;

    public PoolService(Database db, Clock clock, RegionService regions, CustomerService customers) {
        this.db = db;
        this.clock = clock;
        this.regions = regions;
        this.customers = customers;
    }

    /**
     * The viewer's pool: unowned customers of their region and of the regions they were granted
     * temporary access to (every region for company-wide roles).
     */
    public List<PoolCustomer> pool(Actor viewer, String text) {
        return db.transactionResult(cfg -> {
            PoolRepository pool = PoolRepository.using(cfg, clock);
            return pool.pool(regionOf(viewer, cfg), text, LIST_LIMIT, regions::fullName);
        });
    }

    public int poolSize(Actor viewer) {
        return db.transactionResult(cfg -> {
            PoolRepository pool = PoolRepository.using(cfg, clock);
            return pool.poolSize(regionOf(viewer, cfg));
        });
    }

    public int dailyClaimLimit() {
        return db.transactionResult(PoolService::dailyClaimLimit);
    }

    /**
     * Sets how many customers a rep may claim a day whatever it is now (templates, scripts): last
     * writer wins; admins and company-wide roles only.
     */
    public void setDailyClaimLimit(Actor actor, int limit) {
        requireCompanyWide(actor);
        if (limit < 0) {
            throw new ValidationException(List.of(FieldProblem.of("dailyClaimLimit", "pool.limit.negative")));
        }
        db.transaction(cfg -> WorkspaceSettings.using(cfg).put(DAILY_CLAIMS_KEY, Integer.toString(limit)));
    }

    public List<PoolPolicy> policies() {
        return db.transactionResult(cfg -> PoolRepository.using(cfg, clock).policies());
    }

    /** Saves a tier's policy whatever it is now (templates, scripts): last writer wins. */
    public void savePolicy(Actor actor, PoolPolicy policy) {
        requireCompanyWide(actor);
        requireValid(policy);
        db.transaction(cfg -> PoolRepository.using(cfg, clock).savePolicy(policy));
    }

    /**
     * Saves a tier's policy as edited from {@code asRead}; nothing is written when nothing changed.
     *
     * @throws SalesDeskException {@code pool.policy.stale} (with the tier's values now) when someone
     *                            changed it since it was read
     */
    public void savePolicy(Actor actor, PoolPolicy asRead, PoolPolicy edited) {
        saveLimits(actor, List.of(asRead), List.of(edited), null, null);
    }

    /**
     * Sets the daily claim limit as changed from {@code asRead}; nothing is written when it is the same.
     *
     * @throws SalesDeskException {@code pool.limit.stale} (with the limit now) when someone changed it
     *                            since it was read
     */
    public void setDailyClaimLimit(Actor actor, int asRead, int limit) {
        saveLimits(actor, List.of(), List.of(), asRead, limit);
    }

    /**
     * What the settings screen saves, all or nothing: the tiers' policies and the daily claim limit
     * as edited from what it read ({@code null} limits leave the limit alone). Only what changed is
     * written, and only while it is still as read.
     *
     * @throws SalesDeskException {@code pool.policy.stale} or {@code pool.limit.stale} saying what it
     *                            is now, when someone changed it meanwhile: nothing of this save is written
     */
    public void saveLimits(Actor actor, List<PoolPolicy> policiesAsRead, List<PoolPolicy> policies,
                           Integer limitAsRead, Integer limit) {
        requireCompanyWide(actor);
        if (policiesAsRead.size() != policies.size() || (limit != null && limitAsRead == null)) {
            throw new IllegalArgumentException("every edited value needs the value as read");
        }
        policies.forEach(PoolService::requireValid);
        if (limit != null && limit < 0) {
            throw new ValidationException(List.of(FieldProblem.of("dailyClaimLimit", "pool.limit.negative")));
        }
        try {
            saveLimits(policiesAsRead, policies, limitAsRead, limit);
        } catch (org.jooq.exception.IntegrityConstraintViolationException firstLimitSetTwiceAtOnce) {
            throw new SalesDeskException("pool.limit.stale", dailyClaimLimit());
        }
    }

    private void saveLimits(List<PoolPolicy> policiesAsRead, List<PoolPolicy> policies, Integer limitAsRead,
                            Integer limit) {
        db.transaction(cfg -> {
            PoolRepository pool = PoolRepository.using(cfg, clock);
            for (int i = 0; i < policies.size(); i++) {
                PoolPolicy asRead = policiesAsRead.get(i);
                PoolPolicy edited = policies.get(i);
                if (asRead.tier() != edited.tier()) {
                    throw new IllegalArgumentException("policy as read for another tier: " + asRead.tier());
                }
                if (!asRead.equals(edited) && !pool.savePolicyIfUnchanged(asRead, edited)) {
                    PoolPolicy now = pool.policies().stream().filter(p -> p.tier() == asRead.tier()).findFirst()
                            .orElseThrow();
                    throw new SalesDeskException("pool.policy.stale", now.tier().name(), now.protectionDays(),
                            now.returnNoFollowUpDays(), now.returnNoProgressDays());
                }
            }
            if (limit != null && !limit.equals(limitAsRead)) {
                WorkspaceSettings settings = WorkspaceSettings.using(cfg);
                String stored = settings.get(DAILY_CLAIMS_KEY).orElse(null);
                if (dailyClaimLimit(cfg) != limitAsRead
                        || !settings.putIfStill(DAILY_CLAIMS_KEY, stored, Integer.toString(limit))) {
                    throw new SalesDeskException("pool.limit.stale", dailyClaimLimit(cfg));
                }
            }
        });
    }

    private static void requireValid(PoolPolicy policy) {
        if (policy.protectionDays() < 0 || policy.returnNoFollowUpDays() < 1 || policy.returnNoProgressDays() < 1) {
            throw new ValidationException(List.of(FieldProblem.of("policy", "pool.policy.invalid")));
        }
    }

    /** How many more customers the user may claim today. */
    public int claimsLeftToday(Actor actor) {
        return db.transactionResult(cfg -> Math.max(0, dailyClaimLimit(cfg)
                - PoolRepository.using(cfg, clock).claimsSince(actor.userId(), startOfToday())));
    }

    /**
     * Claims a pool customer for the actor: they become its owner, protected for the tier's days.
     *
     * @throws SalesDeskException {@code pool.claim.limitReached} past the daily limit,
     *                            {@code pool.claim.taken} if someone else claimed it first,
     *                            {@code pool.claim.otherRegion} for another region's pool
     */
    public void claim(Actor actor, UUID customerId) {
        Objects.requireNonNull(customerId, "customerId");
        db.transaction(cfg -> {
            PoolRepository pool = PoolRepository.using(cfg, clock);
            pool.lockUser(actor.userId());
            int limit = dailyClaimLimit(cfg);
            if (pool.claimsSince(actor.userId(), startOfToday()) >= limit) {
                throw new SalesDeskException("pool.claim.limitReached", limit);
            }
            List<String> allowed = regionOf(actor, cfg);
            String customerRegion = pool.regionOf(customerId).orElse(null);
            if (allowed != null && (customerRegion == null || allowed.stream().noneMatch(customerRegion::startsWith))) {
                throw new SalesDeskException("pool.claim.otherRegion");
            }
            Tier tier = pool.tierOf(customerId).orElseThrow(() -> new SalesDeskException("pool.claim.taken"));
            int protectionDays = pool.policies().stream().filter(p -> p.tier() == tier).findFirst()
                    .map(PoolPolicy::protectionDays).orElse(0);
            OffsetDateTime now = Rows.now(clock);
            if (!pool.takeOwnership(customerId, actor.userId(), now, now.plusDays(protectionDays))) {
                throw new SalesDeskException("pool.claim.taken");
            }
            pool.event(customerId, actor.userId(), "CLAIM", now, null);
            ChangeLog.using(cfg, clock).record(actor, ChangeReason.of(ChangeReason.Kind.USER, "pool claim"), CUSTOMER,
                    customerId, ChangeEntry.Operation.UPDATE, ownerChange(null, actor.userId()));
        });
        customers.refresh(customerId);
    }

    /**
     * Sends the customer back to the pool with a reason: its owner may, and so may a manager or a
     * company-wide role who sees it.
     *
     * @throws ValidationException  for a blank reason
     * @throws StaleRecordException if the customer changed since {@code expectedVersion}
     */
    public void release(Actor actor, UUID customerId, long expectedVersion, String reason) {
        String why = Rows.blankToNull(reason);
        if (why == null) {
            throw new ValidationException(List.of(FieldProblem.of("reason", "pool.release.reasonRequired")));
        }
        db.transaction(cfg -> {
            PoolRepository pool = PoolRepository.using(cfg, clock);
            PoolRepository.Candidate current = pool.current(customerId)
                    .orElseThrow(() -> new StaleRecordException(CUSTOMER, customerId, expectedVersion, null));
            boolean supervisor = actor.role() == Role.MANAGER || actor.role().seesEverything();
            if (current.ownerId() == null || !supervisor && !current.ownerId().equals(actor.userId())) {
                throw new SalesDeskException("pool.release.notYours");
            }
            OffsetDateTime now = Rows.now(clock);
            String text = why.strip().length() > 200 ? why.strip().substring(0, 199) + "…" : why.strip();
            if (!pool.giveUp(customerId, current.ownerId(), expectedVersion, now, text, actor.userId())) {
                throw new StaleRecordException(CUSTOMER, customerId, expectedVersion, null);
            }
            pool.event(customerId, current.ownerId(), "RELEASE", now, text);
            ChangeLog.using(cfg, clock).record(actor, ChangeReason.of(ChangeReason.Kind.USER, "pool release"), CUSTOMER,
                    customerId, ChangeEntry.Operation.UPDATE, ownerChange(current.ownerId(), null));
        });
        customers.refresh(customerId);
    }

    /**
     * Sends back every customer a return rule catches as of now: past its protection, and not
     * followed up for its tier's N days, or with open deals that stood still for M days. Returning
     * is a state, not an event: running it again (a second client, a catch-up) finds nothing new.
     *
     * @param wordings the reason in words for "N days without follow-up" and "M days without progress"
     */
    public List<Returned> returnUnworked(Wordings wordings) {
        OffsetDateTime now = Rows.now(clock);
        List<Returned> returned = db.transactionResult(cfg -> {
            PoolRepository pool = PoolRepository.using(cfg, clock);
            List<Returned> done = new ArrayList<>();
            for (PoolPolicy policy : pool.policies()) {
                String noFollowUp = wordings.noFollowUp(policy.returnNoFollowUpDays());
                for (PoolRepository.Candidate c : pool.notFollowedUpSince(policy.tier(),
                        now.minusDays(policy.returnNoFollowUpDays()), now, RETURN_BATCH)) {
                    returnOne(cfg, pool, c, now, noFollowUp, done);
                }
                String noProgress = wordings.noProgress(policy.returnNoProgressDays());
                for (PoolRepository.Candidate c : pool.noProgressSince(policy.tier(),
                        now.minusDays(policy.returnNoProgressDays()), now, RETURN_BATCH)) {
                    returnOne(cfg, pool, c, now, noProgress, done);
                }
            }
            return done;
        });
        if (!returned.isEmpty()) {
            customers.reloadList();
        }
        return returned;
    }

    /** The words a return rule writes on the customer. */
    public interface Wordings {
        String noFollowUp(int days);

        String noProgress(int days);
    }

    private void returnOne(Configuration cfg, PoolRepository pool, PoolRepository.Candidate c, OffsetDateTime now,
                           String reason, List<Returned> done) {
        if (done.stream().anyMatch(r -> r.customerId().equals(c.id()))) {
            return;
        }
        if (pool.giveUp(c.id(), c.ownerId(), c.version(), now, reason, null)) {
            pool.event(c.id(), c.ownerId(), "RETURN", now, reason);
            ChangeLog.using(cfg, clock).record(null, ChangeReason.of(ChangeReason.Kind.RULE, "pool return"), CUSTOMER,
                    c.id(), ChangeEntry.Operation.UPDATE, ownerChange(c.ownerId(), null));
            done.add(new Returned(c.id(), c.name(), c.ownerId(), reason));
        }
    }

    private static Map<String, FieldChange> ownerChange(UUID from, UUID to) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        changes.put("ownerId", new FieldChange(from == null ? null : from.toString(), to == null ? null : to.toString()));
        return changes;
    }

    /**
     * The region prefixes of the viewer's pool: their org unit's region and the regions of their
     * pool access grants in force (a rep lent to a surging region); null for every region, for
     * company-wide roles and users whose unit has no region.
     */
    private List<String> regionOf(Actor viewer, Configuration cfg) {
        String own = viewer.role().seesEverything() ? null
                : UserRepository.using(cfg, clock).regionPrefixOf(viewer.userId()).orElse(null);
        if (own == null) {
            return null;
        }
        List<String> prefixes = new ArrayList<>();
        prefixes.add(own);
        PoolRepository pool = PoolRepository.using(cfg, clock);
        for (String granted : pool.grantedRegionPrefixes(viewer.userId(), Rows.now(clock))) {
            if (prefixes.stream().noneMatch(granted::startsWith)) {
                prefixes.add(granted);
            }
        }
        return prefixes;
    }

    /** How many customers a rep may claim a day, in the caller's transaction (a branch's claims are counted at the hub too). */
    public static int dailyClaimLimit(Configuration cfg) {
        String v = WorkspaceSettings.using(cfg).get(DAILY_CLAIMS_KEY).orElse(null);
        try {
            return v == null ? DEFAULT_DAILY_CLAIMS : Math.max(0, Integer.parseInt(v.strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_DAILY_CLAIMS;
        }
    }

    private OffsetDateTime startOfToday() {
        return BusinessTime.today(clock).atStartOfDay(BusinessTime.ZONE).toOffsetDateTime();
    }

    private static void requireCompanyWide(Actor actor) {
        if (!actor.role().seesEverything()) {
            throw new SalesDeskException("pool.settings.notAllowed");
        }
    }
}
