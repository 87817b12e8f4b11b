package io.salesdesk.territory.geo;

import java.util.List;

/**
 * The boundary of one region: its rings (outer rings and holes alike, each a closed ring stored as
 * {@code lon0, lat0, lon1, lat1, ...}) tested with the even-odd rule, so islands and holes need no
 * separate bookkeeping.
 *
 * @param code   the 6-digit GB/T 2260 code (adcode), e.g. {@code 330100}
 * @param name   the short name as maps print it, e.g. 杭州
 * @param level  province, city or the country outline
 * @param labelLon longitude where the name is printed
 * @param labelLat latitude where the name is printed
 * @param box    the bounding box of all rings
 * @param rings  the rings, never modified after loading
 */
public record RegionShape(String code, String name, BoundaryLevel level, double labelLon, double labelLat,
                          GeoBox box, List<double[]> rings) {

    public RegionShape {
        rings = List.copyOf(rings);
    }

    /** Whether the point lies inside the region (bounding box first, then the even-odd rule). */
    public boolean contains(double lon, double lat) {
        if (!box.contains(lon, lat)) {
            return false;
        }
        boolean inside = false;
        for (double[] ring : rings) {
            // Even-odd over all rings: inside an odd number of them (an island, not its lake).
            inside ^= PointInPolygon.contains(ring, lon, lat);
        }
        return inside;
    }

    /** How many coordinate pairs the rings hold. */
    public int pointCount() {
        return rings.stream().mapToInt(r -> r.length / 2).sum();
    }
}
