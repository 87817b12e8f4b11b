package io.salesdesk.dispatch.rebalance;

import io.salesdesk.crm.lead.Lead;
import io.salesdesk.dispatch.DispatchWeights;
import io.salesdesk.dispatch.HistoryFit;
import io.salesdesk.dispatch.LeadToDispatch;
import io.salesdesk.dispatch.RegionMatch;
import io.salesdesk.dispatch.RepCandidate;
import java.util.ArrayList;
import java.util.List;

/**
 * What each rep would mean for one lead, fixed for the whole solve: whether the territory rule lets
 * them take it, and how well their region and track record fit it. Worked out once so that the
 * solver's millions of moves only look numbers up.
 *
 * <p>The territory rule is dispatch's: the reps whose territory covers the lead's region and who
 * have room, or, when there are none or the lead has no region, every rep with room (flagged).
 */
final class LeadChoices {

    private final LeadToDispatch lead;
    private final Lead.AssignmentFlag flag;
    private final boolean[] allowed;
    private final RegionMatch[] match;
    private final double[] fit;
    private final long[] reward;
    private final List<RebalanceRep> allowedReps;

    LeadChoices(LeadToDispatch lead, List<RebalanceRep> reps, DispatchWeights weights) {
        this.lead = lead;
        int n = reps.size();
        allowed = new boolean[n];
        match = new RegionMatch[n];
        fit = new double[n];
        reward = new long[n];
        List<RebalanceRep> covering = new ArrayList<>();
        List<RebalanceRep> withRoom = new ArrayList<>();
        for (RebalanceRep r : reps) {
            match[r.index()] = r.candidate().bestMatch(lead.regionCode()).level();
            if (r.room() > 0) {
                withRoom.add(r);
                if (match[r.index()] != RegionMatch.NONE) {
                    covering.add(r);
                }
            }
        }
        if (lead.regionCode() == null) {
            flag = Lead.AssignmentFlag.NO_REGION;
        } else {
            flag = covering.isEmpty() ? Lead.AssignmentFlag.OUT_OF_TERRITORY : null;
        }
        List<RebalanceRep> pool = covering.isEmpty() ? withRoom : covering;
        List<RepCandidate> weighed = new ArrayList<>(pool.size());
        pool.forEach(r -> weighed.add(r.candidate()));
        double fastestCycle = HistoryFit.fastestCycle(weighed, lead.industry());
        allowedReps = List.copyOf(pool);
        for (RebalanceRep r : pool) {
            int i = r.index();
            allowed[i] = true;
            fit[i] = HistoryFit.of(r.candidate().recordFor(lead.industry()), fastestCycle);
            double score = weights.region() * match[i].score() + weights.fit() * fit[i];
            reward[i] = Math.round(RebalanceConstraints.SCALE * score);
        }
    }

    LeadToDispatch lead() {
        return lead;
    }

    /** NO_REGION or OUT_OF_TERRITORY as dispatch would flag the lead, or null. */
    Lead.AssignmentFlag flag() {
        return flag;
    }

    /** The reps the territory rule lets take the lead; none when no rep has room. */
    List<RebalanceRep> allowedReps() {
        return allowedReps;
    }

    boolean allows(RebalanceRep rep) {
        return allowed[rep.index()];
    }

    RegionMatch match(RebalanceRep rep) {
        return match[rep.index()];
    }

    double fit(RebalanceRep rep) {
        return fit[rep.index()];
    }

    /** The region and track-record part of dispatch's score for this rep, scaled for the solver. */
    long reward(RebalanceRep rep) {
        return reward[rep.index()];
    }
}
