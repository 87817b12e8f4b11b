package io.salesdesk.dispatch.rebalance;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.bi.BiConstraintStream;
import ai.timefold.solver.core.api.score.stream.uni.UniConstraintCollector;
import java.util.function.Function;

/**
 * The rules of a re-balance. Hard: no rep past capacity, no lead outside the territory rule.
 * Medium: as many leads placed as the hard rules allow. Soft: dispatch's own score summed over the
 * leads (region match and history fit, less the load each lead adds), so the batch and one-by-one
 * dispatch want the same things; its load part evens out load indexes.
 *
 * <p>Public only because the solver creates it through its public no-arg constructor.
 */
public final class RebalanceConstraints implements ConstraintProvider {

    /** Soft scores are dispatch's fractional scores times this, as whole numbers. */
    static final long SCALE = 1_000_000;
    /** Held once, so that the solver sees the same grouping twice and counts leads per rep only once. */
    private static final Function<BacklogLead, RebalanceRep> REP = BacklogLead::rep;
    private static final UniConstraintCollector<BacklogLead, ?, Integer> COUNT = ConstraintCollectors.count();

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {capacity(factory), territory(factory), unplaced(factory), load(factory),
                fit(factory)};
    }

    Constraint capacity(ConstraintFactory factory) {
        return leadsPerRep(factory)
                .filter((rep, leads) -> leads > rep.room())
                .penalize(HardMediumSoftLongScore.ONE_HARD, (rep, leads) -> leads - rep.room())
                .asConstraint("capacity");
    }

    /**
     * Each lead is only offered the reps its territory rule allows (see {@link BacklogLead#allowedReps()}),
     * so the search never breaks this; it stays so that the score states the whole rule and a plan
     * can be checked against it.
     */
    Constraint territory(ConstraintFactory factory) {
        return factory.forEach(BacklogLead.class)
                .filter(lead -> !lead.allowed())
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint("territory");
    }

    Constraint unplaced(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(BacklogLead.class)
                .filter(lead -> lead.rep() == null)
                .penalize(HardMediumSoftLongScore.ONE_MEDIUM)
                .asConstraint("unplaced lead");
    }

    Constraint load(ConstraintFactory factory) {
        return leadsPerRep(factory)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, RebalanceRep::loadCost)
                .asConstraint("load");
    }

    Constraint fit(ConstraintFactory factory) {
        return factory.forEach(BacklogLead.class)
                .rewardLong(HardMediumSoftLongScore.ONE_SOFT, BacklogLead::reward)
                .asConstraint("region and history fit");
    }

    private static BiConstraintStream<RebalanceRep, Integer> leadsPerRep(ConstraintFactory factory) {
        return factory.forEach(BacklogLead.class).groupBy(REP, COUNT);
    }
}
