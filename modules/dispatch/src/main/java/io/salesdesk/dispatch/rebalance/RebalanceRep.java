package io.salesdesk.dispatch.rebalance;

import io.salesdesk.dispatch.DispatchWeights;
import io.salesdesk.dispatch.RepCandidate;

/**
 * A rep the solver may give leads to, with what the constraints ask of them worked out once: how
 * many leads still fit their capacity, and what a number of leads costs in load.
 */
final class RebalanceRep {

    private final int index;
    private final RepCandidate candidate;
    private final int room;
    private final double loadBefore;
    private final double loadPerLead;
    private final double loadWeight;

    /**
     * @param index    position among the available reps, by which each lead keeps its choices
     * @param mostLeads no rep needs room for more leads than the backlog holds
     */
    RebalanceRep(int index, RepCandidate candidate, DispatchWeights weights, int mostLeads) {
        this.index = index;
        this.candidate = candidate;
        int fits = 0;
        while (fits < mostLeads && weights.canTakeOneMore(candidate, candidate.openLeads() + fits)) {
            fits++;
        }
        this.room = fits;
        this.loadBefore = weights.loadIndex(candidate, candidate.openLeads());
        this.loadPerLead = weights.perLead() / candidate.monthlyCapacity();
        this.loadWeight = weights.load();
    }

    int index() {
        return index;
    }

    RepCandidate candidate() {
        return candidate;
    }

    /** Leads this rep can still take before passing their capacity (the same test dispatch makes). */
    int room() {
        return room;
    }

    /**
     * The load part of dispatch's score summed over {@code leads} new leads, each seeing the load the
     * ones before it left: {@code load × Σ loadIndex}. Its growth with every lead is the rep's load
     * then, so the cheapest plan fills the lightest reps first and evens out load indexes, whatever
     * each rep's capacity.
     */
    long loadCost(int leads) {
        double summedLoad = leads * loadBefore + loadPerLead * leads * (leads - 1) / 2.0;
        return Math.round(RebalanceConstraints.SCALE * loadWeight * summedLoad);
    }

    @Override
    public String toString() {
        return candidate.name();
    }
}
