package io.salesdesk.dispatch.rebalance;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import java.util.List;
import java.util.UUID;

/**
 * A backlog lead as the solver moves it between reps. It may stay with nobody: a lead no rep can
 * take without breaking capacity or territory waits in the backlog rather than break a rule.
 */
@PlanningEntity
final class BacklogLead {

    @PlanningId
    private UUID id;
    private LeadChoices choices;
    @PlanningVariable(valueRangeProviderRefs = "allowedReps", allowsUnassigned = true)
    private RebalanceRep rep;

    /** For the solver, which clones solutions. */
    BacklogLead() {
    }

    BacklogLead(LeadChoices choices) {
        this.id = choices.lead().id();
        this.choices = choices;
    }

    /**
     * The reps the territory rule lets take this lead. Offering the solver only these keeps it
     * from spending most of its moves on reps in other cities, which the territory constraint
     * would reject anyway.
     */
    @ValueRangeProvider(id = "allowedReps")
    List<RebalanceRep> allowedReps() {
        return choices.allowedReps();
    }

    UUID id() {
        return id;
    }

    LeadChoices choices() {
        return choices;
    }

    RebalanceRep rep() {
        return rep;
    }

    void assign(RebalanceRep rep) {
        this.rep = rep;
    }

    /** Whether the territory rule lets the current rep take this lead. */
    boolean allowed() {
        return choices.allows(rep);
    }

    long reward() {
        return choices.reward(rep);
    }

    @Override
    public String toString() {
        return id + " → " + rep;
    }
}
