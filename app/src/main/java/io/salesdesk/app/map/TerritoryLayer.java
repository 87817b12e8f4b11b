package io.salesdesk.app.map;

import com.gluonhq.maps.MapLayer;
import com.gluonhq.maps.MapView;
import io.salesdesk.territory.geo.Boundaries;
import io.salesdesk.territory.geo.RegionShape;
import io.salesdesk.territory.geo.WebMercator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Text;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * 辖区: each territory's regions filled half-transparent in its colour and outlined, with its name
 * in the middle once it is large enough on screen; and, while a surge alert is shown, the surging
 * provinces outlined in red. The outlines are projected once per whole zoom level (points closer
 * than a pixel dropped) into paths relative to a fixed point; panning only moves the group and a
 * fractional zoom only scales it, so no polygon is recomputed per frame.
 */
final class TerritoryLayer extends MapLayer {

    /** The fixed point the paths are drawn relative to: north-west of China. */
    private static final double ORIGIN_LON = 70;
    private static final double ORIGIN_LAT = 56;
    /** Longitudes apart of the two points the drawing's scale is measured between. */
    private static final double SCALE_SPAN_LON = 60;
    /** Beyond this zoom the paths of this level are scaled rather than projected afresh. */
    private static final int MAX_PATH_ZOOM = 11;
    private static final double MIN_LABEL_ZOOM = 4.5;
    private static final double FILL = 0.30;
    private static final double PARTIAL_FILL = 0.16;
    private static final Color SURGE = Color.web("#e03131");

    private final MapView map;
    private final Boundaries boundaries;
    private final Group shapes = new Group();
    private final Group labels = new Group();
    private final LabelLayer labelLayer = new LabelLayer();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Translate translate = new Translate();
    private final Map<String, double[][]> worldRings = new HashMap<>();
    private final List<Path> outlines = new ArrayList<>();
    private final List<Text> names = new ArrayList<>();
    private List<TerritoryShapes.Drawn> drawn = List.of();
    private List<String> surgeCodes = List.of();
    private UUID chosen;
    private boolean shown = true;
    private int pathZoom = -1;
    private double strokeScale = Double.NaN;

    TerritoryLayer(MapView map, Boundaries boundaries) {
        this.map = map;
        this.boundaries = boundaries;
        setId("territoryLayer");
        getStyleClass().add("map-layer");
        setMouseTransparent(true);
        shapes.getTransforms().setAll(translate, scale);
        getChildren().add(shapes);
        labelLayer.setId("territoryLabelLayer");
        labelLayer.getStyleClass().add("map-layer");
        labelLayer.setMouseTransparent(true);
    }

    /**
     * The territories' names, as a layer of their own that the page adds above the pins, so that
     * no pin covers a name (clicks go through it to the pins).
     */
    MapLayer labelLayer() {
        return labelLayer;
    }

    /** The names shown now (for tests): visible after the collision check. */
    List<Text> shownNames() {
        return names.stream().filter(Text::isVisible).toList();
    }

    /** Lays the names out after the map moved, as the territories do. */
    private final class LabelLayer extends MapLayer {
        LabelLayer() {
            getChildren().add(labels);
        }

        @Override
        protected void layoutLayer() {
            placeLabels(map.getZoom());
        }

        void dirty() {
            markDirty();
        }

        Point2D point(double lat, double lon) {
            return getMapPoint(lat, lon);
        }
    }

    /** Draws these territories (resolved in the background). */
    void setTerritories(List<TerritoryShapes.Drawn> territories) {
        drawn = List.copyOf(territories);
        refresh();
    }

    List<TerritoryShapes.Drawn> territories() {
        return drawn;
    }

    /** Outlines these province codes in red (a surge alert's region); empty for none. */
    void setSurgeRegions(List<String> codes) {
        surgeCodes = List.copyOf(codes);
        refresh();
    }

    List<String> surgeRegions() {
        return surgeCodes;
    }

    /** Emphasises the territory being edited (null for none). */
    void setChosen(UUID territoryId) {
        chosen = territoryId;
        refresh();
    }

