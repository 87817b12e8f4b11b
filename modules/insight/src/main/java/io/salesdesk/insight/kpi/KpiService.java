package io.salesdesk.insight.kpi;

import io.salesdesk.commerce.cost.Cac;
import io.salesdesk.commerce.cost.CostService;
import io.salesdesk.commerce.cost.CustomerCac;
import io.salesdesk.core.Actor;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.Database;
import io.salesdesk.workflow.sla.CalendarRepository;
import io.salesdesk.workflow.sla.WorkingCalendar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KPI dashboard's figures: every KPI of {@link KpiKind} for a period, for the whole scope the
 * viewer may see and per rep, team or region; a period against its comparison period; the monthly
 * signed amounts behind the bar chart; and the records behind each figure. All aggregation runs in
 * the database ({@link KpiRepository}); this class turns sums and counts into figures and says why
 * a figure has no value instead of dividing by zero.
 */
public final class KpiService {

    private static final Logger LOG = LoggerFactory.getLogger(KpiService.class);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String CAC_NOT_ALLOWED = "kpi.noData.cacNotAllowed";

    private final Database db;
    private final CostService costs;

    public KpiService(Database db, CostService costs) {
        this.db = Objects.requireNonNull(db, "db");
        this.costs = Objects.requireNonNull(costs, "costs");
    }

    /** Every KPI of {@code period}: the whole visible scope and, unless ALL, per group. */
    public KpiReport report(Actor viewer, Period period, KpiGrouping grouping) {
        Cac cac = null;
        String cacProblem = null;
        try {
            cac = costs.cac(viewer, period.from(), period.to());
        } catch (SalesDeskException e) {
            cacProblem = CAC_NOT_ALLOWED;
        }
        return report(viewer, period, grouping, cac, cacProblem);
    }

    /** {@link #report(Actor, Period, KpiGrouping)} with the CAC already worked out (or why not). */
    private KpiReport report(Actor viewer, Period period, KpiGrouping grouping, Cac cac, String cacProblem) {
        long started = System.nanoTime();
        KpiReport report = db.transactionResult(cfg -> {
            KpiSettings settings = KpiSettings.load(cfg);
            int workingDays = workingDays(cfg, period);
            // One read per table: the whole scope's totals are the groups' added up.
            KpiAggregates grouped = KpiAggregates.read(KpiRepository.using(cfg, viewer, grouping), period, settings);
            KpiAggregates whole = grouping == KpiGrouping.ALL ? grouped : grouped.whole();
            List<KpiGroupFigures> totals = figures(whole, period, KpiGrouping.ALL, workingDays, cac, cacProblem);
            KpiGroupFigures total = totals.isEmpty() ? emptyGroup() : totals.get(0);
            List<KpiGroupFigures> groups = grouping == KpiGrouping.ALL ? List.of()
                    : figures(grouped, period, grouping, workingDays, null, "kpi.noData.cacCompanyOnly");
            return new KpiReport(period, grouping, total, groups);
        });
        LOG.debug("KPIs {} by {} in {} ms", period, grouping, (System.nanoTime() - started) / 1_000_000);
        return report;
    }

    /** The KPIs of both periods of {@code periods}. */
    public KpiComparison compare(Actor viewer, PeriodComparison periods, KpiGrouping grouping) {
        Period current = periods.current();
        Period baseline = periods.baseline();
        if (!baseline.to().plusDays(1).equals(current.from())) {
            return new KpiComparison(periods, report(viewer, current, grouping), report(viewer, baseline, grouping));
        }
        // Back-to-back periods (last quarter, before/after a date): both CACs in one query.
        List<Cac> cacs;
        try {
            cacs = costs.cacOfPeriods(viewer, List.of(baseline.from(), current.from()), current.to());
        } catch (SalesDeskException e) {
            return new KpiComparison(periods, report(viewer, current, grouping, null, CAC_NOT_ALLOWED),
                    report(viewer, baseline, grouping, null, CAC_NOT_ALLOWED));
        }
        return new KpiComparison(periods, report(viewer, current, grouping, cacs.get(1), null),
                report(viewer, baseline, grouping, cacs.get(0), null));
    }

    /** Signed amount per group and month (the bar chart "signed per rep per month"). */
    public List<MonthlyAmount> signedByMonth(Actor viewer, Period period, KpiGrouping grouping) {
        return db.transactionResult(cfg -> KpiRepository.using(cfg, viewer, grouping).signedByMonth(period));
    }

