package io.salesdesk.territory.cluster;

import io.salesdesk.territory.geo.WebMercator;

/**
 * A longitude/latitude rectangle, as a map's viewport or a selection covers it (degrees, WGS-84 as
 * the map shows them). Not meant to cross the antimeridian: China never needs it.
 *
 * @param west  smallest longitude
 * @param south smallest latitude
 * @param east  largest longitude
 * @param north largest latitude
 */
public record GeoBox(double west, double south, double east, double north) {

    /** The whole world as Web Mercator shows it. */
    public static final GeoBox WORLD = new GeoBox(-180, -WebMercator.MAX_LATITUDE, 180, WebMercator.MAX_LATITUDE);

    public GeoBox {
        if (!(west <= east) || !(south <= north)) {
            throw new IllegalArgumentException("Empty or inverted box: " + west + "," + south + " → " + east + ","
                    + north);
        }
    }

    /** The box spanned by two corners in any order (a rectangle dragged on the map). */
    public static GeoBox spanning(double lon1, double lat1, double lon2, double lat2) {
        return new GeoBox(Math.min(lon1, lon2), Math.min(lat1, lat2), Math.max(lon1, lon2), Math.max(lat1, lat2));
    }

    /** Whether the point lies inside or on the edge. */
    public boolean contains(double lon, double lat) {
        return lon >= west && lon <= east && lat >= south && lat <= north;
    }

    public double centreLon() {
        return (west + east) / 2;
    }

    public double centreLat() {
        return (south + north) / 2;
    }
}
