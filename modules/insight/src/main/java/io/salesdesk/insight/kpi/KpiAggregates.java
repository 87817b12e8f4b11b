package io.salesdesk.insight.kpi;

import io.salesdesk.insight.kpi.KpiRepository.ActivityTotals;
import io.salesdesk.insight.kpi.KpiRepository.Attrition;
import io.salesdesk.insight.kpi.KpiRepository.ContractTotals;
import io.salesdesk.insight.kpi.KpiRepository.CycleTotals;
import io.salesdesk.insight.kpi.KpiRepository.GroupSum;
import io.salesdesk.insight.kpi.KpiRepository.LeadBucket;
import io.salesdesk.insight.kpi.KpiRepository.LeadTotals;
import io.salesdesk.insight.kpi.KpiRepository.ResponseBucket;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The sums and counts behind every KPI of a period, per group, as {@link KpiRepository} reads
 * them; and the whole scope's, added up from the groups' ({@link #whole()}) so that a grouped
 * report reads each table once, not once per group and once more for the total.
 *
 * <p>Adding up is exact because every record falls in exactly one group (its owner's rep, team or
 * region, or none), and the distinct owners of touches add up for the same reason.
 */
record KpiAggregates(List<GroupSum> signed, List<GroupSum> repHeadcount, List<ResponseBucket> responses,
                     List<CycleTotals> cycles, List<ActivityTotals> activities, List<Attrition> attrition,
                     List<LeadTotals> leads) {

    /** Every aggregate of {@code period}, grouped as {@code kpis} groups. */
    static KpiAggregates read(KpiRepository kpis, Period period, KpiSettings settings) {
        List<ContractTotals> contracts = kpis.contractTotals(period);
        List<LeadBucket> leads = kpis.leadTotals(period);
        Map<UUID, LeadTotals> leadTotals = new LinkedHashMap<>();
        for (LeadBucket b : leads) {
            leadTotals.merge(b.groupId(), new LeadTotals(b.groupId(), b.groupName(), b.leads(), b.won(), b.wonDays()),
                    (x, y) -> new LeadTotals(x.groupId(), x.groupName(), x.leads() + y.leads(), x.won() + y.won(),
                            x.wonDays() + y.wonDays()));
        }
        return new KpiAggregates(
                contracts.stream().map(c -> new GroupSum(c.groupId(), c.groupName(), c.amount(), c.contracts()))
                        .toList(),
                kpis.repHeadcount(period),
                leads.stream().filter(b -> b.responseMinutes() != null)
                        .map(b -> new ResponseBucket(b.groupId(), b.groupName(), b.responseMinutes(), b.leads()))
                        .toList(),
                contracts.stream().map(c -> new CycleTotals(c.groupId(), c.groupName(), c.cycleDays(), c.cycled(),
                        c.excluded())).toList(),
                kpis.activityTotals(period, settings), kpis.attrition(period, settings.keyRoles()),
                List.copyOf(leadTotals.values()));
    }

    /** The groups added up into one row each, as an ungrouped query would return them. */
    KpiAggregates whole() {
        return new KpiAggregates(List.of(sum(signed)), List.of(sum(repHeadcount)), mergeBuckets(),
                List.of(new CycleTotals(null, null, cycles.stream().mapToLong(CycleTotals::days).sum(),
                        cycles.stream().mapToLong(CycleTotals::contracts).sum(),
                        cycles.stream().mapToLong(CycleTotals::excluded).sum())),
                List.of(new ActivityTotals(null, null, activities.stream().mapToLong(ActivityTotals::paperworkMinutes).sum(),
                        activities.stream().mapToLong(ActivityTotals::timedMinutes).sum(),
                        activities.stream().mapToLong(ActivityTotals::timedActivities).sum(),
                        activities.stream().mapToLong(ActivityTotals::touches).sum(),
                        activities.stream().mapToLong(ActivityTotals::touchOwners).sum())),
                List.of(new Attrition(null, null, attrition.stream().mapToLong(Attrition::headcount).sum(),
                        attrition.stream().mapToLong(Attrition::left).sum())),
                List.of(new LeadTotals(null, null, leads.stream().mapToLong(LeadTotals::leads).sum(),
                        leads.stream().mapToLong(LeadTotals::won).sum(),
                        leads.stream().mapToLong(LeadTotals::wonDays).sum())));
    }

    private static GroupSum sum(List<GroupSum> groups) {
        return new GroupSum(null, null, groups.stream().map(GroupSum::sum).reduce(BigDecimal.ZERO, BigDecimal::add),
                groups.stream().mapToLong(GroupSum::count).sum());
    }

    private List<ResponseBucket> mergeBuckets() {
        Map<Integer, Long> counts = new TreeMap<>();
        responses.forEach(b -> counts.merge(b.minutes(), b.count(), Long::sum));
        return counts.entrySet().stream().map(e -> new ResponseBucket(null, null, e.getKey(), e.getValue())).toList();
    }
}
