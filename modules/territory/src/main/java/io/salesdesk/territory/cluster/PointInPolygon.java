package io.salesdesk.territory.cluster;

/** The even–odd test of a point against a polygon in lon/lat (a lasso a few hundred km across at most). */
final class PointInPolygon {

    private PointInPolygon() {
    }

    static boolean contains(double[] polyLon, double[] polyLat, double lon, double lat) {
        boolean inside = false;
        int n = polyLon.length;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            boolean crosses = (polyLat[i] > lat) != (polyLat[j] > lat);
            if (crosses && lon < (polyLon[j] - polyLon[i]) * (lat - polyLat[i]) / (polyLat[j] - polyLat[i])
                    + polyLon[i]) {
                inside = !inside;
            }
        }
        return inside;
    }
}