    /**
     * The whole-scope figures of each of the {@code months} months ending with {@code last}, oldest
     * first: the sparklines of the KPI tiles.
     */
    public List<KpiReport> monthlyTrend(Actor viewer, YearMonth last, int months) {
        YearMonth first = last.minusMonths(months - 1L);
        // The CAC of every month in one query, not one per month.
        List<Cac> cacs = null;
        try {
            cacs = costs.cacByMonth(viewer, first, last);
        } catch (SalesDeskException e) {
            cacs = null;
        }
        List<KpiReport> trend = new ArrayList<>(months);
        for (int i = 0; i < months; i++) {
            trend.add(report(viewer, Period.month(first.plusMonths(i)), KpiGrouping.ALL,
                    cacs == null ? null : cacs.get(i), cacs == null ? CAC_NOT_ALLOWED : null));
        }
        return trend;
    }

    /**
     * The records behind {@code kind}'s figure for the group {@code groupId} (null: the whole scope,
     * or unassigned leads when grouped); each record's value adds up to the figure's numerator.
     */
    public List<KpiRecord> drillDown(Actor viewer, KpiKind kind, Period period, KpiGrouping grouping, UUID groupId) {
        if (kind == KpiKind.CAC || kind == KpiKind.CAC_MEASURED_SHARE) {
            try {
                return costs.cacByCustomer(viewer, period.from(), period.to(), KpiRepository.DRILL_LIMIT).stream()
                        .map(KpiService::cacRecord).toList();
            } catch (SalesDeskException e) {
                return List.of();
            }
        }
        return db.transactionResult(cfg -> {
            KpiRepository kpis = KpiRepository.using(cfg, viewer, grouping);
            KpiSettings settings = KpiSettings.load(cfg);
            return switch (kind) {
                case SIGNED_AMOUNT, SIGNED_PER_REP_MONTH -> kpis.signedContracts(period, groupId);
                case RESPONSE_MEDIAN, RESPONSE_P90 -> kpis.respondedLeads(period, groupId);
                case CONTRACT_CYCLE -> kpis.cycleContracts(period, groupId);
                case PAPERWORK_SHARE -> kpis.paperwork(period, groupId, settings);
                case KEY_ROLE_ATTRITION -> kpis.leavers(period, groupId, settings.keyRoles());
                case DAILY_TOUCHES -> kpis.touches(period, groupId, settings);
                case LEAD_CONVERSION -> kpis.createdLeads(period, groupId);
                case LEAD_CYCLE -> kpis.wonDeals(period, groupId);
                case CAC, CAC_MEASURED_SHARE -> List.<KpiRecord>of();
            };
        });
    }

    /** What the KPIs count (paperwork and touch kinds, key roles). */
    public KpiSettings settings() {
        return db.transactionResult(KpiSettings::load);
    }

    public void saveSettings(KpiSettings settings) {
        db.transaction(settings::save);
    }

    // ------------------------------------------------------------------ figures

