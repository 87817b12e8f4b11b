package io.salesdesk.territory.surge;

import io.salesdesk.core.Actor;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import io.salesdesk.db.WorkspaceSettings;
import io.salesdesk.dispatch.DispatchSettings;
import io.salesdesk.dispatch.DispatchWeights;
import io.salesdesk.dispatch.Dispatcher;
import io.salesdesk.dispatch.RepCandidate;
import io.salesdesk.dispatch.RosterRepository;
import io.salesdesk.workflow.notify.NotificationRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demand surges (询盘激增): a scan counts inquiries (new leads) per macro-region and province in a
 * recent window against a baseline, raises an alert for each surge with a suggestion (lend the
 * least-loaded reps of other macro-regions, open the surging region's pool and leads to them for
 * some days) and tells the region's supervisor (the head of the busiest province's org unit, else
 * the GM) in the inbox and the notify channels. The supervisor, the GM or an admin accepts it in
 * one click: the grants are written with their expiry, the change history records them and the
 * lent reps are told. Grants end by themselves: every query compares their expiry with now.
 */
public final class SurgeService {

    /** How often {@link #scanIfDue()} scans. */
    public static final Duration SCAN_EVERY = Duration.ofMinutes(15);
    static final String LAST_SCAN_KEY = "surge.lastScan";
    private static final Logger LOG = LoggerFactory.getLogger(SurgeService.class);
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Database db;
    private final Clock clock;
    private final SurgeWording wording;

    public SurgeService(Database db, Clock clock, RegionService regions, Locale locale) {
        this.db = db;
        this.clock = clock;
        this.wording = new SurgeWording(locale, code -> regions.byCode(code).map(r -> r.name()).orElse(code));
    }

    /** The settings the scan uses. */
    public SurgeSettings settings() {
        return db.transactionResult(SurgeSettings::load);
    }

    /** Saves the thresholds; company-wide roles only. */
    public void saveSettings(Actor actor, SurgeSettings settings) {
        if (!actor.role().seesEverything()) {
            throw new SalesDeskException("surge.settings.notAllowed");
        }
        db.transaction(settings::save);
    }

    /**
     * Scans when the last scan on any client of this database is {@link #SCAN_EVERY} ago or more.
     * What the timers call every minute: a failed scan is logged and tried again at the next
     * quarter of an hour, and does not keep the other timers or the user's pop-ups from running.
     */
    public List<SurgeAlert> scanIfDue() {
        Instant now = clock.instant();
        try {
            boolean due = db.transactionResult(cfg -> WorkspaceSettings.using(cfg).get(LAST_SCAN_KEY)
                    .map(v -> !OffsetDateTime.parse(v).toInstant().plus(SCAN_EVERY).isAfter(now)).orElse(true));
            return due ? scan(now) : List.of();
        } catch (RuntimeException e) {
            LOG.error("Surge scan failed", e);
            return List.of();
        }
    }

    /**
     * Looks for surges as of {@code now} and raises an alert for each key that has none open and
     * none raised within the last window; open alerts older than a window expire. Idempotent: a
     * second scan (another client, a catch-up) raises nothing new. Counts come from the per-day
     * inquiry counts and the leads of the hours at the windows' edges
     * ({@link SurgeRepository#countsByProvince}), the same for every scan of the day.
     *
     * @return the alerts raised now
     */
    public List<SurgeAlert> scan(Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        List<SurgeAlert> raised = db.transactionResult(cfg -> {
            // Writing the stamp first takes its row lock: two clients scanning at once go one after the other.
            WorkspaceSettings.using(cfg).put(LAST_SCAN_KEY, at.toString());
            SurgeSettings settings = SurgeSettings.load(cfg);
            SurgeRepository rows = SurgeRepository.using(cfg, clock);
            SurgeWindows windows = SurgeWindows.at(now, settings);
            Duration windowLength = Duration.between(windows.recent().from(), windows.recent().to());
            Duration quiet = settings.mode() == WindowMode.SAME_WEEKDAY ? Duration.ofDays(1)
                    : Duration.ofDays(settings.windowDays());
            rows.expireOpen(at.minus(quiet));
            Map<String, int[]> counts = rows.countsByProvince(windows);
            boolean history = rows.hasInquiriesBefore(windows.earliest());
            List<Surge> surges = new SurgeDetector(settings).detect(counts, history);
            List<SurgeAlert> alerts = new ArrayList<>();
            Roster roster = null;
            for (Surge surge : surges) {
                if (rows.alertedSince(surge.key(), at.minus(quiet))) {
                    continue;
                }
                if (roster == null) {
                    roster = roster(cfg);
                }
                LendSuggestion suggestion = suggest(surge, settings, windowLength, roster);
                UUID supervisor = supervisorOf(cfg, surge).orElse(null);
                UUID id = rows.insert(surge, windows.recent(), settings.mode(), suggestion, supervisor);
                SurgeAlert alert = view(rows.find(id).orElseThrow());
                if (supervisor != null) {
                    NotificationRepository.using(cfg, clock).send(List.of(supervisor), "surge.alert", alert.headline(),
                            alert.suggestionText(), SurgeRepository.ENTITY, id);
                }
                alerts.add(alert);
            }
            return alerts;
        });
        if (!raised.isEmpty()) {
            LOG.info("Surge scan: {} alert(s) raised: {}", raised.size(),
                    raised.stream().map(SurgeAlert::key).toList());
        }
        return raised;
    }

