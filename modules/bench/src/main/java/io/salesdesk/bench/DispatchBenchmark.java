package io.salesdesk.bench;

import io.salesdesk.dispatch.Assignment;
import io.salesdesk.dispatch.DispatchWeights;
import io.salesdesk.dispatch.Dispatcher;
import io.salesdesk.dispatch.LeadToDispatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One-by-one dispatch of 10,000 leads to 200 reps across East China (target: ≤ 1 s for all of
 * them): one operation reads the roster into a {@link Dispatcher} and dispatches every lead in
 * arrival order, each seeing the load the ones before it added. {@code -bm ss -wi 0 -i 1 -f 5}
 * measures the first run in a fresh JVM instead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class DispatchBenchmark {

    static final int REPS = 200;
    static final int LEADS = 10_000;

    private DispatchScenario scenario;

    @Setup(Level.Trial)
    public void generate() {
        scenario = DispatchScenario.generate(20261127L, DispatchScenario.EAST_CHINA, REPS, LEADS, 0.6);
    }

    /** Every lead of the intake dispatched; returns how many found a rep, so none of it is optimised away. */
    @Benchmark
    public int dispatchAll() {
        Dispatcher dispatcher = new Dispatcher(scenario.roster(), DispatchWeights.DEFAULTS);
        int assigned = 0;
        for (LeadToDispatch lead : scenario.leads()) {
            Assignment a = dispatcher.dispatch(lead);
            assigned += a.assigned() ? 1 : 0;
        }
        return assigned;
    }
}
