package io.salesdesk.bench;

import io.salesdesk.territory.cluster.GeoBox;
import io.salesdesk.territory.heat.HeatGrid;
import io.salesdesk.territory.heat.HeatPoints;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recomputing the heat layer over 100,000 leads of the last year (target ≤ 100 ms): the grid of a
 * 1600 × 1000-pixel view of East China for a period (7, 30 or 365 days), and the one-off index
 * build when the layer loads (sort by time, project).
 *
 * <p>Run: {@code java -jar modules/bench/target/benchmarks.jar HeatLayerBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HeatLayerBenchmark {

    private static final int LEADS = 100_000;
    private static final long DAY = 86_400;
    private static final long NOW = 1_795_000_000L;

    @Param({"7", "30", "365"})
    public int days;

    @Param({"6", "9"})
    public int zoom;

    private double[] lon;
    private double[] lat;
    private double[] weight;
    private long[] time;
    private HeatPoints heat;
    private GeoBox view;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        lon = new double[LEADS];
        lat = new double[LEADS];
        weight = new double[LEADS];
        time = new long[LEADS];
        MapClusterBenchmark.spread(random, lon, lat);
        for (int i = 0; i < LEADS; i++) {
            weight[i] = 1;
            time[i] = NOW - random.nextLong(365 * DAY);
        }
        heat = HeatPoints.of(lon, lat, weight, time);
        view = MapClusterBenchmark.screen(zoom, 120.5, 31.0, 1600, 1000);
    }

    @Benchmark
    public HeatGrid recompute() {
        return heat.grid(zoom, view, NOW - days * DAY, NOW);
    }

    @Benchmark
    public HeatPoints build() {
        return HeatPoints.of(lon, lat, weight, time);
    }
}
