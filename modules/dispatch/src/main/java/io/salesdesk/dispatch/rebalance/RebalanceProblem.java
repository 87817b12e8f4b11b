package io.salesdesk.dispatch.rebalance;

import io.salesdesk.dispatch.DispatchWeights;
import io.salesdesk.dispatch.LeadToDispatch;
import io.salesdesk.dispatch.RepCandidate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A roster and a backlog turned into the solver's terms: the reps who take leads, and for every
 * lead its choices among them. Leads no rep may take are kept here but left out of the solve.
 */
final class RebalanceProblem {

    private final List<RepCandidate> roster;
    private final List<RebalanceRep> reps = new ArrayList<>();
    private final List<LeadChoices> leads = new ArrayList<>();
    private final DispatchWeights weights;

    RebalanceProblem(List<RepCandidate> roster, List<LeadToDispatch> backlog, DispatchWeights weights) {
        this.roster = List.copyOf(roster);
        this.weights = weights;
        for (RepCandidate c : this.roster) {
            if (c.available()) {
                reps.add(new RebalanceRep(reps.size(), c, weights, backlog.size()));
            }
        }
        Set<UUID> seen = new HashSet<>();
        for (LeadToDispatch lead : backlog) {
            if (!seen.add(lead.id())) {
                throw new IllegalArgumentException("lead " + lead.id() + " is twice in the backlog");
            }
            leads.add(new LeadChoices(lead, reps, weights));
        }
    }

    /** A fresh solution with every lead some rep may take, all unplaced. */
    RebalanceSolution unsolved() {
        List<BacklogLead> movable = new ArrayList<>();
        for (LeadChoices choices : leads) {
            if (!choices.allowedReps().isEmpty()) {
                movable.add(new BacklogLead(choices));
            }
        }
        return new RebalanceSolution(reps, movable);
    }

    List<RepCandidate> roster() {
        return roster;
    }

    List<LeadChoices> leads() {
        return leads;
    }

    DispatchWeights weights() {
        return weights;
    }
}