    /**
     * The open alerts for the viewer, newest first: every one for the GM, admins and company-wide
     * roles, else those sent to them.
     */
    public List<SurgeAlert> openAlerts(Actor viewer) {
        return db.transactionResult(cfg -> SurgeRepository.using(cfg, clock)
                .open(viewer.role().seesEverything() ? null : viewer.userId()).stream().map(this::view).toList());
    }

    /**
     * Applies the alert's suggestion: each lent rep gets access to the surging region's pool and
     * leads until now + the grant days (dispatch counts those regions as theirs meanwhile), the
     * change history records each grant and the decision, the lent reps are told.
     *
     * @throws SalesDeskException {@code surge.notAllowed} for anyone but the supervisor told, the GM or
     *                            an admin; {@code surge.alert.decided} when it is no longer open
     */
    public SurgeAlert accept(UUID alertId, Actor viewer) {
        return db.transactionResult(cfg -> {
            SurgeRepository rows = SurgeRepository.using(cfg, clock);
            SurgeRepository.Stored alert = openAlert(rows, alertId, viewer);
            OffsetDateTime now = Rows.now(clock);
            LendSuggestion s = alert.suggestion();
            OffsetDateTime expires = now.plusDays(s.grantDays());
            String reason = wording.grantReason(alert.key());
            ChangeReason why = ChangeReason.of(ChangeReason.Kind.USER, "surge " + alert.id());
            List<ChangeLog.Pending> history = new ArrayList<>();
            for (LendSuggestion.LentRep rep : s.reps()) {
                for (String code : s.regionCodes()) {
                    UUID grant = rows.grant(rep.userId(), code, now, expires, reason, viewer.userId(), alert.id());
                    Map<String, Object> after = new LinkedHashMap<>();
                    after.put("userId", rep.userId());
                    after.put("regionCode", code);
                    after.put("startsAt", now);
                    after.put("expiresAt", expires);
                    after.put("reason", reason);
                    after.put("surgeId", alert.id());
                    history.add(new ChangeLog.Pending(SurgeRepository.GRANT_ENTITY, grant, ChangeEntry.Operation.INSERT,
                            FieldChange.diff(Map.of(), after)));
                }
            }
            if (!rows.decide(alert.id(), alert.version(), SurgeStatus.ACCEPTED, viewer.userId())) {
                throw new SalesDeskException("surge.alert.decided");
            }
            history.add(new ChangeLog.Pending(SurgeRepository.ENTITY, alert.id(), ChangeEntry.Operation.UPDATE,
                    FieldChange.diff(Map.of("status", SurgeStatus.OPEN.name()),
                            Map.of("status", SurgeStatus.ACCEPTED.name()))));
            ChangeLog.using(cfg, clock).recordAll(viewer, why, history);
            String until = expires.atZoneSameInstant(BusinessTime.ZONE).format(UNTIL);
            List<UUID> lent = s.reps().stream().map(LendSuggestion.LentRep::userId).toList();
            NotificationRepository.using(cfg, clock).send(lent,
                    "surge.lent", wording.lentTitle(alert.key()),
                    wording.lentBody(alert.key(), s.grantDays(), until, viewer.displayName()),
                    SurgeRepository.ENTITY, alert.id());
            return view(rows.find(alert.id()).orElseThrow());
        });
    }

