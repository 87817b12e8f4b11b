package io.salesdesk.app.map;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import io.salesdesk.territory.cluster.GeoBox;
import io.salesdesk.territory.geo.WebMercator;

/** What part of the world a {@link MapView} shows, and the geography of points on it. */
final class MapViewport {

    private MapViewport() {
    }

    /** The box the map shows now. */
    static GeoBox of(MapView map) {
        return between(map, 0, 0, map.getWidth(), map.getHeight());
    }

    /** The box between two points of the map's own coordinates (a dragged rectangle). */
    static GeoBox between(MapView map, double x1, double y1, double x2, double y2) {
        MapPoint a = map.getMapPosition(x1, y1);
        MapPoint b = map.getMapPosition(x2, y2);
        return GeoBox.spanning(clampLon(a.getLongitude()), clampLat(a.getLatitude()), clampLon(b.getLongitude()),
                clampLat(b.getLatitude()));
    }

    /** The box grown by {@code share} of its size on each side: what clustering covers ahead of a pan. */
    static GeoBox padded(GeoBox box, double share) {
        double w = (box.east() - box.west()) * share;
        double h = (box.north() - box.south()) * share;
        return new GeoBox(clampLon(box.west() - w), clampLat(box.south() - h), clampLon(box.east() + w),
                clampLat(box.north() + h));
    }

    /** Whether {@code outer} holds all of {@code inner}. */
    static boolean covers(GeoBox outer, GeoBox inner) {
        return outer.west() <= inner.west() && outer.east() >= inner.east() && outer.south() <= inner.south()
                && outer.north() >= inner.north();
    }

    /** The zoom at which a box just fills a view of this size, at most {@code maxZoom}. */
    static double zoomToFit(GeoBox box, double width, double height, double maxZoom) {
        double dx = Math.max(1e-9, WebMercator.unitX(box.east()) - WebMercator.unitX(box.west()));
        double dy = Math.max(1e-9, WebMercator.unitY(box.south()) - WebMercator.unitY(box.north()));
        double zx = Math.log(width / (dx * WebMercator.TILE_SIZE)) / Math.log(2);
        double zy = Math.log(height / (dy * WebMercator.TILE_SIZE)) / Math.log(2);
        return Math.max(2, Math.min(maxZoom, Math.floor(Math.min(zx, zy) * 2) / 2));
    }

    private static double clampLon(double lon) {
        return Double.isNaN(lon) ? 0 : Math.max(-180, Math.min(180, lon));
    }

    private static double clampLat(double lat) {
        return Double.isNaN(lat) ? 0 : Math.max(-WebMercator.MAX_LATITUDE, Math.min(WebMercator.MAX_LATITUDE, lat));
    }
}
