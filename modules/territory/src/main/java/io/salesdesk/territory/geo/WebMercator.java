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
        return TILE_SIZE * Math.pow(2, zoom);
    }

    /** Pixel x of a longitude at the zoom. */
    public static double x(double lon, int zoom) {
        return (lon + 180) / 360 * worldSize(zoom);
    }

    /** Pixel y of a latitude at the zoom (clamped to the square world). */
    public static double y(double lat, int zoom) {
        double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
        double sin = Math.sin(Math.toRadians(clamped));
        return (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * worldSize(zoom);
    }

    /** Longitude of a pixel x at the zoom. */
    public static double lon(double x, int zoom) {
        return x / worldSize(zoom) * 360 - 180;
    }

    /** Latitude of a pixel y at the zoom. */
    public static double lat(double y, int zoom) {
        double n = Math.PI * (1 - 2 * y / worldSize(zoom));
        return Math.toDegrees(Math.atan(Math.sinh(n)));
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
