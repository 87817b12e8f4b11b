package io.salesdesk.territory.geo;

/**
 * A longitude/latitude rectangle (degrees), used to skip shapes far from a point or a tile.
 *
 * @param minLon west edge
 * @param minLat south edge
 * @param maxLon east edge
 * @param maxLat north edge
 */
public record GeoBox(double minLon, double minLat, double maxLon, double maxLat) {

    /** Whether the point lies inside or on the edge. */
    public boolean contains(double lon, double lat) {
        return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
    }

    /** Whether the two rectangles share at least a point. */
    public boolean intersects(GeoBox other) {
        return other.minLon <= maxLon && other.maxLon >= minLon && other.minLat <= maxLat && other.maxLat >= minLat;
    }

    /** The centre, {@code [lon, lat]}. */
    public double[] centre() {
        return new double[] {(minLon + maxLon) / 2, (minLat + maxLat) / 2};
    }
}
