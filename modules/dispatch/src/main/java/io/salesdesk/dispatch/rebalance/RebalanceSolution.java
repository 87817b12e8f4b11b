package io.salesdesk.dispatch.rebalance;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.util.List;

/**
 * The solver's view of a re-balance: the reps who take leads and the backlog leads it moves
 * between them. Hard: capacity and territory; medium: leads left unplaced; soft: dispatch's score.
 */
@PlanningSolution
final class RebalanceSolution {

    @ProblemFactCollectionProperty
    private List<RebalanceRep> reps;
    @PlanningEntityCollectionProperty
    private List<BacklogLead> leads;
    @PlanningScore
    private HardMediumSoftLongScore score;

    /** For the solver, which clones solutions. */
    RebalanceSolution() {
    }

    RebalanceSolution(List<RebalanceRep> reps, List<BacklogLead> leads) {
        this.reps = reps;
        this.leads = leads;
    }

    List<RebalanceRep> reps() {
        return reps;
    }

    List<BacklogLead> leads() {
        return leads;
    }

    HardMediumSoftLongScore score() {
        return score;
    }
}
