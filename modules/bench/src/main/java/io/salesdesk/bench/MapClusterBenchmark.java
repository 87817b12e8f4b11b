package io.salesdesk.bench;

import io.salesdesk.territory.cluster.GeoBox;
import io.salesdesk.territory.cluster.PinClusters;
import io.salesdesk.territory.cluster.PinIndex;
import io.salesdesk.territory.geo.WebMercator;
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
 * Re-clustering 50,000 customer pins on a zoom change (target ≤ 30 ms): the map page asks the
 * index for the nodes of a 1600 × 1000-pixel view centred on Shanghai at each zoom from 4 (all
 * China) to 12 (a district). Pins are spread as customers are: most around the cities of 上海,
 * 江苏 and 浙江, some across the countryside. {@code build} is the one-off cost when the layer loads.
 *
 * <p>Run: {@code java -jar modules/bench/target/benchmarks.jar MapClusterBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MapClusterBenchmark {

    static final int PINS = 50_000;
    static final double[][] CITIES = {
        {121.47, 31.23}, {120.15, 30.28}, {118.80, 32.06}, {120.58, 31.30}, {121.55, 29.87}, {120.30, 31.57},
        {119.95, 31.78}, {120.70, 28.00}, {120.09, 30.89}, {120.58, 30.00}, {119.65, 29.08}, {120.89, 31.98},
        {119.42, 32.39}, {117.18, 34.26}, {119.22, 34.60}, {120.16, 33.35},
    };

    @Param({"4", "6", "8", "10", "12"})
    public int zoom;

    private double[] lon;
    private double[] lat;
    private int[] colour;
    private PinIndex index;
    private GeoBox view;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20260101L);
        lon = new double[PINS];
        lat = new double[PINS];
        colour = new int[PINS];
        spread(random, lon, lat);
        for (int i = 0; i < PINS; i++) {
            colour[i] = random.nextInt(12);
        }
        index = PinIndex.build(lon, lat, colour);
        view = screen(zoom, 121.0, 31.0, 1600, 1000);
    }

    /** Points around the cities (a Gaussian some 15 km wide) and a fifth spread evenly over the three provinces. */
    static void spread(SplittableRandom random, double[] lon, double[] lat) {
        for (int i = 0; i < lon.length; i++) {
            if (random.nextInt(5) == 0) {
                lon[i] = 117 + random.nextDouble() * 5;
                lat[i] = 28 + random.nextDouble() * 6;
            } else {
                double[] city = CITIES[random.nextInt(CITIES.length)];
                lon[i] = city[0] + gaussian(random) * 0.15;
                lat[i] = city[1] + gaussian(random) * 0.12;
            }
        }
    }

    static double gaussian(SplittableRandom random) {
        // Box–Muller: SplittableRandom has no nextGaussian on Java 17.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** The box a screen of this size shows at this zoom around this centre. */
    static GeoBox screen(double zoom, double lon, double lat, int width, int height) {
        double world = WebMercator.worldSize(zoom);
        double cx = WebMercator.unitX(lon);
        double cy = WebMercator.unitY(lat);
        double halfW = width / 2.0 / world;
        double halfH = height / 2.0 / world;
        return new GeoBox(WebMercator.unitLon(Math.max(0, cx - halfW)),
                WebMercator.unitLat(Math.min(1, cy + halfH)), WebMercator.unitLon(Math.min(1, cx + halfW)),
                WebMercator.unitLat(Math.max(0, cy - halfH)));
    }

    @Benchmark
    public PinClusters recluster() {
        return index.clusters(zoom, view);
    }

    @Benchmark
    public PinIndex build() {
        return PinIndex.build(lon, lat, colour);
    }
}
