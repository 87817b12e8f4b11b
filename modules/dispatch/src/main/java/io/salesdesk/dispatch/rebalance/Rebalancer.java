package io.salesdesk.dispatch.rebalance;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import io.salesdesk.dispatch.DispatchWeights;
import io.salesdesk.dispatch.LeadToDispatch;
import io.salesdesk.dispatch.RepCandidate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans where a backlog of unassigned leads should go, all at once, with Timefold Solver: where
 * one-by-one dispatch gives each lead the best rep at that moment, this weighs the whole backlog
 * together, so leads end up with the reps that fit them and load indexes end up even. It only
 * proposes: the manager accepts or rejects the {@link RebalancePlan}.
 *
 * <p>It keeps dispatch's rules: no rep past capacity and no away rep, a lead only to reps covering
 * its region when any with room does, and dispatch's score. Pure and thread-safe: each call solves
 * on the calling thread with a solver of its own, so the caller decides where the wait happens.
 */
public final class Rebalancer {

    private static final Logger log = LoggerFactory.getLogger(Rebalancer.class);
    /** Stop early once the best plan has not improved for this long. */
    private static final Duration UNIMPROVED = Duration.ofSeconds(3);
    /** A fixed seed, so the same backlog searched for the same time gives the same plan. */
    private static final long SEED = 20_261_127L;

    private final SolverFactory<RebalanceSolution> solvers;
    private final DispatchWeights weights;

    /**
     * @param timeLimit the longest a plan may take to search; it stops sooner once no better plan turns up
     */
    public Rebalancer(DispatchWeights weights, Duration timeLimit) {
        this.weights = Objects.requireNonNull(weights, "weights");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("a re-balance needs time to search, not " + timeLimit);
        }
        Duration unimproved = timeLimit.compareTo(UNIMPROVED) < 0 ? timeLimit : UNIMPROVED;
        solvers = SolverFactory.create(new SolverConfig()
                .withSolutionClass(RebalanceSolution.class)
                .withEntityClasses(BacklogLead.class)
                .withConstraintProviderClass(RebalanceConstraints.class)
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(SEED)
                .withPhases(new ConstructionHeuristicPhaseConfig(), tabuSearch())
                .withTerminationConfig(new TerminationConfig()
                        .withSpentLimit(timeLimit)
                        .withUnimprovedSpentLimit(unimproved)));
    }

    /**
     * Tabu search rather than the solver's default late acceptance: on the benchmark's 2,000 leads
     * over 50 reps, 10 s of late acceptance left a plan about 4 % lower on dispatch's score than
     * tabu search, which settles in about 10 s with the same number of leads placed.
     */
    private static LocalSearchPhaseConfig tabuSearch() {
        return new LocalSearchPhaseConfig()
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withEntityTabuSize(7))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1000));
    }

    /** The best plan found within the time limit for giving the backlog to the roster. */
    public RebalancePlan plan(List<RepCandidate> roster, List<LeadToDispatch> backlog) {
        RebalanceProblem problem = new RebalanceProblem(roster, backlog, weights);
        RebalanceSolution unsolved = problem.unsolved();
        RebalanceSolution solved = unsolved.leads().isEmpty() ? unsolved : solvers.buildSolver().solve(unsolved);
        log.debug("Re-balanced {} leads over {} reps: {}", backlog.size(), roster.size(), solved.score());
        return PlanSummary.of(problem, solved);
    }
}
