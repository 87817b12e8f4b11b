package io.salesdesk.app.map;

import com.gluonhq.maps.MapLayer;
import com.gluonhq.maps.MapView;
import io.salesdesk.territory.cluster.GeoBox;
import io.salesdesk.territory.heat.HeatGrid;
import io.salesdesk.territory.heat.HeatPoints;
import java.time.Instant;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

/**
 * 热力: demand (leads, inquiries or follow-ups of a period) summed into cells of the view and
 * painted as overlapping soft discs, hotter and more opaque where the cell is busier. The grid is
 * summed afresh on every zoom and pan (milliseconds for 100,000 points) and painted on one canvas.
 */
final class HeatLayer extends MapLayer {

    private static final int CELL_PIXELS = 24;

    private final MapView map;
    private final Canvas canvas = new Canvas();
    private HeatPoints points;
    private Instant from;
    private Instant to;
    private HeatGrid grid;

    HeatLayer(MapView map) {
        this.map = map;
        setId("heatLayer");
        canvas.setMouseTransparent(true);
        setMouseTransparent(true);
        getChildren().add(canvas);
    }

    /** Shows these points of the period {@code [from, to)} (null points for none). */
    void setPoints(HeatPoints newPoints, Instant newFrom, Instant newTo) {
        points = newPoints;
        from = newFrom;
        to = newTo;
        // Painted now rather than at the next pulse, so what the layer reports is what it shows.
        paint();
    }

    /** Paints afresh (the layer was switched on again). */
    void refresh() {
        paint();
    }

    /** The grid last painted, or null. */
    HeatGrid grid() {
        return grid;
    }

    @Override
    protected void layoutLayer() {
        paint();
    }

    private void paint() {
        double width = map.getWidth();
        double height = map.getHeight();
        canvas.setWidth(width);
        canvas.setHeight(height);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        if (points == null || !isVisible() || width <= 0 || height <= 0) {
            grid = null;
            return;
        }
        GeoBox view = MapViewport.of(map);
        grid = points.grid(map.getZoom(), view, from.getEpochSecond(), to.getEpochSecond(), CELL_PIXELS);
        if (grid.points() == 0) {
            return;
        }
        // Each cell is placed where the map itself puts its corners: while a wheel zoom is under way
        // the map's scale is not 256 · 2^zoom, and assuming it drew Shanghai's heat out at sea.
        GeoBox first = grid.cellBounds(0, 0);
        Point2D firstNorthWest = getMapPoint(first.north(), first.west());
        Point2D firstSouthEast = getMapPoint(first.south(), first.east());
        if (firstNorthWest == null || firstSouthEast == null) {
            return;
        }
        double radius = Math.abs(firstSouthEast.getX() - firstNorthWest.getX()) * 1.1;
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.columns(); c++) {
                double intensity = grid.intensity(c, r);
                if (intensity <= 0) {
                    continue;
                }
                GeoBox cell = grid.cellBounds(c, r);
                Point2D northWest = getMapPoint(cell.north(), cell.west());
                Point2D southEast = getMapPoint(cell.south(), cell.east());
                if (northWest == null || southEast == null) {
                    continue;
                }
                // A square root lifts the quieter cells, so one hot city does not hide the rest.
                double shown = Math.sqrt(intensity);
                double cx = (northWest.getX() + southEast.getX()) / 2;
                double cy = (northWest.getY() + southEast.getY()) / 2;
                g.setFill(PinColours.heat(shown));
                g.fillOval(cx - radius, cy - radius, radius * 2, radius * 2);
            }
        }
    }
}
