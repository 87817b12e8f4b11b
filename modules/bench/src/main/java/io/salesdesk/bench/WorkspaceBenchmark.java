package io.salesdesk.bench;

import io.salesdesk.core.Actor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The benchmark workspace opened once per trial, seen by the admin (all 100,000 customers) or by
 * the Shanghai regional manager (the visibility filter applies).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class WorkspaceBenchmark {

    /** Customers on one page of the list. */
    static final int PAGE = 100;

    @Param({"admin", "manager"})
    public String viewer;

    BenchWorkspace workspace;
    Actor actor;

    @Setup(Level.Trial)
    public void open() {
        workspace = BenchWorkspace.open();
        actor = "admin".equals(viewer) ? workspace.admin.asActor() : workspace.manager.asActor();
    }

    @TearDown(Level.Trial)
    public void close() {
        workspace.close();
    }
}
