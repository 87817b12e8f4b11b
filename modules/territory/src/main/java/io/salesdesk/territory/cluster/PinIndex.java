package io.salesdesk.territory.cluster;

import io.salesdesk.territory.geo.PointInPolygon;
import io.salesdesk.territory.geo.WebMercator;
import java.util.Arrays;
import java.util.Objects;

/**
 * A spatial grid index of map pins (customers, leads), built once from parallel arrays and then
 * asked, per zoom and viewport, which pins to draw alone and which to draw as clusters.
 *
 * <p>Pins are binned in a grid of {@code cellPixels}-wide cells in Web Mercator pixel space at the
 * asked zoom, so a cluster is what would overlap on screen. A cell with one pin yields that pin; a
 * cell with more yields a cluster with its count, the mean position of its pins and the colour key
 * most of them have. When a view would hold more than {@code maxNodes} nodes the cells are doubled
 * until it does not, so a screen never carries more nodes than the scene graph draws smoothly.
 *
 * <p>Everything is primitive arrays: no object per pin, so 50,000 pins re-cluster in milliseconds.
 * Immutable after {@link #build}; safe to query from several threads.
 */
public final class PinIndex {

    /** Width of a clustering cell on screen: pins closer than this merge. */
    public static final int DEFAULT_CELL_PIXELS = 64;

    /** Most nodes a view may hold. */
    public static final int DEFAULT_MAX_NODES = 2_000;

    /** Cells of the build-time grid per side at most: fine enough to skip what a viewport leaves out. */
    private static final int MAX_GRID = 256;

    private final int size;
    private final int located;
    private final double[] x;
    private final double[] y;
    private final double[] lon;
    private final double[] lat;
    private final int[] colour;
    private final int colourCount;
    // The build-time grid over the pins' extent, in compressed-row form: the pins of cell c are
    // order[cellStart[c] .. cellStart[c + 1]).
    private final int grid;
    private final double minX;
    private final double minY;
    private final double cellW;
    private final double cellH;
    private final int[] cellStart;
    private final int[] order;

    private PinIndex(double[] lon, double[] lat, int[] colour) {
        size = lon.length;
        this.lon = lon.clone();
        this.lat = lat.clone();
        this.colour = colour.clone();
        x = new double[size];
        y = new double[size];
        int count = 0;
        int maxColour = 0;
        double loX = Double.POSITIVE_INFINITY;
        double loY = Double.POSITIVE_INFINITY;
        double hiX = Double.NEGATIVE_INFINITY;
        double hiY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            if (colour[i] < 0) {
                throw new IllegalArgumentException("Colour keys start at 0; pin " + i + " has " + colour[i]);
            }
            maxColour = Math.max(maxColour, colour[i]);
            if (!isLocated(i)) {
                x[i] = Double.NaN;
                y[i] = Double.NaN;
                continue;
            }
            count++;
            x[i] = WebMercator.unitX(lon[i]);
            y[i] = WebMercator.unitY(lat[i]);
            loX = Math.min(loX, x[i]);
            loY = Math.min(loY, y[i]);
            hiX = Math.max(hiX, x[i]);
            hiY = Math.max(hiY, y[i]);
        }
        located = count;
        colourCount = maxColour + 1;
        grid = count == 0 ? 1 : (int) Math.max(1, Math.min(MAX_GRID, Math.sqrt(count / 4.0)));
        minX = count == 0 ? 0 : loX;
        minY = count == 0 ? 0 : loY;
        cellW = count == 0 ? 1 : Math.max((hiX - loX) / grid, 1e-12);
        cellH = count == 0 ? 1 : Math.max((hiY - loY) / grid, 1e-12);
        cellStart = new int[grid * grid + 1];
        order = new int[count];
        int[] cellOf = new int[size];
        for (int i = 0; i < size; i++) {
            if (!Double.isNaN(x[i])) {
                cellOf[i] = gridCol(x[i]) + grid * gridRow(y[i]);
                cellStart[cellOf[i] + 1]++;
            }
        }
        for (int c = 0; c < grid * grid; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        int[] fill = Arrays.copyOf(cellStart, grid * grid);
        for (int i = 0; i < size; i++) {
            if (!Double.isNaN(x[i])) {
                order[fill[cellOf[i]]++] = i;
            }
        }
    }

    /**
     * Indexes pins given as parallel arrays; pin {@code i} is {@code (lon[i], lat[i])} with colour
     * key {@code colour[i]} (a tier's or an owner's number, from 0). A pin whose longitude or
     * latitude is NaN has no location: it is counted but never drawn. The arrays are copied.
     */
    public static PinIndex build(double[] lon, double[] lat, int[] colour) {
        Objects.requireNonNull(lon, "lon");
        Objects.requireNonNull(lat, "lat");
        Objects.requireNonNull(colour, "colour");
        if (lon.length != lat.length || lon.length != colour.length) {
            throw new IllegalArgumentException("lon, lat and colour must have one entry per pin");
        }
        return new PinIndex(lon, lat, colour);
    }

