package io.salesdesk.dispatch;

import io.salesdesk.core.Actor;
import io.salesdesk.core.BoardRank;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.crm.lead.LeadFilter;
import io.salesdesk.crm.lead.LeadRepository;
import io.salesdesk.crm.lead.LeadService;
import io.salesdesk.crm.lead.LeadStatus;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import io.salesdesk.dispatch.rebalance.RebalancePlan;
import io.salesdesk.dispatch.rebalance.Rebalancer;
import io.salesdesk.workflow.notify.NotificationRepository;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * Dispatch on arrival: a lead captured by a form, the command line or an import goes at once to
 * the rep best placed to win it, with the reason written on the lead. A lead nobody can take
 * waits unassigned in its region's pool and the region's managers are told.
 */
public final class DispatchService {

    /** Most waiting leads dispatched in one go. */
    public static final int BATCH_LIMIT = 10_000;
    static final ChangeReason DISPATCH = ChangeReason.of(ChangeReason.Kind.RULE, "dispatch");

    private final Database db;
    private final Clock clock;
    private final RegionService regions;
    private final LeadService leads;
    private final Locale locale;

    public DispatchService(Database db, Clock clock, RegionService regions, LeadService leads, Locale locale) {
        this.db = db;
        this.clock = clock;
        this.regions = regions;
        this.leads = leads;
        this.locale = locale;
    }

    /**
     * Records a new lead and dispatches it in the same transaction.
     *
     * @param reason where it came from, for the audit trail (a form is {@link ChangeReason#user()})
     * @throws io.salesdesk.core.ValidationException listing each refused field
     */
    public DispatchResult capture(Actor actor, LeadDraft draft, ChangeReason reason) {
        LeadDraft valid = leads.validate(draft);
        return db.transactionResult(cfg -> {
            UUID id = Ids.newId(clock);
            LeadRepository rows = LeadRepository.using(cfg, clock);
            String rank = rows.topRank(LeadStatus.NEW).map(t -> BoardRank.between(null, t)).orElse(BoardRank.first());
            rows.insertAll(actor, reason, List.of(new LeadRepository.NewLead(id, valid, LeadStatus.NEW, null, null,
                    null, null, rank, null)));
            return dispatchAll(cfg, List.of(rows.findAny(id).orElseThrow())).get(0);
        });
    }

    /**
     * Dispatches every unassigned new lead the actor sees (an import's leads, or leads that waited
     * while everyone was away), oldest first.
     *
     * @throws SalesDeskException {@code dispatch.notAllowed} for a rep
     */
    public List<DispatchResult> dispatchWaiting(Actor actor) {
        requireManager(actor);
        return db.transactionResult(cfg -> {
            List<Lead> waiting = new ArrayList<>(LeadRepository.using(cfg, clock)
                    .list(actor, LeadFilter.unassigned(), BATCH_LIMIT));
            waiting.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
            return dispatchAll(cfg, waiting);
        });
    }

    /** Dispatches these leads in the caller's transaction, one by one against one roster. */
    public List<DispatchResult> dispatchAll(Configuration cfg, List<Lead> newLeads) {
        if (newLeads.isEmpty()) {
            return List.of();
        }
        DispatchWeights weights = DispatchSettings.using(cfg).weights();
        Dispatcher dispatcher = new Dispatcher(RosterRepository.using(cfg).roster(BusinessTime.today(clock), weights,
                clock), weights);
        DispatchExplanation explanation = new DispatchExplanation(locale, code -> regions.byCode(code)
                .map(r -> "市辖区".equals(r.name()) ? regions.fullName(code) : r.name()).orElse(code));
        Set<UUID> assignedReps = new HashSet<>();
        List<DispatchResult> results = new ArrayList<>(newLeads.size());
        for (Lead lead : newLeads) {
            Assignment a = dispatcher.dispatch(new LeadToDispatch(lead.id(), lead.regionCode(), lead.industry()));
            String words = explanation.explain(a, lead.regionCode());
            Lead written = leads.assign(cfg, null, DISPATCH, lead, a.repId(), words, a.flag());
            if (a.assigned()) {
                assignedReps.add(a.repId());
            } else {
                tellManagers(cfg, written, words);
            }
            results.add(new DispatchResult(written, a));
        }
        RosterRepository.using(cfg).stampAssigned(assignedReps, Rows.now(clock));
        return results;
    }

    /**
     * Proposes an optimised assignment of every waiting lead the manager sees (a backlog after an
     * import or a holiday), under the reps' capacities, for the manager to accept or reject. Nothing
     * is written.
     *
     * @param timeLimit how long the solver may search; 30 seconds is plenty for 2,000 leads
     */
    public RebalancePlan proposeRebalance(Actor actor, Duration timeLimit) {
        requireManager(actor);
        // Read in one short transaction; the solver runs outside it so no lock is held while it thinks.
        Backlog backlog = db.transactionResult(cfg -> {
            DispatchWeights w = DispatchSettings.using(cfg).weights();
            return new Backlog(w, RosterRepository.using(cfg).roster(BusinessTime.today(clock), w, clock),
                    LeadRepository.using(cfg, clock).list(actor, LeadFilter.unassigned(), BATCH_LIMIT).stream()
                            .map(l -> new LeadToDispatch(l.id(), l.regionCode(), l.industry())).toList());
        });
        return new Rebalancer(backlog.weights(), timeLimit).plan(backlog.roster(), backlog.leads());
    }

