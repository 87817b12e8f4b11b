package io.salesdesk.insight.tier;

import io.salesdesk.core.Actor;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.db.Database;
import io.salesdesk.workflow.sla.CalendarDay;
import io.salesdesk.workflow.sla.CalendarRepository;
import io.salesdesk.workflow.sla.WorkingCalendar;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tier action rules: their definitions, completion per customer, rep and team over a period, the
 * quarterly bonus coefficient table, and the obligations still open this period (for My Day).
 * Periods are days in the company's zone; completion counts live records the viewer may see.
 */
public final class TierService {

    private final Database db;
    private final Clock clock;

    public TierService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<TierRule> rules() {
        return db.transactionResult(cfg -> TierRuleRepository.using(cfg, clock).all());
    }

    /** Saves a new ({@code id} null) or changed rule; managers and company-wide roles only. */
    public TierRule save(Actor actor, TierRule rule) {
        requireEditor(actor);
        List<FieldProblem> problems = new ArrayList<>();
        if (rule.name() == null || rule.name().isBlank()) {
            problems.add(FieldProblem.of("name", "tier.error.nameRequired"));
        } else if (rule.name().strip().length() > 100) {
            problems.add(FieldProblem.of("name", "tier.error.nameTooLong", 100));
        }
        if (rule.tier() == null) {
            problems.add(FieldProblem.of("tier", "tier.error.tierRequired"));
        }
        if (rule.activityKind() == null) {
            problems.add(FieldProblem.of("activityKind", "tier.error.kindRequired"));
        }
        if (rule.count() < 1 || rule.count() > 100) {
            problems.add(FieldProblem.of("count", "tier.error.count", 1, 100));
        }
        if (rule.period() == null) {
            problems.add(FieldProblem.of("period", "tier.error.periodRequired"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        TierRule clean = new TierRule(rule.id(), rule.name().strip(), rule.tier(), rule.activityKind(), rule.count(),
                rule.period(), rule.enabled(), rule.version());
        return db.transactionResult(cfg -> {
            TierRuleRepository repo = TierRuleRepository.using(cfg, clock);
            return clean.id() == null ? repo.insert(actor, ChangeReason.user(), clean)
                    : repo.update(actor, ChangeReason.user(), clean);
        });
    }

    public void delete(Actor actor, TierRule rule) {
        requireEditor(actor);
        db.transaction(cfg -> TierRuleRepository.using(cfg, clock).delete(actor, ChangeReason.user(), rule.id(),
                rule.version()));
    }

    /** The bonus coefficient formula. */
    public BonusFormula formula() {
        return db.transactionResult(cfg -> TierRuleRepository.using(cfg, clock).formula());
    }

    /**
     * Replaces the formula: the first band starts at 0 %, lower bounds rise, coefficients lie in
     * 0–5. Company-wide roles only (it decides pay).
     */
    public BonusFormula saveFormula(Actor actor, BonusFormula formula) {
        if (!actor.role().seesEverything()) {
            throw new SalesDeskException("tier.error.formulaNotAllowed");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<BonusBand> bands = formula.bands();
        if (bands.isEmpty() || bands.get(0).lowerPercent() != 0) {
            problems.add(FieldProblem.of("bands", "tier.error.formulaStart"));
        }
        for (int i = 0; i < bands.size(); i++) {
            BonusBand b = bands.get(i);
            if (i > 0 && b.lowerPercent() == bands.get(i - 1).lowerPercent()) {
                problems.add(FieldProblem.of("bands[" + (i + 1) + "].lowerPercent", "tier.error.formulaDuplicate",
                        b.lowerPercent()));
            }
            if (b.lowerPercent() < 0 || b.lowerPercent() > 1000) {
                problems.add(FieldProblem.of("bands[" + (i + 1) + "].lowerPercent", "tier.error.formulaPercent"));
            }
            if (b.coefficient() == null || b.coefficient().signum() < 0
                    || b.coefficient().compareTo(BigDecimal.valueOf(5)) > 0 || b.coefficient().scale() > 2) {
                problems.add(FieldProblem.of("bands[" + (i + 1) + "].coefficient", "tier.error.formulaCoefficient"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        db.transaction(cfg -> TierRuleRepository.using(cfg, clock).saveFormula(actor, ChangeReason.user(), formula));
        return formula();
    }

    /**
     * Completion per rep over [from, to): for every enabled rule, each of its periods inside the
     * range counts on its own (a monthly rule over a quarter requires its count in each month).
     */
    public List<Completion> perRep(Actor viewer, LocalDate from, LocalDate to) {
        return db.transactionResult(cfg -> {
            TierCompletionRepository repo = TierCompletionRepository.using(cfg);
            Map<UUID, Completion> reps = new LinkedHashMap<>();
            for (TierRule rule : TierRuleRepository.using(cfg, clock).all()) {
                if (!rule.enabled()) {
                    continue;
                }
                for (LocalDate start = rule.period().start(from); start.isBefore(to);
                     start = rule.period().end(start)) {
                    LocalDate end = rule.period().end(start);
                    for (Completion c : repo.perRep(viewer, rule, at(start), at(end))) {
                        reps.merge(c.id(), c, (a, b) -> a.plus(b.required(), b.done()));
                    }
                }
            }
            return reps.values().stream().sorted(Comparator.comparing(Completion::name)).toList();
        });
    }

    /** Completion per team: its reps' required and done added up. */
    public List<Completion> perTeam(List<Completion> reps) {
        Map<String, Completion> teams = new LinkedHashMap<>();
        for (Completion r : reps) {
            String team = r.group() == null ? "" : r.group();
            teams.merge(team, new Completion(null, team, null, r.required(), r.done()),
                    (a, b) -> a.plus(b.required(), b.done()));
        }
        return teams.values().stream().sorted(Comparator.comparing(Completion::name)).toList();
    }

    /** Completion per customer under one rule in the period holding {@code day}. */
    public List<Completion> perCustomer(Actor viewer, TierRule rule, LocalDate day) {
        return db.transactionResult(cfg -> TierCompletionRepository.using(cfg).perCustomer(viewer, rule,
                at(rule.period().start(day)), at(rule.period().end(day)), false));
    }

    /** The quarter's bonus coefficient per rep from their completion and the formula. */
    public List<BonusRow> bonusTable(Actor viewer, int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new SalesDeskException("tier.error.quarter", quarter);
        }
        LocalDate from = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        BonusFormula formula = formula();
        return perRep(viewer, from, from.plusMonths(3)).stream()
                .map(c -> new BonusRow(c, formula.coefficient(c.ratio()).orElse(null))).toList();
    }

    /** What the viewer's visible customers still need this period under each rule, fewest days left first. */
    public List<Obligation> obligations(Actor viewer) {
        LocalDate today = BusinessTime.today(clock);
        return db.transactionResult(cfg -> {
            WorkingCalendar calendar = new WorkingCalendar(CalendarRepository.using(cfg).days().stream()
                    .collect(Collectors.toMap(CalendarDay::day, d -> d.kind() == CalendarDay.Kind.WORKDAY)),
                    LocalTime.of(9, 0), LocalTime.of(18, 0));
            TierCompletionRepository repo = TierCompletionRepository.using(cfg);
            List<Obligation> open = new ArrayList<>();
            for (TierRule rule : TierRuleRepository.using(cfg, clock).all()) {
                if (!rule.enabled()) {
                    continue;
                }
                LocalDate end = rule.period().end(today);
                int left = 0;
                for (LocalDate d = today; d.isBefore(end); d = d.plusDays(1)) {
                    left += calendar.isWorkingDay(d) ? 1 : 0;
                }
                int workingDaysLeft = left;
                for (Completion c : repo.perCustomer(viewer, rule, at(rule.period().start(today)), at(end), true)) {
                    open.add(new Obligation(c.id(), c.name(), rule.tier(), c.group(), rule.name(), rule.activityKind(),
                            rule.period(), c.required(), c.done(), end.minusDays(1), workingDaysLeft));
                }
            }
            open.sort(Comparator.comparingInt(Obligation::workingDaysLeft).thenComparing(o -> -o.missing())
                    .thenComparing(Obligation::customerName));
            return open;
        });
    }

    private static OffsetDateTime at(LocalDate day) {
        return day.atStartOfDay(BusinessTime.ZONE).toOffsetDateTime();
    }

    private static void requireEditor(Actor actor) {
        if (actor.role() != Role.MANAGER && !actor.role().seesEverything()) {
            throw new SalesDeskException("tier.error.notAllowed");
        }
    }
}
