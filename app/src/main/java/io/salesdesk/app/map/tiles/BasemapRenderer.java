package io.salesdesk.app.map.tiles;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.salesdesk.territory.geo.Boundaries;
import io.salesdesk.territory.geo.BoundaryLevel;
import io.salesdesk.territory.geo.GeoBox;
import io.salesdesk.territory.geo.RegionShape;
import io.salesdesk.territory.geo.WebMercator;

/**
 * Draws a 256-pixel basemap tile from the bundled boundaries with Java2D, for when no tile can be
 * had: sea, land, city borders from zoom 6, province borders, the national outline, province names
 * from zoom 4 and city names from zoom 6 (in a CJK font found on the system). Labels are placed in
 * world pixels and drawn by every tile they reach, so a name cut by a tile edge continues on the
 * next tile. Thread-safe: each call draws into its own image.
 */
final class BasemapRenderer {

    static final Color SEA = new Color(0xD6, 0xE6, 0xF0);
    static final Color LAND = new Color(0xF4, 0xF1, 0xEA);
    static final Color CITY_BORDER = new Color(0xC9, 0xC1, 0xB6);
    static final Color PROVINCE_BORDER = new Color(0x9E, 0x94, 0x86);
    static final Color OUTLINE = new Color(0x6F, 0x66, 0x5A);
    static final Color TEXT = new Color(0x3A, 0x36, 0x30);
    static final Color PROVINCE_TEXT = new Color(0x6A, 0x5F, 0x52);
    static final int PROVINCE_LABELS_FROM = 4;
    static final int CITY_BORDERS_FROM = 6;
    static final int CITY_LABELS_FROM = 6;
    /** Pixels around a tile whose labels may still reach into it. */
    private static final int LABEL_MARGIN = 96;
    /** Pixels around a tile where borders are still stroked (so joins and dashes line up). */
    private static final int STROKE_MARGIN = 8;
    /** Municipalities: their city label says it all once city names show. */
    private static final Set<String> MUNICIPALITIES = Set.of("110000", "120000", "310000", "500000", "810000", "820000");
    private static final String[] CJK_FONTS = {"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
        "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimHei", "Noto Serif CJK SC", "SimSun"};

    private static final Color HALO = new Color(255, 255, 255, 210);
    private static final FontRenderContext FONT_CONTEXT = new FontRenderContext(null, true, true);
    private static final BasicStroke HALO_STROKE = new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private final Boundaries boundaries;
    private final String fontFamily;
    private final Map<String, Label> labels = new ConcurrentHashMap<>();
    private final Map<Integer, List<PlacedLabel>> placedLabels = new ConcurrentHashMap<>();

    BasemapRenderer(Boundaries boundaries) {
        this.boundaries = boundaries;
        this.fontFamily = cjkFontFamily();
    }

    /**
     * A font family that has Chinese glyphs, or the logical SansSerif (which maps to one where it
     * can). Asks the font manager only, not the graphics environment, so no AWT toolkit starts
     * beside JavaFX.
     */
    static String cjkFontFamily() {
        for (String name : CJK_FONTS) {
            Font font = new Font(name, Font.PLAIN, 12);
            if (name.equalsIgnoreCase(font.getFamily(Locale.ROOT)) && font.canDisplayUpTo("杭州浙江") < 0) {
                return name;
            }
        }
        return Font.SANS_SERIF;
    }

