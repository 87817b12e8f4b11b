package io.salesdesk.territory.geo;

/**
 * The Web Mercator projection (EPSG:3857) in the pixel space of 256-pixel map tiles, as
 * OpenStreetMap and Gluon Maps number them: at zoom {@code z} the world is {@code 256·2^z} pixels
 * wide, x grows east from 180°W and y grows south from 85.0511°N.
 */
public final class WebMercator {

    /** Tile edge in pixels. */
    public static final int TILE_SIZE = 256;
    /** The latitude where the square world ends, north and south. */
    public static final double MAX_LATITUDE = 85.05112877980659;

    private WebMercator() {
    }

    /** The world's width (and height) in pixels at the zoom. */
    public static double worldSize(int zoom) {
        return worldSize((double) zoom);
    }

    /** The world's width in pixels at a fractional zoom (a map between two tile levels). */
    public static double worldSize(double zoom) {
        return TILE_SIZE * Math.pow(2, zoom);
    }

    /** A longitude's place in the world square, 0 at 180°W to 1 at 180°E (pixels at any zoom, divided out). */
    public static double unitX(double lon) {
        return (lon + 180) / 360;
    }

    /** A latitude's place in the world square, 0 at 85.0511°N to 1 at 85.0511°S (clamped). */
    public static double unitY(double lat) {
        double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
        double sin = Math.sin(Math.toRadians(clamped));
        return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
    }

    /** The longitude of a place {@code 0..1} across the world square. */
    public static double unitLon(double x) {
        return x * 360 - 180;
    }

    /** The latitude of a place {@code 0..1} down the world square. */
    public static double unitLat(double y) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y))));
    }

    /** Pixel x of a longitude at the zoom. */
    public static double x(double lon, int zoom) {
        return unitX(lon) * worldSize(zoom);
    }

    /** Pixel y of a latitude at the zoom (clamped to the square world). */
    public static double y(double lat, int zoom) {
        return unitY(lat) * worldSize(zoom);
    }

    /** Longitude of a pixel x at the zoom. */
    public static double lon(double x, int zoom) {
        return unitLon(x / worldSize(zoom));
    }

    /** Latitude of a pixel y at the zoom. */
    public static double lat(double y, int zoom) {
        return unitLat(y / worldSize(zoom));
    }

    /** The longitude/latitude rectangle that tile {@code (x, y)} covers at the zoom. */
    public static GeoBox tileBox(int zoom, long tileX, long tileY) {
        double west = lon((double) tileX * TILE_SIZE, zoom);
        double east = lon((double) (tileX + 1) * TILE_SIZE, zoom);
        double north = lat((double) tileY * TILE_SIZE, zoom);
        double south = lat((double) (tileY + 1) * TILE_SIZE, zoom);
        return new GeoBox(west, south, east, north);
    }

    /** The number of the tile column holding the longitude at the zoom. */
    public static long tileX(double lon, int zoom) {
        return (long) Math.floor(x(lon, zoom) / TILE_SIZE);
    }

    /** The number of the tile row holding the latitude at the zoom. */
    public static long tileY(double lat, int zoom) {
        return (long) Math.floor(y(lat, zoom) / TILE_SIZE);
    }
}
