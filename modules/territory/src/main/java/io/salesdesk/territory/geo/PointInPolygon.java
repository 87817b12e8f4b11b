package io.salesdesk.territory.geo;

/**
 * The even-odd (ray crossing) test of a point against one ring in lon/lat degrees, as region
 * boundaries and a lasso drawn on the map need it. Rings are small enough (a province, a lasso a
 * few hundred km across) for the plane's rule to hold.
 */
public final class PointInPolygon {

    private PointInPolygon() {
    }

    /**
     * Whether the point lies inside the ring.
     *
     * @param ring {@code lon0, lat0, lon1, lat1, ...}, closed or not (the last point joins the first)
     */
    public static boolean contains(double[] ring, double lon, double lat) {
        boolean inside = false;
        int n = ring.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = ring[2 * i];
            double yi = ring[2 * i + 1];
            double xj = ring[2 * j];
            double yj = ring[2 * j + 1];
            if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }
}