    /** Pins indexed, located or not. */
    public int size() {
        return size;
    }

    /** Pins with a location. */
    public int located() {
        return located;
    }

    /** Pins without a location (NaN coordinates), which no view shows. */
    public int unlocated() {
        return size - located;
    }

    public double lon(int pin) {
        return lon[pin];
    }

    public double lat(int pin) {
        return lat[pin];
    }

    public int colour(int pin) {
        return colour[pin];
    }

    /** The located pins' bounds, or null when none has a location. */
    public GeoBox bounds() {
        if (located == 0) {
            return null;
        }
        double maxX = minX + cellW * grid;
        double maxY = minY + cellH * grid;
        return new GeoBox(WebMercator.unitLon(minX), WebMercator.unitLat(maxY), WebMercator.unitLon(maxX),
                WebMercator.unitLat(minY));
    }

    /** The view at this zoom with the default cell size and node cap. */
    public PinClusters clusters(double zoom, GeoBox viewport) {
        return clusters(zoom, viewport, DEFAULT_CELL_PIXELS, DEFAULT_MAX_NODES);
    }

    /**
     * Single pins and clusters of the located pins inside the viewport at this zoom.
     *
     * @param cellPixels width of a clustering cell on screen, in pixels
     * @param maxNodes   most nodes the view may hold; cells grow until it holds no more
     */
    public PinClusters clusters(double zoom, GeoBox viewport, int cellPixels, int maxNodes) {
        if (cellPixels < 1 || maxNodes < 1) {
            throw new IllegalArgumentException("cellPixels and maxNodes must be positive");
        }
        int[] visible = collect(viewport);
        double world = WebMercator.worldSize(zoom);
        double cell = cellPixels;
        while (true) {
            Bins bins = bin(visible, world / cell, maxNodes);
            if (bins != null) {
                return aggregate(visible, bins);
            }
            cell *= 2;
        }
    }

    /** The located pins inside the box, ascending: a rectangle selection. */
    public int[] inside(GeoBox box) {
        int[] found = collect(box);
        Arrays.sort(found);
        return found;
    }