    BufferedImage render(int zoom, long tileX, long tileY) {
        BufferedImage image = new BufferedImage(WebMercator.TILE_SIZE, WebMercator.TILE_SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(SEA);
            g.fillRect(0, 0, WebMercator.TILE_SIZE, WebMercator.TILE_SIZE);
            Projection p = new Projection(zoom, tileX * WebMercator.TILE_SIZE, tileY * WebMercator.TILE_SIZE);
            GeoBox tile = WebMercator.tileBox(zoom, tileX, tileY);
            List<RegionShape> provinces = boundaries.intersecting(BoundaryLevel.PROVINCE, tile);
            g.setColor(LAND);
            provinces.forEach(s -> g.fill(p.path(s)));
            boundaries.intersecting(BoundaryLevel.COUNTRY, tile).forEach(s -> g.fill(p.path(s)));
            if (zoom >= CITY_BORDERS_FROM) {
                g.setColor(CITY_BORDER);
                g.setStroke(new BasicStroke(0.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                boundaries.intersecting(BoundaryLevel.CITY, tile).forEach(s -> g.draw(p.lines(s)));
            }
            g.setColor(PROVINCE_BORDER);
            g.setStroke(new BasicStroke(zoom < 5 ? 0.8f : 1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                    10f, new float[] {4f, 2f}, 0f));
            provinces.forEach(s -> g.draw(p.lines(s)));
            g.setColor(OUTLINE);
            g.setStroke(new BasicStroke(zoom < 5 ? 1.0f : 1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            boundaries.intersecting(BoundaryLevel.COUNTRY, tile).forEach(s -> g.draw(p.lines(s)));
            labels(g, p, zoom);
        } finally {
            g.dispose();
        }
        return image;
    }

    private void labels(Graphics2D g, Projection p, int zoom) {
        Rectangle2D reach = new Rectangle2D.Double(p.left - LABEL_MARGIN, p.top - LABEL_MARGIN,
                WebMercator.TILE_SIZE + 2 * LABEL_MARGIN, WebMercator.TILE_SIZE + 2 * LABEL_MARGIN);
        for (PlacedLabel placed : placedLabels.computeIfAbsent(zoom, this::placeLabels)) {
            if (reach.contains(placed.x(), placed.y())) {
                Label shape = placed.label();
                double x = placed.x() - p.left;
                double y = placed.y() - p.top;
                g.translate(x, y);
                g.setColor(HALO);
                g.fill(shape.halo());
                g.setColor(placed.color());
                g.fill(shape.outline());
                g.translate(-x, -y);
            }
        }
    }

    /** A name at its place in world pixels of one zoom. */
    private record PlacedLabel(Label label, double x, double y, Color color) {
    }

    /**
     * The names a zoom shows, decided once for the whole world so every tile agrees: province
     * names first, then provincial capitals, then the other cities; a name that would overlap one
     * placed before it is left out (at zoom 5 one of 香港 and 澳门 stays, not both on top of each other).
     */
    private List<PlacedLabel> placeLabels(int zoom) {
        List<PlacedLabel> placed = new ArrayList<>();
        List<Rectangle2D> taken = new ArrayList<>();
        if (zoom >= PROVINCE_LABELS_FROM) {
            Font font = new Font(fontFamily, Font.BOLD, zoom < CITY_LABELS_FROM ? 12 : 15);
            for (RegionShape province : boundaries.provinces()) {
                if (zoom >= CITY_LABELS_FROM && MUNICIPALITIES.contains(province.code())) {
                    continue;
                }
                // From city zoom on, the province's label point (its capital) belongs to the city name.
                double[] at = zoom >= CITY_LABELS_FROM ? interiorPoint(province)
                        : new double[] {province.labelLon(), province.labelLat()};
                place(placed, taken, province.name(), at[0], at[1], zoom, font, PROVINCE_TEXT);
            }
        }
        if (zoom >= CITY_LABELS_FROM) {
            Font font = new Font(fontFamily, Font.PLAIN, zoom < 8 ? 11 : 13);
            List<RegionShape> cities = new ArrayList<>(boundaries.cities());
            cities.sort(Comparator.comparing((RegionShape c) -> !c.code().endsWith("0100")));
            for (RegionShape city : cities) {
                place(placed, taken, city.name(), city.labelLon(), city.labelLat(), zoom, font, TEXT);
            }
        }
        return List.copyOf(placed);
    }

    private void place(List<PlacedLabel> placed, List<Rectangle2D> taken, String text, double lon, double lat,
                       int zoom, Font font, Color color) {
        Label label = label(text, font);
        double x = WebMercator.x(lon, zoom);
        double y = WebMercator.y(lat, zoom);
        Rectangle2D bounds = label.outline().getBounds2D();
        Rectangle2D box = new Rectangle2D.Double(x + bounds.getX() - 2, y + bounds.getY() - 2,
                bounds.getWidth() + 4, bounds.getHeight() + 4);
        if (taken.stream().noneMatch(box::intersects)) {
            taken.add(box);
            placed.add(new PlacedLabel(label, x, y, color));
        }
    }

    /** The centre of the largest ring's bounding box when it lies inside, else the label point. */
    private static double[] interiorPoint(RegionShape shape) {
        double[] largest = null;
        double area = -1;
        for (double[] ring : shape.rings()) {
            double a = 0;
            for (int i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
                a += (ring[j] + ring[i]) * (ring[j + 1] - ring[i + 1]);
            }
            if (Math.abs(a) > area) {
                area = Math.abs(a);
                largest = ring;
            }
        }
        if (largest != null) {
            double minLon = Double.MAX_VALUE;
            double maxLon = -Double.MAX_VALUE;
            double minLat = Double.MAX_VALUE;
            double maxLat = -Double.MAX_VALUE;
            for (int i = 0; i < largest.length; i += 2) {
                minLon = Math.min(minLon, largest[i]);
                maxLon = Math.max(maxLon, largest[i]);
                minLat = Math.min(minLat, largest[i + 1]);
                maxLat = Math.max(maxLat, largest[i + 1]);
            }
            double lon = (minLon + maxLon) / 2;
            double lat = (minLat + maxLat) / 2;
            if (shape.contains(lon, lat)) {
                return new double[] {lon, lat};
            }
        }
        return new double[] {shape.labelLon(), shape.labelLat()};
    }

    /** The name's outline centred on (0, 0), made once per font: glyph outlines are the costly part. */
    private Label label(String text, Font font) {
        return labels.computeIfAbsent(font.getStyle() + "/" + font.getSize() + "/" + text, k -> {
            GlyphVector glyphs = font.createGlyphVector(FONT_CONTEXT, text);
            Rectangle2D bounds = glyphs.getVisualBounds();
            Shape outline = glyphs.getOutline((float) (-bounds.getWidth() / 2 - bounds.getX()),
                    (float) (-bounds.getHeight() / 2 - bounds.getY()));
            return new Label(outline, HALO_STROKE.createStrokedShape(outline));
        });
    }

    /** A name's outline, centred on (0, 0), and the halo around it. */
    private record Label(Shape outline, Shape halo) {
    }

    /** World pixels of the zoom, shifted so the tile's top-left corner is (0, 0). */
    private record Projection(int zoom, double left, double top) {

        double x(double lon) {
            return WebMercator.x(lon, zoom) - left;
        }

        double y(double lat) {
            return WebMercator.y(lat, zoom) - top;
        }

        /** The shape's rings as one path to fill. */
        Path2D path(RegionShape shape) {
            Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (double[] ring : shape.rings()) {
                path.moveTo(x(ring[0]), y(ring[1]));
                for (int i = 2; i < ring.length; i += 2) {
                    path.lineTo(x(ring[i]), y(ring[i + 1]));
                }
                path.closePath();
            }
            return path;
        }

        /**
         * The shape's rings as lines to stroke, leaving out the segments wholly to one side of the
         * tile: at high zoom a border runs for millions of pixels, and dashing all of it would take long.
         */
        Path2D lines(RegionShape shape) {
            Path2D.Double path = new Path2D.Double();
            for (double[] ring : shape.rings()) {
                double px = x(ring[0]);
                double py = y(ring[1]);
                path.moveTo(px, py);
                for (int i = 2; i < ring.length; i += 2) {
                    double nx = x(ring[i]);
                    double ny = y(ring[i + 1]);
                    if (outside(px, nx) || outside(py, ny)) {
                        path.moveTo(nx, ny);
                    } else {
                        path.lineTo(nx, ny);
                    }
                    px = nx;
                    py = ny;
                }
            }
            return path;
        }

        private static boolean outside(double a, double b) {
            return a < -STROKE_MARGIN && b < -STROKE_MARGIN
                    || a > WebMercator.TILE_SIZE + STROKE_MARGIN && b > WebMercator.TILE_SIZE + STROKE_MARGIN;
        }
    }
}