    private record Backlog(DispatchWeights weights, List<RepCandidate> roster, List<LeadToDispatch> leads) {
    }

    /**
     * Writes an accepted plan: each placed lead that is still waiting goes to its rep with the
     * reason in words; a lead someone dispatched or changed meanwhile is left as it is.
     *
     * @return the leads written
     */
    public List<Lead> acceptRebalance(Actor actor, RebalancePlan plan) {
        requireManager(actor);
        ResourceBundle bundle = ResourceBundle.getBundle("io.salesdesk.dispatch.explanations", locale);
        Map<UUID, RebalancePlan.RepLoad> loads = new HashMap<>();
        plan.loads().forEach(l -> loads.put(l.repId(), l));
        return db.transactionResult(cfg -> {
            LeadRepository rows = LeadRepository.using(cfg, clock);
            List<Lead> written = new ArrayList<>();
            Set<UUID> reps = new HashSet<>();
            for (RebalancePlan.Placement p : plan.placements()) {
                Lead lead = rows.find(actor, p.leadId()).orElse(null);
                if (!p.placed() || lead == null || lead.ownerId() != null || lead.status() != LeadStatus.NEW) {
                    continue;
                }
                RebalancePlan.RepLoad load = loads.get(p.repId());
                String words = new MessageFormat(bundle.getString("rebalanced"), locale).format(new Object[] {
                        p.repName(), lead.regionCode() == null ? "—" : regions.fullName(lead.regionCode()),
                        String.format(Locale.ROOT, "%.2f", load == null ? 0 : load.after()),
                        String.format(Locale.ROOT, "%.3f", plan.stdevBefore()),
                        String.format(Locale.ROOT, "%.3f", plan.stdevAfter())});
                written.add(leads.assign(cfg, actor, ChangeReason.of(ChangeReason.Kind.USER, "rebalance"), lead,
                        p.repId(), words, p.flag()));
                reps.add(p.repId());
            }
            RosterRepository.using(cfg).stampAssigned(reps, Rows.now(clock));
            return written;
        });
    }

    /** Every rep's load as dispatch sees it now, lightest first; managers only. */
    public List<RepLoad> loads(Actor viewer) {
        requireManager(viewer);
        return db.transactionResult(cfg -> {
            DispatchWeights weights = DispatchSettings.using(cfg).weights();
            List<RepCandidate> roster = RosterRepository.using(cfg).roster(BusinessTime.today(clock), weights, clock);
            Set<UUID> visible = new HashSet<>(UserRepository.using(cfg, clock).visibleTo(viewer).stream()
                    .map(User::id).toList());
            Dispatcher dispatcher = new Dispatcher(roster, weights);
            var indexes = dispatcher.loadIndexes();
            return roster.stream().filter(r -> visible.contains(r.userId()))
                    .map(r -> new RepLoad(r.userId(), r.name(), r.territories().stream().map(regions::fullName).toList(),
                            r.monthlyCapacity(), r.openLeads(), r.overdueFollowUps(), r.openTasks(), r.away(),
                            indexes.get(r.userId())))
                    .sorted((a, b) -> Double.compare(a.loadIndex(), b.loadIndex())).toList();
        });
    }

    /** A rep's territories, capacity and leave, for a manager who sees them. */
    public RepProfile profile(Actor viewer, UUID repId) {
        requireManager(viewer);
        return db.transactionResult(cfg -> {
            requireVisible(cfg, viewer, repId);
            return RepProfileRepository.using(cfg).find(repId)
                    .orElseThrow(() -> new SalesDeskException("dispatch.profile.notRep"));
        });
    }

    /**
     * Saves a rep's territories, capacity and leave whatever they are now (templates, demo, scripts):
     * last writer wins. A screen uses {@link #saveProfile(Actor, RepProfile, RepProfile)}.
     *
     * @throws ValidationException naming each refused field
     */
    public RepProfile saveProfile(Actor actor, RepProfile profile) {
        return save(actor, null, profile);
    }

    /**
     * Saves a rep's territories, capacity and leave as edited from {@code asRead}; the next dispatch
     * uses them. A manager may set them for the reps they see. Nothing is written when nothing was
     * changed.
     *
     * @throws ValidationException naming each refused field
     * @throws SalesDeskException  {@code dispatch.profile.stale} (saying who) when someone changed the
     *                             profile since {@code asRead}: nothing of this save is written
     */
    public RepProfile saveProfile(Actor actor, RepProfile asRead, RepProfile edited) {
        return save(actor, java.util.Objects.requireNonNull(asRead, "asRead"), edited);
    }