    /** The located pins inside the box in grid order; every located pin when the box holds them all. */
    private int[] collect(GeoBox box) {
        Objects.requireNonNull(box, "box");
        double bx0 = WebMercator.unitX(box.west());
        double bx1 = WebMercator.unitX(box.east());
        double by0 = WebMercator.unitY(box.north());
        double by1 = WebMercator.unitY(box.south());
        double maxX = minX + cellW * grid;
        double maxY = minY + cellH * grid;
        if (located == 0 || bx1 < minX || by1 < minY || bx0 > maxX || by0 > maxY) {
            return new int[0];
        }
        if (bx0 <= minX && by0 <= minY && bx1 >= maxX && by1 >= maxY) {
            return order.clone();
        }
        int[] found = new int[Math.min(located, 1024)];
        int n = 0;
        int c0 = gridCol(bx0);
        int c1 = gridCol(bx1);
        int r0 = gridRow(by0);
        int r1 = gridRow(by1);
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int cellIndex = c + grid * r;
                // A cell wholly inside the box needs no test per pin.
                boolean whole = c > c0 && c < c1 && r > r0 && r < r1;
                int end = cellStart[cellIndex + 1];
                int start = cellStart[cellIndex];
                if (n + end - start > found.length) {
                    found = Arrays.copyOf(found, Math.min(located, Math.max(n + end - start, found.length * 2)));
                }
                for (int k = start; k < end; k++) {
                    int p = order[k];
                    if (whole || x[p] >= bx0 && x[p] <= bx1 && y[p] >= by0 && y[p] <= by1) {
                        found[n++] = p;
                    }
                }
            }
        }
        return Arrays.copyOf(found, n);
    }

    /**
     * The located pins inside a polygon given by its corners' longitudes and latitudes (a lasso),
     * ascending. Fewer than three corners select nothing.
     */
    public int[] inside(double[] polygonLon, double[] polygonLat) {
        if (polygonLon.length != polygonLat.length) {
            throw new IllegalArgumentException("One latitude per longitude");
        }
        if (polygonLon.length < 3) {
            return new int[0];
        }
        double w = Double.POSITIVE_INFINITY;
        double s = Double.POSITIVE_INFINITY;
        double e = Double.NEGATIVE_INFINITY;
        double nth = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < polygonLon.length; i++) {
            w = Math.min(w, polygonLon[i]);
            e = Math.max(e, polygonLon[i]);
            s = Math.min(s, polygonLat[i]);
            nth = Math.max(nth, polygonLat[i]);
        }
        int[] candidates = inside(new GeoBox(w, s, e, nth));
        double[] ring = new double[polygonLon.length * 2];
        for (int i = 0; i < polygonLon.length; i++) {
            ring[2 * i] = polygonLon[i];
            ring[2 * i + 1] = polygonLat[i];
        }
        int n = 0;
        for (int p : candidates) {
            if (PointInPolygon.contains(ring, lon[p], lat[p])) {
                candidates[n++] = p;
            }
        }
        return Arrays.copyOf(candidates, n);
    }

    private int gridCol(double px) {
        return Math.max(0, Math.min(grid - 1, (int) ((px - minX) / cellW)));
    }

    private int gridRow(double py) {
        return Math.max(0, Math.min(grid - 1, (int) ((py - minY) / cellH)));
    }

    private boolean isLocated(int i) {
        return !Double.isNaN(lon[i]) && !Double.isNaN(lat[i]);
    }

    /** Which bin each visible pin falls in; null when there would be more than {@code maxBins}. */
    private Bins bin(int[] visible, double cellsPerWorld, int maxBins) {
        int capacity = Integer.highestOneBit(Math.max(16, Math.min(visible.length, maxBins + 1) * 2)) << 1;
        long[] keys = new long[capacity];
        int[] slots = new int[capacity];
        Arrays.fill(slots, -1);
        int mask = capacity - 1;
        int[] binOf = new int[visible.length];
        long[] binKey = new long[Math.min(visible.length, maxBins + 1)];
        int bins = 0;
        for (int v = 0; v < visible.length; v++) {
            int p = visible[v];
            long key = ((long) (x[p] * cellsPerWorld) << 32) | ((long) (y[p] * cellsPerWorld) & 0xFFFFFFFFL);
            int h = (int) mix(key) & mask;
            while (slots[h] >= 0 && keys[h] != key) {
                h = (h + 1) & mask;
            }
            if (slots[h] < 0) {
                if (bins == maxBins) {
                    return null;
                }
                keys[h] = key;
                slots[h] = bins;
                binKey[bins++] = key;
            }
            binOf[v] = slots[h];
        }
        return new Bins(bins, binOf, Arrays.copyOf(binKey, bins));
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    private record Bins(int count, int[] binOf, long[] keys) {
    }

    private PinClusters aggregate(int[] visible, Bins bins) {
        int n = bins.count();
        int[] count = new int[n];
        int[] first = new int[n];
        double[] sumX = new double[n];
        double[] sumY = new double[n];
        double[] loX = new double[n];
        double[] loY = new double[n];
        double[] hiX = new double[n];
        double[] hiY = new double[n];
        Arrays.fill(loX, Double.POSITIVE_INFINITY);
        Arrays.fill(loY, Double.POSITIVE_INFINITY);
        Arrays.fill(hiX, Double.NEGATIVE_INFINITY);
        Arrays.fill(hiY, Double.NEGATIVE_INFINITY);
        int[] colourCounts = new int[Math.multiplyExact(n, colourCount)];
        for (int v = 0; v < visible.length; v++) {
            int p = visible[v];
            int b = bins.binOf()[v];
            if (count[b]++ == 0) {
                first[b] = p;
            }
            sumX[b] += x[p];
            sumY[b] += y[p];
            loX[b] = Math.min(loX[b], x[p]);
            loY[b] = Math.min(loY[b], y[p]);
            hiX[b] = Math.max(hiX[b], x[p]);
            hiY[b] = Math.max(hiY[b], y[p]);
            colourCounts[b * colourCount + colour[p]]++;
        }
        // Output in grid order (west to east, then north to south) so equal input gives equal output.
        Integer[] sorted = new Integer[n];
        for (int b = 0; b < n; b++) {
            sorted[b] = b;
        }
        long[] keys = bins.keys();
        Arrays.sort(sorted, (a, b) -> Long.compare(keys[a], keys[b]));
        PinClusters.Builder out = new PinClusters.Builder(n, located - visible.length);
        for (int b : sorted) {
            int dominant = 0;
            for (int c = 1; c < colourCount; c++) {
                if (colourCounts[b * colourCount + c] > colourCounts[b * colourCount + dominant]) {
                    dominant = c;
                }
            }
            if (count[b] == 1) {
                int p = first[b];
                out.add(p, 1, lon[p], lat[p], colour[p], lon[p], lat[p], lon[p], lat[p]);
            } else {
                out.add(-1, count[b], WebMercator.unitLon(sumX[b] / count[b]),
                        WebMercator.unitLat(sumY[b] / count[b]), dominant,
                        WebMercator.unitLon(loX[b]), WebMercator.unitLat(hiY[b]),
                        WebMercator.unitLon(hiX[b]), WebMercator.unitLat(loY[b]));
            }
        }
        return out.build();
    }
}