    /** Shows or hides the territories; a surge outline stays either way. */
    void setShown(boolean show) {
        shown = show;
        refresh();
    }

    boolean shown() {
        return shown;
    }

    /** Builds the paths afresh at the next layout (territories, colours or the layer's visibility changed). */
    void refresh() {
        pathZoom = -1;
        markDirty();
    }

    /** How many filled territory paths are drawn now (for tests and the status line). */
    int pathsDrawn() {
        return (int) shapes.getChildren().stream().filter(n -> n.getStyleClass().contains("map-territory")).count();
    }

    @Override
    protected void layoutLayer() {
        if (!shown && surgeCodes.isEmpty() || map.getWidth() <= 0) {
            if (!shapes.getChildren().isEmpty()) {
                shapes.getChildren().clear();
                labels.getChildren().clear();
                outlines.clear();
                names.clear();
            }
            pathZoom = -1;
            return;
        }
        double zoom = map.getZoom();
        int level = (int) Math.max(0, Math.min(MAX_PATH_ZOOM, Math.floor(zoom)));
        if (level != pathZoom) {
            build(level);
            strokeScale = Double.NaN;
        }
        Point2D origin = getMapPoint(ORIGIN_LAT, ORIGIN_LON);
        Point2D east = getMapPoint(ORIGIN_LAT, ORIGIN_LON + SCALE_SPAN_LON);
        if (origin == null || east == null) {
            return;
        }
        // The scale is read off the map itself: during and after a wheel zoom the map's scale is not
        // 2^(zoom - level), and assuming it drew the territories away from their places.
        double s = (east.getX() - origin.getX()) / (WebMercator.worldSize(level) * SCALE_SPAN_LON / 360);
        translate.setX(origin.getX());
        translate.setY(origin.getY());
        scale.setX(s);
        scale.setY(s);
        if (s != strokeScale) {
            strokeScale = s;
            for (Path p : outlines) {
                double[] style = (double[]) p.getUserData();
                p.setStrokeWidth(style[0] / s);
                if (style[1] > 0) {
                    p.getStrokeDashArray().setAll(style[1] / s, style[1] / s);
                }
            }
        }
        labelLayer.dirty();
    }

    private void build(int level) {
        pathZoom = level;
        shapes.getChildren().clear();
        labels.getChildren().clear();
        outlines.clear();
        names.clear();
        if (shown) {
            for (TerritoryShapes.Drawn t : drawn) {
                Color colour = colour(t.territory().colour());
                boolean isChosen = t.territory().id().equals(chosen);
                for (TerritoryShapes.Part part : t.parts()) {
                    Path path = path(part.shape(), level);
                    path.setFill(Color.color(colour.getRed(), colour.getGreen(), colour.getBlue(),
                            part.partial() ? PARTIAL_FILL : FILL));
                    path.setStroke(colour.darker());
                    path.setUserData(new double[] {isChosen ? 3.5 : 1.5, part.partial() ? 5 : 0});
                    path.getStyleClass().add("map-territory");
                    if (isChosen) {
                        path.getStyleClass().add("chosen");
                    }
                    shapes.getChildren().add(path);
                    outlines.add(path);
                }
                if (!t.parts().isEmpty() && !Double.isNaN(t.labelLon())) {
                    Text name = new Text(t.territory().name());
                    name.getStyleClass().add("map-territory-name");
                    name.setUserData(t);
                    labels.getChildren().add(name);
                    names.add(name);
                }
            }
        }
        for (String code : surgeCodes) {
            boundaries.byCode(code).ifPresent(shape -> {
                Path path = path(shape, level);
                path.setFill(null);
                path.setStroke(SURGE);
                path.setUserData(new double[] {3, 0});
                path.getStyleClass().add("map-surge-outline");
                shapes.getChildren().add(path);
                outlines.add(path);
            });
        }
    }