    /** Closes the alert without acting on it; same permission as {@link #accept}. */
    public SurgeAlert dismiss(UUID alertId, Actor viewer) {
        return db.transactionResult(cfg -> {
            SurgeRepository rows = SurgeRepository.using(cfg, clock);
            SurgeRepository.Stored alert = openAlert(rows, alertId, viewer);
            if (!rows.decide(alert.id(), alert.version(), SurgeStatus.DISMISSED, viewer.userId())) {
                throw new SalesDeskException("surge.alert.decided");
            }
            ChangeLog.using(cfg, clock).record(viewer, ChangeReason.user(), SurgeRepository.ENTITY, alert.id(),
                    ChangeEntry.Operation.UPDATE, FieldChange.diff(Map.of("status", SurgeStatus.OPEN.name()),
                            Map.of("status", SurgeStatus.DISMISSED.name())));
            return view(rows.find(alert.id()).orElseThrow());
        });
    }

    /** The regions a user has temporary access to now, with when each ends. */
    public Map<String, OffsetDateTime> activeGrants(UUID userId) {
        return db.transactionResult(cfg -> SurgeRepository.using(cfg, clock).activeGrants(userId, Rows.now(clock)));
    }

    /**
     * The pool access grants in force, soonest to end first: every one for the GM, admins and
     * company-wide roles, else those the viewer granted or whose surge alert was sent to them.
     */
    public List<PoolGrant> grantsInForce(Actor viewer) {
        return db.transactionResult(cfg -> SurgeRepository.using(cfg, clock)
                .grantsInForce(Rows.now(clock), viewer.role().seesEverything() ? null : viewer.userId()).stream()
                .map(this::view).toList());
    }

    /**
     * Ends a grant before its expiry (收回): the rep loses the region's pool and dispatch at once,
     * the change history records it and the rep is told.
     *
     * @throws SalesDeskException {@code surge.notAllowed} for anyone but who granted it, the surge's
     *                            supervisor, the GM or an admin; {@code surge.grant.ended} when it
     *                            expired or was revoked meanwhile; {@code surge.grant.notFound}
     */
    public PoolGrant revoke(UUID grantId, Actor viewer) {
        return db.transactionResult(cfg -> {
            SurgeRepository rows = SurgeRepository.using(cfg, clock);
            SurgeRepository.GrantRow grant = rows.findGrantForUpdate(grantId)
                    .orElseThrow(() -> new SalesDeskException("surge.grant.notFound"));
            boolean allowed = viewer.role() == Role.GM || viewer.role() == Role.ADMIN
                    || viewer.userId().equals(grant.grantedBy()) || viewer.userId().equals(grant.surgeSupervisor());
            if (!allowed) {
                throw new SalesDeskException("surge.notAllowed");
            }
            OffsetDateTime now = Rows.now(clock);
            if (!rows.revoke(grantId, now)) {
                throw new SalesDeskException("surge.grant.ended");
            }
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("revokedAt", null);
            ChangeLog.using(cfg, clock).record(viewer, ChangeReason.user(), SurgeRepository.GRANT_ENTITY, grantId,
                    ChangeEntry.Operation.UPDATE, FieldChange.diff(before, Map.of("revokedAt", now)));
            String region = wording.keyName(grant.regionCode());
            NotificationRepository.using(cfg, clock).send(List.of(grant.userId()), "surge.revoked",
                    wording.revokedTitle(region), wording.revokedBody(region, viewer.displayName()),
                    SurgeRepository.GRANT_ENTITY, grantId);
            LOG.info("Pool access grant {} ({} in {}) revoked by {}", grantId, grant.userName(), grant.regionCode(),
                    viewer.displayName());
            return view(grant);
        });
    }

    private PoolGrant view(SurgeRepository.GrantRow g) {
        return new PoolGrant(g.id(), g.userId(), g.userName(), g.regionCode(), wording.keyName(g.regionCode()),
                g.startsAt(), g.expiresAt(), g.reason(), g.grantedBy(), g.surgeId());
    }