    private RepProfile save(Actor actor, RepProfile asRead, RepProfile profile) {
        requireManager(actor);
        List<FieldProblem> problems = new ArrayList<>();
        Integer capacity = profile.monthlyCapacity();
        if (capacity != null && (capacity < 1 || capacity > RepProfile.MAX_CAPACITY)) {
            problems.add(FieldProblem.of("monthlyCapacity", "dispatch.profile.capacityRange", RepProfile.MAX_CAPACITY));
        }
        if (profile.awayFrom() == null && profile.awayUntil() != null) {
            problems.add(FieldProblem.of("awayFrom", "dispatch.profile.awayFromRequired"));
        }
        if (profile.awayFrom() != null && profile.awayUntil() != null && profile.awayUntil().isBefore(profile.awayFrom())) {
            problems.add(FieldProblem.of("awayUntil", "dispatch.profile.awayUntilBeforeFrom"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        try {
            return db.transactionResult(cfg -> {
                requireVisible(cfg, actor, profile.userId());
                RepProfileRepository profiles = RepProfileRepository.using(cfg);
                RepProfile before = profiles.find(profile.userId())
                        .orElseThrow(() -> new SalesDeskException("dispatch.profile.notRep"));
                List<String> territories = profile.territories().stream().distinct().sorted().toList();
                Set<String> unknown = profiles.unknownRegions(territories);
                if (!unknown.isEmpty()) {
                    throw new ValidationException(List.of(FieldProblem.of("territories", "dispatch.profile.unknownRegion",
                            String.join(", ", unknown))));
                }
                RepProfile after = new RepProfile(before.userId(), before.name(), territories, capacity,
                        profile.awayFrom(), profile.awayUntil());
                RepProfile base = asRead == null ? before : asRead;
                if (snapshot(base).equals(snapshot(after))) {
                    return before;
                }
                if (asRead == null) {
                    profiles.save(after);
                } else if (!profiles.saveIfUnchanged(asRead, after)) {
                    throw new StaleProfile();
                }
                ChangeLog.using(cfg, clock).record(actor, ChangeReason.user(), RepProfileRepository.ENTITY,
                        after.userId(), ChangeEntry.Operation.UPDATE, FieldChange.diff(snapshot(base), snapshot(after)));
                return after;
            });
        } catch (StaleProfile | org.jooq.exception.IntegrityConstraintViolationException e) {
            if (asRead == null) {
                throw e;
            }
            throw staleProfile(profile);
        }
    }

    /** Someone saved the profile since it was read; rolls the save back. */
    private static final class StaleProfile extends RuntimeException {
        StaleProfile() {
            super(null, null, false, false);
        }
    }

    /** "王经理 changed 王一's sales settings meanwhile", from the change log when it knows who. */
    private SalesDeskException staleProfile(RepProfile profile) {
        String who = db.transactionResult(cfg -> ChangeLog.using(cfg, clock).forEntity(profile.userId()).stream()
                .filter(e -> RepProfileRepository.ENTITY.equals(e.entity()))
                .reduce((first, second) -> second).map(ChangeEntry::changedByName).orElse(null));
        return who == null ? new SalesDeskException("dispatch.profile.staleUnknown", profile.name())
                : new SalesDeskException("dispatch.profile.stale", profile.name(), who);
    }

    private static Map<String, Object> snapshot(RepProfile p) {
        Map<String, Object> values = new HashMap<>();
        values.put("territories", String.join(",", p.territories()));
        values.put("monthlyCapacity", p.monthlyCapacity());
        values.put("awayFrom", p.awayFrom());
        values.put("awayUntil", p.awayUntil());
        return values;
    }

    private void requireVisible(Configuration cfg, Actor viewer, UUID repId) {
        boolean visible = UserRepository.using(cfg, clock).visibleTo(viewer).stream().anyMatch(u -> u.id().equals(repId));
        if (!visible) {
            throw new SalesDeskException("dispatch.profile.notVisible");
        }
    }

    public DispatchWeights weights() {
        return db.transactionResult(cfg -> DispatchSettings.using(cfg).weights());
    }

    /** Saves new weights; managers of the whole company (or admins) only. */
    public void saveWeights(Actor actor, DispatchWeights weights) {
        if (!actor.role().seesEverything()) {
            throw new SalesDeskException("dispatch.settings.notAllowed");
        }
        db.transaction(cfg -> DispatchSettings.using(cfg).save(weights));
    }

    /** The managers whose region covers the lead's, else every manager: someone must hear of it. */
    private void tellManagers(Configuration cfg, Lead lead, String words) {
        List<UUID> told = RosterRepository.using(cfg).managersCovering(lead.regionCode());
        ResourceBundle bundle = ResourceBundle.getBundle("io.salesdesk.dispatch.explanations", locale);
        String title = new MessageFormat(bundle.getString("notify.noRep.title"), locale).format(new Object[] {lead.name()});
        NotificationRepository.using(cfg, clock).send(told, "lead.noEligibleRep", title,
                words, LeadRepository.ENTITY, lead.id());
    }

    private static void requireManager(Actor actor) {
        if (actor.role() != Role.MANAGER && !actor.role().seesEverything()) {
            throw new SalesDeskException("dispatch.notAllowed");
        }
    }
}
