package io.salesdesk.dispatch.rebalance;

import io.salesdesk.crm.lead.Lead;
import io.salesdesk.dispatch.DispatchWeights;
import io.salesdesk.dispatch.RegionMatch;
import io.salesdesk.dispatch.RepCandidate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads a solved re-balance back into the manager's terms: placements, the before/after table and totals. */
final class PlanSummary {

    private PlanSummary() {
    }

    static RebalancePlan of(RebalanceProblem problem, RebalanceSolution solved) {
        Map<UUID, RebalanceRep> chosen = new HashMap<>();
        Map<RepCandidate, Integer> added = new IdentityHashMap<>();
        for (BacklogLead lead : solved.leads()) {
            if (lead.rep() != null) {
                chosen.put(lead.id(), lead.rep());
                added.merge(lead.rep().candidate(), 1, Integer::sum);
            }
        }
        List<RebalancePlan.Placement> placements = new ArrayList<>();
        int placed = 0;
        int regionMatched = 0;
        double totalFit = 0;
        for (LeadChoices choices : problem.leads()) {
            UUID leadId = choices.lead().id();
            RebalanceRep rep = chosen.get(leadId);
            if (rep == null) {
                placements.add(new RebalancePlan.Placement(leadId, null, null, Lead.AssignmentFlag.NO_ELIGIBLE_REP,
                        RegionMatch.NONE, 0));
                continue;
            }
            RegionMatch match = choices.match(rep);
            placements.add(new RebalancePlan.Placement(leadId, rep.candidate().userId(), rep.candidate().name(),
                    choices.flag(), match, choices.fit(rep)));
            placed++;
            regionMatched += match == RegionMatch.NONE ? 0 : 1;
            totalFit += choices.fit(rep);
        }
        DispatchWeights weights = problem.weights();
        List<RebalancePlan.RepLoad> loads = new ArrayList<>();
        List<Double> before = new ArrayList<>();
        List<Double> after = new ArrayList<>();
        for (RepCandidate c : problem.roster()) {
            int leads = added.getOrDefault(c, 0);
            boolean capacity = c.monthlyCapacity() > 0;
            double now = capacity ? weights.loadIndex(c, c.openLeads()) : Double.NaN;
            double then = capacity ? weights.loadIndex(c, c.openLeads() + leads) : Double.NaN;
            loads.add(new RebalancePlan.RepLoad(c.userId(), c.name(), c.available(), leads, now, then));
            if (c.available()) {
                before.add(now);
                after.add(then);
            }
        }
        return new RebalancePlan(placements, loads, LoadSpread.of(before), LoadSpread.of(after), placed, regionMatched,
                totalFit);
    }
}