    private static List<KpiGroupFigures> figures(KpiAggregates kpis, Period period, KpiGrouping grouping,
                                                 int workingDays, Cac cac, String cacProblem) {
        Map<UUID, String> names = new HashMap<>();
        Map<UUID, Map<KpiKind, KpiFigure>> byGroup = new LinkedHashMap<>();
        Function<UUID, Map<KpiKind, KpiFigure>> group = id -> byGroup.computeIfAbsent(id,
                k -> new EnumMap<>(KpiKind.class));

        Map<UUID, Long> reps = new HashMap<>();
        kpis.repHeadcount().forEach(h -> reps.put(h.groupId(), h.count()));
        for (KpiRepository.GroupSum s : kpis.signed()) {
            if (s.count() == 0) {
                continue; // the whole scope's row of an empty period
            }
            names.put(s.groupId(), s.groupName());
            Map<KpiKind, KpiFigure> f = group.apply(s.groupId());
            f.put(KpiKind.SIGNED_AMOUNT, KpiFigure.of(KpiKind.SIGNED_AMOUNT, s.sum().setScale(2, RoundingMode.HALF_UP),
                    s.count()));
            long headcount = reps.getOrDefault(s.groupId(), 0L);
            long divisor = headcount > 0 ? headcount : grouping == KpiGrouping.REP ? 1 : 0;
            f.put(KpiKind.SIGNED_PER_REP_MONTH, divisor == 0 ? KpiFigure.none(KpiKind.SIGNED_PER_REP_MONTH,
                    "kpi.noData.noReps") : KpiFigure.of(KpiKind.SIGNED_PER_REP_MONTH, s.sum().divide(
                    BigDecimal.valueOf(divisor).multiply(period.months()), 2, RoundingMode.HALF_UP), s.count()));
        }

        Map<UUID, List<Percentiles.Bucket>> distributions = new LinkedHashMap<>();
        for (KpiRepository.ResponseBucket b : kpis.responses()) {
            names.put(b.groupId(), b.groupName());
            distributions.computeIfAbsent(b.groupId(), k -> new ArrayList<>())
                    .add(new Percentiles.Bucket(b.minutes(), b.count()));
        }
        distributions.forEach((id, buckets) -> {
            long n = buckets.stream().mapToLong(Percentiles.Bucket::count).sum();
            buckets.sort(Comparator.comparingInt(Percentiles.Bucket::value));
            Map<KpiKind, KpiFigure> f = group.apply(id);
            f.put(KpiKind.RESPONSE_MEDIAN, KpiFigure.of(KpiKind.RESPONSE_MEDIAN,
                    BigDecimal.valueOf(Percentiles.nearestRank(buckets, 0.5)), n));
            f.put(KpiKind.RESPONSE_P90, KpiFigure.of(KpiKind.RESPONSE_P90,
                    BigDecimal.valueOf(Percentiles.nearestRank(buckets, 0.9)), n));
        });

        for (KpiRepository.CycleTotals c : kpis.cycles()) {
            if (c.contracts() == 0 && c.excluded() == 0) {
                continue;
            }
            names.put(c.groupId(), c.groupName());
            // Signed before submitted is a data error, not a short cycle: left out, and counted.
            group.apply(c.groupId()).put(KpiKind.CONTRACT_CYCLE, c.contracts() == 0
                    ? KpiFigure.none(KpiKind.CONTRACT_CYCLE, "kpi.noData.onlySignedBeforeSubmitted")
                    : KpiFigure.of(KpiKind.CONTRACT_CYCLE, BigDecimal.valueOf(c.days())
                            .divide(BigDecimal.valueOf(c.contracts()), 1, RoundingMode.HALF_UP), c.contracts(),
                            c.excluded()));
        }

        for (KpiRepository.ActivityTotals a : kpis.activities()) {
            names.put(a.groupId(), a.groupName());
            Map<KpiKind, KpiFigure> f = group.apply(a.groupId());
            if (a.timedMinutes() > 0) {
                f.put(KpiKind.PAPERWORK_SHARE, KpiFigure.of(KpiKind.PAPERWORK_SHARE, percent(a.paperworkMinutes(),
                        a.timedMinutes()), a.timedActivities()));
            }
            long headcount = reps.getOrDefault(a.groupId(), 0L);
            long perRep = headcount > 0 ? headcount : a.touchOwners();
            if (a.touches() > 0 && workingDays > 0 && perRep > 0) {
                f.put(KpiKind.DAILY_TOUCHES, KpiFigure.of(KpiKind.DAILY_TOUCHES, BigDecimal.valueOf(a.touches())
                        .divide(BigDecimal.valueOf(perRep * workingDays), 2, RoundingMode.HALF_UP), a.touches()));
            } else if (a.touches() > 0) {
                f.put(KpiKind.DAILY_TOUCHES, KpiFigure.none(KpiKind.DAILY_TOUCHES, "kpi.noData.noWorkingDays"));
            }
        }

        for (KpiRepository.Attrition a : kpis.attrition()) {
            names.put(a.groupId(), a.groupName());
            if (a.headcount() > 0) {
                group.apply(a.groupId()).put(KpiKind.KEY_ROLE_ATTRITION, KpiFigure.of(KpiKind.KEY_ROLE_ATTRITION,
                        percent(a.left(), a.headcount()), a.left()));
            }
        }

        for (KpiRepository.LeadTotals l : kpis.leads()) {
            names.put(l.groupId(), l.groupName());
            Map<KpiKind, KpiFigure> f = group.apply(l.groupId());
            if (l.leads() > 0) {
                f.put(KpiKind.LEAD_CONVERSION, KpiFigure.of(KpiKind.LEAD_CONVERSION, percent(l.won(), l.leads()),
                        l.leads()));
            }
            if (l.won() > 0) {
                f.put(KpiKind.LEAD_CYCLE, KpiFigure.of(KpiKind.LEAD_CYCLE, BigDecimal.valueOf(l.wonDays())
                        .divide(BigDecimal.valueOf(l.won()), 1, RoundingMode.HALF_UP), l.won()));
            }
        }

        if (grouping == KpiGrouping.ALL) {
            Map<KpiKind, KpiFigure> f = group.apply(null);
            f.put(KpiKind.CAC, cacFigure(cac, cacProblem));
            f.put(KpiKind.CAC_MEASURED_SHARE, cacShare(cac, cacProblem));
        }

        List<KpiGroupFigures> result = new ArrayList<>();
        byGroup.forEach((id, f) -> {
            for (KpiKind kind : KpiKind.values()) {
                f.putIfAbsent(kind, KpiFigure.none(kind, noDataReason(kind, cacProblem)));
            }
            result.add(new KpiGroupFigures(id, names.get(id), f));
        });
        result.sort(Comparator.comparing((KpiGroupFigures g) -> g.groupName() == null ? "\uffff" : g.groupName()));
        return result;
    }

