package io.salesdesk.app.map;

import com.gluonhq.maps.MapLayer;
import com.gluonhq.maps.MapView;
import io.salesdesk.app.common.I18n;
import io.salesdesk.territory.geo.Boundaries;
import io.salesdesk.territory.geo.BoundaryLevel;
import io.salesdesk.territory.geo.RegionShape;
import io.salesdesk.territory.geo.WebMercator;
import io.salesdesk.territory.pain.ChoroplethClasses;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.transform.Affine;

/**
 * 技术痛点: provinces (or, zoomed in, cities) filled by how many customers carry the chosen tag, in
 * the classes of the legend. The outlines are built once per level in Web Mercator space and moved
 * with one transform when the map pans or zooms, so panning redraws nothing.
 */
final class PainPointLayer extends MapLayer {

    /** From this zoom on the map shows cities instead of provinces. */
    static final double CITY_ZOOM = 6.5;
    /** The pixel space the outlines are built in (zoom 8). */
    private static final double REF = WebMercator.worldSize(8);

    private final MapView map;
    private final Group shapes = new Group();
    private final BiConsumer<String, Integer> onRegion;
    private final Runnable onLevelChanged;
    private Boundaries boundaries;
    private Map<String, Integer> provinces = Map.of();
    private Map<String, Integer> cities = Map.of();
    private ChoroplethClasses provinceClasses = ChoroplethClasses.of(List.of());
    private ChoroplethClasses cityClasses = provinceClasses;
    private BoundaryLevel built;

    /**
     * @param onRegion       told a region's name and count when the user clicks it
     * @param onLevelChanged told when the zoom switches between provinces and cities (the legend)
     */
    PainPointLayer(MapView map, BiConsumer<String, Integer> onRegion, Runnable onLevelChanged) {
        this.map = map;
        this.onRegion = onRegion;
        this.onLevelChanged = onLevelChanged;
        setId("painLayer");
        getStyleClass().add("map-layer");
        shapes.setManaged(false);
        getChildren().add(shapes);
    }

    /** Shows these counts per province and per city (empty maps for none). */
    void show(Boundaries shapesOf, Map<String, Integer> byProvince, Map<String, Integer> byCity) {
        boundaries = shapesOf;
        provinces = Map.copyOf(byProvince);
        cities = Map.copyOf(byCity);
        provinceClasses = ChoroplethClasses.of(provinces.values());
        cityClasses = ChoroplethClasses.of(cities.values());
        built = null;
        markDirty();
    }

    /** Draws the regions afresh (shown or hidden). */
    void redraw() {
        built = null;
        if (!isVisible()) {
            shapes.getChildren().clear();
        }
        markDirty();
    }

    /** The level the map's zoom shows now. */
    BoundaryLevel level() {
        return map.getZoom() >= CITY_ZOOM ? BoundaryLevel.CITY : BoundaryLevel.PROVINCE;
    }

    /** The classes of the level shown now, for the legend. */
    ChoroplethClasses classes() {
        return level() == BoundaryLevel.CITY ? cityClasses : provinceClasses;
    }

    @Override
    protected void layoutLayer() {
        if (boundaries == null || !isVisible()) {
            shapes.getChildren().clear();
            built = null;
            return;
        }
        BoundaryLevel level = level();
        if (level != built) {
            boolean switched = built != null;
            rebuild(level);
            if (switched) {
                onLevelChanged.run();
            }
        }
        // Two fixed places give the linear map from Web Mercator space to the layer's pixels.
        Point2D a = getMapPoint(20, 100);
        Point2D b = getMapPoint(40, 120);
        if (a == null || b == null) {
            return;
        }
        double ax = WebMercator.unitX(100) * REF;
        double ay = WebMercator.unitY(20) * REF;
        double bx = WebMercator.unitX(120) * REF;
        double by = WebMercator.unitY(40) * REF;
        double sx = (b.getX() - a.getX()) / (bx - ax);
        double sy = (b.getY() - a.getY()) / (by - ay);
        shapes.getTransforms().setAll(new Affine(sx, 0, a.getX() - sx * ax, 0, sy, a.getY() - sy * ay));
        for (var node : shapes.getChildren()) {
            ((Path) node).setStrokeWidth(1 / sx);
        }
    }

    private void rebuild(BoundaryLevel level) {
        built = level;
        Map<String, Integer> counts = level == BoundaryLevel.CITY ? cities : provinces;
        ChoroplethClasses classes = level == BoundaryLevel.CITY ? cityClasses : provinceClasses;
        shapes.getChildren().clear();
        for (RegionShape shape : boundaries.level(level)) {
            int count = counts.getOrDefault(shape.code(), 0);
            int cls = classes.classOf(count);
            if (cls < 0) {
                continue;
            }
            Path path = outline(shape);
            path.getStyleClass().addAll("map-pain-region", "map-pain-class-" + cls);
            path.setUserData(shape.code());
            String text = I18n.get("map.pain.region", shape.name(), count);
            Tooltip.install(path, new Tooltip(text));
            path.setOnMouseClicked(e -> {
                if (e.isStillSincePress()) {
                    onRegion.accept(shape.name(), count);
                    e.consume();
                }
            });
            shapes.getChildren().add(path);
        }
    }

    private static Path outline(RegionShape shape) {
        Path path = new Path();
        path.setFillRule(FillRule.EVEN_ODD);
        for (double[] ring : shape.rings()) {
            for (int i = 0; i < ring.length / 2; i++) {
                double x = WebMercator.unitX(ring[2 * i]) * REF;
                double y = WebMercator.unitY(ring[2 * i + 1]) * REF;
                path.getElements().add(i == 0 ? new MoveTo(x, y) : new LineTo(x, y));
            }
            path.getElements().add(new ClosePath());
        }
        return path;
    }
}
