package io.salesdesk.territory.cluster;

import java.util.Arrays;

/**
 * What one view of the map draws: nodes that are either a single pin or a cluster of pins, in a
 * fixed order (west to east, north to south by clustering cell). Node {@code i} is a single pin
 * when {@link #pin(int)} is not -1.
 */
public final class PinClusters {

    private final int size;
    private final int outside;
    private final int[] pin;
    private final int[] count;
    private final double[] lon;
    private final double[] lat;
    private final int[] colour;
    private final double[] bounds;

    private PinClusters(Builder b) {
        size = b.n;
        outside = b.outside;
        pin = b.pin;
        count = b.count;
        lon = b.lon;
        lat = b.lat;
        colour = b.colour;
        bounds = b.bounds;
    }

    /** Nodes to draw. */
    public int size() {
        return size;
    }

    /** The pin's index when node {@code i} is a single pin, else -1. */
    public int pin(int i) {
        return pin[i];
    }

    public boolean isCluster(int i) {
        return pin[i] < 0;
    }

    /** Pins the node stands for: 1 for a single pin. */
    public int count(int i) {
        return count[i];
    }

    /** The node's position: the pin's own, or the mean of a cluster's pins. */
    public double lon(int i) {
        return lon[i];
    }

    public double lat(int i) {
        return lat[i];
    }

    /** The pin's colour key, or the key most of a cluster's pins have (the lowest on a tie). */
    public int colour(int i) {
        return colour[i];
    }

    /** The smallest box holding all of node {@code i}'s pins: where a click on a cluster zooms to. */
    public GeoBox bounds(int i) {
        return new GeoBox(bounds[4 * i], bounds[4 * i + 1], bounds[4 * i + 2], bounds[4 * i + 3]);
    }

    /** Pins the view shows, alone or in clusters. */
    public int pinsShown() {
        int total = 0;
        for (int i = 0; i < size; i++) {
            total += count[i];
        }
        return total;
    }

    /** Pins the view shows inside clusters. */
    public int pinsClustered() {
        int total = 0;
        for (int i = 0; i < size; i++) {
            if (pin[i] < 0) {
                total += count[i];
            }
        }
        return total;
    }

    /** Located pins outside the viewport. */
    public int pinsOutside() {
        return outside;
    }

    static final class Builder {
        private int n;
        private final int outside;
        private final int[] pin;
        private final int[] count;
        private final double[] lon;
        private final double[] lat;
        private final int[] colour;
        private final double[] bounds;

        Builder(int capacity, int outside) {
            this.outside = outside;
            pin = new int[capacity];
            count = new int[capacity];
            lon = new double[capacity];
            lat = new double[capacity];
            colour = new int[capacity];
            bounds = new double[4 * capacity];
        }

        void add(int pinIndex, int pins, double lonValue, double latValue, int colourKey, double west, double south,
                 double east, double north) {
            pin[n] = pinIndex;
            count[n] = pins;
            lon[n] = lonValue;
            lat[n] = latValue;
            colour[n] = colourKey;
            bounds[4 * n] = west;
            bounds[4 * n + 1] = south;
            bounds[4 * n + 2] = east;
            bounds[4 * n + 3] = north;
            n++;
        }

        PinClusters build() {
            return new PinClusters(this);
        }
    }

    @Override
    public String toString() {
        return "PinClusters[" + size + " nodes, " + pinsShown() + " pins, counts " + Arrays.toString(
                Arrays.copyOf(count, Math.min(size, 10))) + (size > 10 ? "…]" : "]");
    }
}