    private SurgeRepository.Stored openAlert(SurgeRepository rows, UUID alertId, Actor viewer) {
        SurgeRepository.Stored alert = rows.findForUpdate(alertId)
                .orElseThrow(() -> new SalesDeskException("surge.alert.notFound"));
        boolean allowed = viewer.role() == Role.GM || viewer.role() == Role.ADMIN
                || viewer.userId().equals(alert.notifiedUserId());
        if (!allowed) {
            throw new SalesDeskException("surge.notAllowed");
        }
        if (alert.status() != SurgeStatus.OPEN) {
            throw new SalesDeskException("surge.alert.decided");
        }
        return alert;
    }

    /**
     * Lend k reps, k = the excess over the baseline divided by what one rep absorbs in a window of
     * this length, at least 1 and at most the setting; chosen among available reps (not away,
     * capacity left) from other macro-regions, least loaded first.
     */
    private LendSuggestion suggest(Surge surge, SurgeSettings settings, Duration windowLength, Roster roster) {
        double perRep = settings.leadsPerRep() * windowLength.toMinutes() / (double) Duration.ofDays(7).toMinutes();
        int needed = (int) Math.ceil((surge.recent() - surge.baseline()) / Math.max(perRep, 1e-9));
        needed = Math.max(1, Math.min(settings.maxReps(), needed));
        MacroRegion surging = surge.macroRegion();
        List<LendSuggestion.LentRep> candidates = new ArrayList<>();
        for (RepCandidate r : roster.reps()) {
            double load = roster.loads().getOrDefault(r.userId(), 1.0);
            Optional<MacroRegion> home = homeOf(r, roster.homes());
            // Away, full, or from the surging macro-region itself (or nowhere we know): not lent.
            if (r.available() && load < 1.0 && home.isPresent() && home.get() != surging) {
                candidates.add(new LendSuggestion.LentRep(r.userId(), r.name(), round(load), home.get()));
            }
        }
        candidates.sort(Comparator.comparingDouble(LendSuggestion.LentRep::loadIndex)
                .thenComparing(LendSuggestion.LentRep::name).thenComparing(LendSuggestion.LentRep::userId));
        List<LendSuggestion.LentRep> lent = candidates.subList(0, Math.min(needed, candidates.size()));
        return new LendSuggestion(lent, surge.provinceCodes(), settings.grantDays(), needed);
    }

    private static double round(double load) {
        return Math.round(load * 100) / 100.0;
    }

    /** A rep's macro-region: their org unit's region, else their first territory's. */
    private static Optional<MacroRegion> homeOf(RepCandidate rep, Map<UUID, String> homes) {
        Optional<MacroRegion> home = MacroRegion.of(homes.get(rep.userId()));
        return home.isPresent() || rep.territories().isEmpty() ? home : MacroRegion.of(rep.territories().get(0));
    }

    private record Roster(List<RepCandidate> reps, Map<UUID, Double> loads, Map<UUID, String> homes) {
    }

    private Roster roster(Configuration cfg) {
        DispatchWeights weights = DispatchSettings.using(cfg).weights();
        List<RepCandidate> reps = RosterRepository.using(cfg).roster(BusinessTime.today(clock), weights, clock);
        return new Roster(reps, new Dispatcher(reps, weights).loadIndexes(),
                SurgeRepository.using(cfg, clock).repHomeRegions());
    }

    /** The head of the busiest province's org unit that has one, else the GM, else an admin. */
    private Optional<UUID> supervisorOf(Configuration cfg, Surge surge) {
        UserRepository users = UserRepository.using(cfg, clock);
        for (String province : surge.busiestProvinces()) {
            Optional<UUID> head = users.headOfRegion(province);
            if (head.isPresent()) {
                return head;
            }
        }
        return users.firstWithRole(Role.GM).or(() -> users.firstWithRole(Role.ADMIN)).map(User::id);
    }

    private SurgeAlert view(SurgeRepository.Stored s) {
        return new SurgeAlert(s.id(), s.key(), wording.keyName(s.key()), s.mode(), s.windowStart(), s.windowEnd(),
                s.recent(), s.baseline(), s.ratio(), s.suggestion(), s.status(), s.notifiedUserId(), s.decidedBy(),
                s.decidedAt(), s.createdAt(), s.version(),
                wording.headline(s.key(), s.mode(), (int) Duration.between(s.windowStart(), s.windowEnd()).toDays(),
                        s.recent(), s.baseline(), s.ratio()),
                wording.suggestion(s.key(), s.suggestion()));
    }
}