    /**
     * Names are shown between country and street zoom, where their territory is wider than the
     * name, and never on top of each other: the territory being edited and then the wider ones
     * are placed first; a name that would overlap one already placed moves half a line down or up
     * if that frees it, else it is left out (its territory is still coloured and in the legend).
     */
    private void placeLabels(double zoom) {
        double world = WebMercator.worldSize(0) * Math.pow(2, zoom);
        List<Candidate> candidates = new ArrayList<>();
        for (Text name : names) {
            TerritoryShapes.Drawn t = (TerritoryShapes.Drawn) name.getUserData();
            Point2D p = labelLayer.point(t.labelLat(), t.labelLon());
            double width = 0;
            for (TerritoryShapes.Part part : t.parts()) {
                width = Math.max(width, (part.shape().box().maxLon() - part.shape().box().minLon()) / 360 * world);
            }
            double textWidth = name.getLayoutBounds().getWidth();
            boolean fits = p != null && zoom >= MIN_LABEL_ZOOM && width >= textWidth * 0.8;
            name.setVisible(false);
            if (fits) {
                boolean isChosen = t.territory().id().equals(chosen);
                candidates.add(new Candidate(name, p, isChosen ? Double.MAX_VALUE : width));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::priority).reversed()
                .thenComparing(c -> c.name().getText()));
        List<Bounds> placed = new ArrayList<>();
        for (Candidate c : candidates) {
            Bounds text = c.name().getLayoutBounds();
            double x = c.at().getX() - text.getWidth() / 2;
            double baseY = c.at().getY() + text.getHeight() / 4;
            for (double shift : new double[] {0, text.getHeight() * 0.6, -text.getHeight() * 0.6}) {
                Bounds box = new BoundingBox(x - LABEL_GAP, baseY + shift + text.getMinY() - LABEL_GAP,
                        text.getWidth() + 2 * LABEL_GAP, text.getHeight() + 2 * LABEL_GAP);
                if (placed.stream().noneMatch(box::intersects)) {
                    placed.add(box);
                    c.name().setTranslateX(x);
                    c.name().setTranslateY(baseY + shift);
                    c.name().setVisible(true);
                    break;
                }
            }
        }
    }

    /** Pixels kept free around a name. */
    private static final double LABEL_GAP = 2;

    private record Candidate(Text name, Point2D at, double priority) {
    }

    /** A shape's rings at a zoom, relative to the origin, with points less than a pixel apart dropped. */
    private Path path(RegionShape shape, int level) {
        double[][] rings = worldRings.computeIfAbsent(shape.code() + "/" + shape.level(), k -> project(shape));
        double factor = Math.pow(2, level);
        double ox = WebMercator.x(ORIGIN_LON, 0) * factor;
        double oy = WebMercator.y(ORIGIN_LAT, 0) * factor;
        List<PathElement> elements = new ArrayList<>();
        for (double[] ring : rings) {
            double lastX = Double.NaN;
            double lastY = Double.NaN;
            int kept = 0;
            for (int i = 0; i < ring.length; i += 2) {
                double x = ring[i] * factor - ox;
                double y = ring[i + 1] * factor - oy;
                if (kept > 0 && Math.abs(x - lastX) < 0.8 && Math.abs(y - lastY) < 0.8 && i < ring.length - 2) {
                    continue;
                }
                elements.add(kept == 0 ? new MoveTo(x, y) : new LineTo(x, y));
                lastX = x;
                lastY = y;
                kept++;
            }
            if (kept > 0) {
                elements.add(new ClosePath());
            }
        }
        Path path = new Path(elements);
        path.setFillRule(FillRule.EVEN_ODD);
        path.setStrokeLineJoin(StrokeLineJoin.ROUND);
        return path;
    }

    /** The rings in world pixels at zoom 0, computed once per shape. */
    private static double[][] project(RegionShape shape) {
        double[][] out = new double[shape.rings().size()][];
        for (int r = 0; r < out.length; r++) {
            double[] ring = shape.rings().get(r);
            double[] xy = new double[ring.length];
            for (int i = 0; i < ring.length; i += 2) {
                xy[i] = WebMercator.x(ring[i], 0);
                xy[i + 1] = WebMercator.y(ring[i + 1], 0);
            }
            out[r] = xy;
        }
        return out;
    }

    static Color colour(String hex) {
        try {
            return Color.web(hex);
        } catch (IllegalArgumentException | NullPointerException e) {
            return PinColours.POOL;
        }
    }
}
