package io.salesdesk.app.map;

import com.gluonhq.maps.MapLayer;
import com.gluonhq.maps.MapView;
import io.salesdesk.territory.cluster.GeoBox;
import io.salesdesk.territory.cluster.PinClusters;
import io.salesdesk.territory.cluster.PinIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.text.Text;

/**
 * A map layer of pins that merge into numbered clusters where they crowd: the index is asked again
 * when the zoom changes or the view leaves the area last clustered (the view plus half of it on
 * each side), so panning only moves the nodes. A click on a cluster zooms in on it; a click on a
 * pin goes to {@link #pinClicked}.
 */
abstract class ClusteredPinLayer extends MapLayer {

    /** Clusters are computed at half-zoom steps, so a smooth zoom does not re-cluster every frame. */
    private static final double ZOOM_STEP = 0.5;

    protected final MapView map;
    private final String styleClass;
    private PinIndex index;
    private PinClusters shown;
    private final List<Node> nodes = new ArrayList<>();
    private double shownZoom = Double.NaN;
    private GeoBox shownArea;
    private Consumer<PinClusters> onShown = view -> { };

    ClusteredPinLayer(MapView map, String styleClass) {
        this.map = map;
        this.styleClass = styleClass;
        getStyleClass().add("map-layer");
    }

    /** Shows these pins (null for none). */
    void setIndex(PinIndex newIndex) {
        index = newIndex;
        refresh();
    }

    PinIndex index() {
        return index;
    }

    /** What the layer shows now, or null before its first layout. */
    PinClusters shown() {
        return shown;
    }

    /** Told after every re-cluster, for the status line. */
    void setOnShown(Consumer<PinClusters> handler) {
        onShown = handler;
    }

    /** Draws the nodes afresh (the colours or the selection changed). */
    void refresh() {
        shown = null;
        markDirty();
    }

    protected abstract Color colour(int key);

    protected abstract void pinClicked(int pin, Node node);

    /** Lets a subclass add behaviour to a single pin's node (dragging it, for customers). */
    protected void decoratePin(int pin, Circle dot) {
    }

    /** Whether a single pin is drawn as selected. */
    protected boolean selected(int pin) {
        return false;
    }

    @Override
    protected void layoutLayer() {
        if (index == null || !isVisible() || map.getWidth() <= 0 || map.getHeight() <= 0) {
            if (!getChildren().isEmpty()) {
                getChildren().clear();
                nodes.clear();
            }
            return;
        }
        double zoom = Math.floor(map.getZoom() / ZOOM_STEP) * ZOOM_STEP;
        GeoBox view = MapViewport.of(map);
        if (shown == null || zoom != shownZoom || !MapViewport.covers(shownArea, view)) {
            shownZoom = zoom;
            shownArea = MapViewport.padded(view, 0.5);
            shown = index.clusters(zoom, shownArea);
            rebuild();
            onShown.accept(shown);
        }
        for (int i = 0; i < nodes.size(); i++) {
            Point2D p = getMapPoint(shown.lat(i), shown.lon(i));
            if (p != null) {
                Node node = nodes.get(i);
                node.setTranslateX(p.getX());
                node.setTranslateY(p.getY());
            }
        }
    }

    private void rebuild() {
        nodes.clear();
        for (int i = 0; i < shown.size(); i++) {
            nodes.add(shown.isCluster(i) ? cluster(i) : pin(i));
        }
        getChildren().setAll(nodes);
    }

    private Node pin(int i) {
        int pin = shown.pin(i);
        Circle dot = new Circle(6, colour(shown.colour(i)));
        dot.getStyleClass().addAll("map-pin", styleClass);
        if (selected(pin)) {
            dot.getStyleClass().add("selected");
        }
        dot.setOnMouseClicked(e -> {
            if (e.isStillSincePress()) {
                pinClicked(pin, dot);
                e.consume();
            }
        });
        decoratePin(pin, dot);
        return dot;
    }

    private Node cluster(int i) {
        int count = shown.count(i);
        double radius = Math.min(26, 11 + 3 * Math.log10(count) * 2);
        Circle disc = new Circle(radius, colour(shown.colour(i)));
        disc.getStyleClass().add("map-cluster-disc");
        Text label = new Text(count >= 10_000 ? count / 1000 + "k" : Integer.toString(count));
        label.getStyleClass().add("map-cluster-count");
        StackPane node = new StackPane(disc, label);
        node.getStyleClass().addAll("map-cluster", styleClass);
        node.setUserData(count);
        // Centred on its point: the translate puts the top-left corner there, the layout moves it back.
        node.setLayoutX(-radius);
        node.setLayoutY(-radius);
        node.setManaged(false);
        node.resize(radius * 2, radius * 2);
        GeoBox bounds = shown.bounds(i);
        node.setOnMouseClicked(e -> {
            if (e.isStillSincePress()) {
                zoomInto(bounds);
                e.consume();
            }
        });
        return node;
    }

    /** Centres the map on a cluster's pins and zooms until they spread out (two steps at least). */
    void zoomInto(GeoBox bounds) {
        double fit = MapViewport.zoomToFit(bounds, map.getWidth() * 0.8, map.getHeight() * 0.8, 18);
        double zoom = Math.max(Math.min(fit, 18), Math.min(map.getZoom() + 2, 18));
        map.setZoom(zoom);
        map.setCenter(bounds.centreLat(), bounds.centreLon());
    }
}