    private static KpiGroupFigures emptyGroup() {
        Map<KpiKind, KpiFigure> f = new EnumMap<>(KpiKind.class);
        for (KpiKind kind : KpiKind.values()) {
            f.put(kind, KpiFigure.none(kind, noDataReason(kind, null)));
        }
        return new KpiGroupFigures(null, null, f);
    }

    /** Why a KPI has no value when its records are missing. */
    static String noDataReason(KpiKind kind, String cacProblem) {
        return switch (kind) {
            case SIGNED_AMOUNT, CONTRACT_CYCLE -> "kpi.noData.noContracts";
            case SIGNED_PER_REP_MONTH -> "kpi.noData.noContracts";
            case RESPONSE_MEDIAN, RESPONSE_P90 -> "kpi.noData.noRespondedLeads";
            case PAPERWORK_SHARE -> "kpi.noData.noTimedActivities";
            case KEY_ROLE_ATTRITION -> "kpi.noData.noKeyRoleHeadcount";
            case CAC, CAC_MEASURED_SHARE -> cacProblem != null ? cacProblem : "kpi.noData.noCustomersWon";
            case DAILY_TOUCHES -> "kpi.noData.noTouches";
            case LEAD_CONVERSION -> "kpi.noData.noLeads";
            case LEAD_CYCLE -> "kpi.noData.noWonLeads";
        };
    }

    private static KpiFigure cacFigure(Cac cac, String problem) {
        if (cac == null) {
            return KpiFigure.none(KpiKind.CAC, problem);
        }
        return cac.customersWon() == 0 ? KpiFigure.none(KpiKind.CAC, "kpi.noData.noCustomersWon")
                : KpiFigure.of(KpiKind.CAC, cac.perCustomer(), cac.customersWon());
    }

    private static KpiFigure cacShare(Cac cac, String problem) {
        if (cac == null) {
            return KpiFigure.none(KpiKind.CAC_MEASURED_SHARE, problem);
        }
        return cac.total().signum() == 0 ? KpiFigure.none(KpiKind.CAC_MEASURED_SHARE, "kpi.noData.noAcquisitionCost")
                : KpiFigure.of(KpiKind.CAC_MEASURED_SHARE, cac.measuredShare().multiply(HUNDRED)
                        .setScale(1, RoundingMode.HALF_UP), cac.customersWon());
    }

    private static KpiRecord cacRecord(CustomerCac c) {
        return new KpiRecord(KpiRecord.Source.CUSTOMER, c.customerId(), c.customerId(), c.customerName(), null,
                c.wonAt() == null ? null : c.wonAt().atZoneSameInstant(BusinessTime.ZONE).toLocalDate(), c.total(),
                c.measured().toPlainString() + " / " + c.allocated().toPlainString());
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** Working days of the period in the workspace's working calendar (holidays, 调休). */
    private static int workingDays(Configuration cfg, Period period) {
        WorkingCalendar calendar = CalendarRepository.using(cfg).calendar();
        int days = 0;
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                days++;
            }
        }
        return days;
    }
}
