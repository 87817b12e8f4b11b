package io.salesdesk.bench;

import io.salesdesk.territory.geo.Boundaries;
import io.salesdesk.territory.geo.RegionShape;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bundled boundaries: reading the three files (what the map's first basemap tile waits for)
 * and {@code regionAt} for points spread over eastern China (most land in a city, some at sea).
 *
 * <p>{@code java -jar modules/bench/target/benchmarks.jar BoundariesBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class BoundariesBenchmark {

    private static final int POINTS = 1_024;

    private Boundaries boundaries;
    private final double[] lons = new double[POINTS];
    private final double[] lats = new double[POINTS];
    private int next;

    @Setup
    public void setUp() {
        boundaries = Boundaries.bundled();
        SplittableRandom random = new SplittableRandom(20261128L);
        for (int i = 0; i < POINTS; i++) {
            lons[i] = 105 + random.nextDouble() * 17; // 105°E to 122°E
            lats[i] = 22 + random.nextDouble() * 18;  // 22°N to 40°N
        }
    }

    /** Reads provinces, cities and the outline from the jar (µs). */
    @Benchmark
    public Boundaries load() throws Exception {
        try (var provinces = Boundaries.class.getResourceAsStream("/io/salesdesk/territory/geo/provinces.geojson");
             var cities = Boundaries.class.getResourceAsStream("/io/salesdesk/territory/geo/cities.geojson");
             var outline = Boundaries.class.getResourceAsStream("/io/salesdesk/territory/geo/outline.geojson")) {
            return Boundaries.read(provinces, cities, outline);
        }
    }

    /** One point → its city or province (µs). */
    @Benchmark
    public RegionShape regionAt() {
        int i = next++ & (POINTS - 1);
        return boundaries.regionAt(lons[i], lats[i]).orElse(null);
    }
}
