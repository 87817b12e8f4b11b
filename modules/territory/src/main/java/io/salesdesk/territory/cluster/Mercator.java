package io.salesdesk.territory.cluster;

/**
 * Web Mercator as map tiles use it: a point's position in the world square, 0..1 on both axes
 * (x east, y south), so that at zoom {@code z} a pixel is {@code 1 / (256 · 2^z)} of it.
 */
public final class Mercator {

    /** Latitudes beyond this are outside the square tiles cover. */
    public static final double MAX_LATITUDE = 85.05112878;

    /** Pixels of one tile's side; the world is {@code TILE · 2^zoom} pixels wide. */
    public static final int TILE = 256;

    private Mercator() {
    }

    public static double x(double lon) {
        return (lon + 180.0) / 360.0;
    }

    public static double y(double lat) {
        double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
        double sin = Math.sin(Math.toRadians(clamped));
        return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
    }

    public static double lon(double x) {
        return x * 360.0 - 180.0;
    }

    public static double lat(double y) {
        double n = Math.PI - 2 * Math.PI * y;
        return Math.toDegrees(Math.atan(Math.sinh(n)));
    }

    /** How many pixels the whole world is wide at this zoom. */
    public static double worldPixels(double zoom) {
        return TILE * Math.pow(2, zoom);
    }
}
