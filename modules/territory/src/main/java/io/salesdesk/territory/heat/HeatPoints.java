package io.salesdesk.territory.heat;

import io.salesdesk.territory.cluster.GeoBox;
import io.salesdesk.territory.geo.WebMercator;
import java.util.Arrays;
import java.util.Objects;

/**
 * Weighted, timed points of demand (leads, inquiries, follow-ups) held once in primitive arrays,
 * sorted by time, from which a heat grid for any period, zoom and viewport is summed on demand.
 *
 * <p>The time sort lets a period take its slice by binary search; the sum is one pass over that
 * slice, so 100,000 leads give a grid in a few milliseconds. Immutable; safe across threads.
 */
public final class HeatPoints {

    /** Width of a heat cell on screen, in pixels. */
    public static final int DEFAULT_CELL_PIXELS = 24;

    private static final int INDEX_BITS = 27;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    private final double[] x;
    private final double[] y;
    private final double[] weight;
    private final long[] time;

    private HeatPoints(double[] x, double[] y, double[] weight, long[] time) {
        this.x = x;
        this.y = y;
        this.weight = weight;
        this.time = time;
    }

    /**
     * Indexes points given as parallel arrays: {@code (lon[i], lat[i])} with a weight (1 for a
     * plain count) and a time in epoch seconds. Points with NaN coordinates are left out.
     */
    public static HeatPoints of(double[] lon, double[] lat, double[] weight, long[] epochSeconds) {
        Objects.requireNonNull(lon, "lon");
        int n = lon.length;
        if (lat.length != n || weight.length != n || epochSeconds.length != n) {
            throw new IllegalArgumentException("lon, lat, weight and time must have one entry per point");
        }
        if (n > INDEX_MASK) {
            throw new IllegalArgumentException("At most " + INDEX_MASK + " points");
        }
        int located = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(lon[i]) && !Double.isNaN(lat[i])) {
                located++;
            }
        }
        // Sort (time, index) pairs packed in one long each: a primitive sort, no boxing.
        long minTime = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(lon[i]) && !Double.isNaN(lat[i])) {
                minTime = Math.min(minTime, epochSeconds[i]);
            }
        }
        long[] packed = new long[located];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(lon[i]) && !Double.isNaN(lat[i])) {
                long offset = epochSeconds[i] - minTime;
                if (offset >= 1L << (63 - INDEX_BITS)) {
                    throw new IllegalArgumentException("Times span too long a period: " + epochSeconds[i]);
                }
                packed[k++] = offset << INDEX_BITS | i;
            }
        }
        Arrays.sort(packed);
        double[] x = new double[located];
        double[] y = new double[located];
        double[] w = new double[located];
        long[] t = new long[located];
        for (int j = 0; j < located; j++) {
            int i = (int) (packed[j] & INDEX_MASK);
            x[j] = WebMercator.unitX(lon[i]);
            y[j] = WebMercator.unitY(lat[i]);
            w[j] = weight[i];
            t[j] = epochSeconds[i];
        }
        return new HeatPoints(x, y, w, t);
    }

    /** Points held (those with a location). */
    public int size() {
        return x.length;
    }

    /** The grid with the default cell width. */
    public HeatGrid grid(double zoom, GeoBox viewport, long fromEpochSecond, long toEpochSecond) {
        return grid(zoom, viewport, fromEpochSecond, toEpochSecond, DEFAULT_CELL_PIXELS);
    }

    /**
     * Sums the weights of the points in {@code [from, to)} inside the viewport into cells
     * {@code cellPixels} wide at this zoom. Cells line up with the world's pixel grid, so panning
     * does not make the heat shimmer.
     */
    public HeatGrid grid(double zoom, GeoBox viewport, long fromEpochSecond, long toEpochSecond, int cellPixels) {
        Objects.requireNonNull(viewport, "viewport");
        if (cellPixels < 1) {
            throw new IllegalArgumentException("cellPixels must be positive");
        }
        double cellsPerWorld = WebMercator.worldSize(zoom) / cellPixels;
        double bx0 = WebMercator.unitX(viewport.west());
        double bx1 = WebMercator.unitX(viewport.east());
        double by0 = WebMercator.unitY(viewport.north());
        double by1 = WebMercator.unitY(viewport.south());
        long col0 = (long) Math.floor(bx0 * cellsPerWorld);
        long row0 = (long) Math.floor(by0 * cellsPerWorld);
        int columns = (int) Math.min(4096, (long) Math.floor(bx1 * cellsPerWorld) - col0 + 1);
        int rows = (int) Math.min(4096, (long) Math.floor(by1 * cellsPerWorld) - row0 + 1);
        double[] cells = new double[columns * rows];
        int from = lowerBound(fromEpochSecond);
        int to = lowerBound(toEpochSecond);
        double total = 0;
        int counted = 0;
        for (int i = from; i < to; i++) {
            double px = x[i];
            double py = y[i];
            if (px < bx0 || px > bx1 || py < by0 || py > by1) {
                continue;
            }
            int c = (int) ((long) (px * cellsPerWorld) - col0);
            int r = (int) ((long) (py * cellsPerWorld) - row0);
            if (c < 0 || r < 0 || c >= columns || r >= rows) {
                continue;
            }
            cells[c + r * columns] += weight[i];
            total += weight[i];
            counted++;
        }
        return new HeatGrid(columns, rows, col0 / cellsPerWorld, row0 / cellsPerWorld, 1 / cellsPerWorld, cells,
                total, counted);
    }

    /** The first point at or after this time. */
    private int lowerBound(long epochSecond) {
        int lo = 0;
        int hi = time.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time[mid] < epochSecond) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
