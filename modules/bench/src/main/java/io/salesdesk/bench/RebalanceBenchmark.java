package io.salesdesk.bench;

import io.salesdesk.dispatch.Assignment;
import io.salesdesk.dispatch.DispatchWeights;
import io.salesdesk.dispatch.Dispatcher;
import io.salesdesk.dispatch.LeadToDispatch;
import io.salesdesk.dispatch.RegionMatch;
import io.salesdesk.dispatch.RepCandidate;
import io.salesdesk.dispatch.rebalance.LoadSpread;
import io.salesdesk.dispatch.rebalance.RebalancePlan;
import io.salesdesk.dispatch.rebalance.Rebalancer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Batch re-balance of a 2,000-lead backlog over a 50-rep team of the Yangtze delta whose loads run
 * unevenly from 0 to 0.95 (target: ≤ 30 s, with the load spread reported before and after). Not a
 * JMH benchmark: a solve runs up to its time limit, so its time is mostly the limit chosen, and
 * what matters beside it (the spread, leads placed, region matches) is the plan's, which JMH
 * cannot report. One-by-one dispatch of the same backlog is printed for comparison.
 *
 * <p>{@code java -cp modules/bench/target/benchmarks.jar io.salesdesk.bench.RebalanceBenchmark [LIMIT_S ...]}
 * (default 25): one solve per time limit, each in the same JVM after the ones before.
 */
public final class RebalanceBenchmark {

    static final int REPS = 50;
    static final int LEADS = 2_000;

    private RebalanceBenchmark() {
    }

    public static void main(String[] args) {
        DispatchScenario scenario = DispatchScenario.generate(20261127L, DispatchScenario.YANGTZE_DELTA, REPS, LEADS,
                0.95);
        List<RepCandidate> roster = scenario.roster();
        System.out.printf("%,d leads, %,d reps (%d away), loads 0 to 0.95%n", LEADS, REPS,
                roster.stream().filter(r -> !r.available()).count());
        System.out.println("run                     time     placed  in territory  summed fit  stdev before  stdev after");
        greedy(scenario);
        for (String arg : args.length == 0 ? new String[] {"25"} : args) {
            Duration limit = Duration.ofMillis(Math.round(Double.parseDouble(arg) * 1000));
            long started = System.nanoTime();
            RebalancePlan plan = new Rebalancer(DispatchWeights.DEFAULTS, limit).plan(roster, scenario.leads());
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("rebalance, limit %4.0f s %6.2f s %,9d %13d %11.1f %13.4f %12.4f%n", limit.toMillis() / 1e3,
                    seconds, plan.placed(), plan.regionMatched(), plan.totalFit(), plan.stdevBefore(),
                    plan.stdevAfter());
        }
    }

    /** The same backlog dispatched one by one in arrival order, as the day's intake would be. */
    private static void greedy(DispatchScenario scenario) {
        long started = System.nanoTime();
        DispatchWeights w = DispatchWeights.DEFAULTS;
        Dispatcher dispatcher = new Dispatcher(scenario.roster(), w);
        Map<UUID, Double> before = dispatcher.loadIndexes();
        int placed = 0;
        int inTerritory = 0;
        double fit = 0;
        for (LeadToDispatch lead : scenario.leads()) {
            Assignment a = dispatcher.dispatch(lead);
            if (a.assigned()) {
                placed++;
                inTerritory += a.match() != RegionMatch.NONE ? 1 : 0;
                // the history fit is what remains of the score without its region and load parts
                fit += (a.score() - w.region() * a.match().score() - w.load() * Math.max(0, 1 - a.loadIndex())) / w.fit();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<UUID, Double> after = dispatcher.loadIndexes();
        List<Double> spreadBefore = new ArrayList<>();
        List<Double> spreadAfter = new ArrayList<>();
        for (RepCandidate r : scenario.roster()) {
            if (r.available()) {
                spreadBefore.add(before.get(r.userId()));
                spreadAfter.add(after.get(r.userId()));
            }
        }
        System.out.printf("dispatch one by one    %6.2f s %,9d %13d %11.1f %13.4f %12.4f%n", seconds, placed, inTerritory,
                fit, LoadSpread.of(spreadBefore), LoadSpread.of(spreadAfter));
    }
}
