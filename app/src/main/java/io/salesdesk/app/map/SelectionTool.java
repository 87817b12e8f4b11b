package io.salesdesk.app.map;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import io.salesdesk.territory.cluster.GeoBox;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;

/**
 * Selecting customers by dragging on the map: a rectangle with Shift held (or in rectangle mode),
 * a lasso with Alt or Ctrl held (or in lasso mode). Drags without either pan the map as usual; a
 * selecting drag is taken from the map (its events are consumed) and drawn on an overlay.
 */
final class SelectionTool {

    /** What a plain drag does. */
    enum Mode {
        PAN, RECTANGLE, LASSO
    }

    /** A finished selection: a box, or a lasso outline in lon/lat. */
    record Area(GeoBox box, double[] lassoLon, double[] lassoLat) {

        boolean isLasso() {
            return lassoLon != null;
        }
    }

    private final MapView map;
    private final Pane overlay = new Pane();
    private final Rectangle rectangle = new Rectangle();
    private final Polygon lasso = new Polygon();
    private final Consumer<Area> onSelected;
    private Mode mode = Mode.PAN;
    private Mode dragging;
    private double startX;
    private double startY;
    private final List<double[]> path = new ArrayList<>();

    /**
     * @param host       the node that holds the map and the overlay, whose mouse events are filtered
     * @param onSelected told the area when a selecting drag ends
     */
    SelectionTool(MapView map, javafx.scene.Node host, Consumer<Area> onSelected) {
        this.map = map;
        this.onSelected = onSelected;
        overlay.setMouseTransparent(true);
        overlay.setId("mapSelectionOverlay");
        rectangle.getStyleClass().add("map-selection");
        lasso.getStyleClass().add("map-selection");
        rectangle.setVisible(false);
        lasso.setVisible(false);
        overlay.getChildren().addAll(rectangle, lasso);
        host.addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
        host.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::dragged);
        host.addEventFilter(MouseEvent.MOUSE_RELEASED, this::released);
    }

    Pane overlay() {
        return overlay;
    }

    void setMode(Mode newMode) {
        mode = newMode;
    }

    private Mode modeOf(MouseEvent e) {
        if (e.isShiftDown()) {
            return Mode.RECTANGLE;
        }
        if (e.isAltDown() || e.isControlDown()) {
            return Mode.LASSO;
        }
        return mode;
    }

    private void pressed(MouseEvent e) {
        Mode m = modeOf(e);
        if (e.getButton() != MouseButton.PRIMARY || m == Mode.PAN) {
            return;
        }
        dragging = m;
        var local = map.sceneToLocal(e.getSceneX(), e.getSceneY());
        startX = local.getX();
        startY = local.getY();
        path.clear();
        path.add(new double[] {startX, startY});
        rectangle.setVisible(false);
        lasso.getPoints().clear();
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (dragging == null) {
            return;
        }
        var local = map.sceneToLocal(e.getSceneX(), e.getSceneY());
        double x = local.getX();
        double y = local.getY();
        if (dragging == Mode.RECTANGLE) {
            rectangle.setX(Math.min(startX, x));
            rectangle.setY(Math.min(startY, y));
            rectangle.setWidth(Math.abs(x - startX));
            rectangle.setHeight(Math.abs(y - startY));
            rectangle.setVisible(true);
        } else {
            double[] last = path.get(path.size() - 1);
            if (Math.hypot(x - last[0], y - last[1]) >= 3) {
                path.add(new double[] {x, y});
                lasso.getPoints().addAll(x, y);
                lasso.setVisible(true);
            }
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        if (dragging == null) {
            return;
        }
        Mode was = dragging;
        dragging = null;
        var local = map.sceneToLocal(e.getSceneX(), e.getSceneY());
        rectangle.setVisible(false);
        lasso.setVisible(false);
        e.consume();
        if (was == Mode.RECTANGLE) {
            if (Math.abs(local.getX() - startX) < 3 || Math.abs(local.getY() - startY) < 3) {
                return;
            }
            onSelected.accept(new Area(MapViewport.between(map, startX, startY, local.getX(), local.getY()), null,
                    null));
            return;
        }
        path.add(new double[] {local.getX(), local.getY()});
        if (path.size() < 3) {
            return;
        }
        double[] lon = new double[path.size()];
        double[] lat = new double[path.size()];
        for (int i = 0; i < path.size(); i++) {
            MapPoint p = map.getMapPosition(path.get(i)[0], path.get(i)[1]);
            lon[i] = p.getLongitude();
            lat[i] = p.getLatitude();
        }
        onSelected.accept(new Area(null, lon, lat));
    }
}
