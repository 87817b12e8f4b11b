package io.salesdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Makes the boundary files the territory module ships from the ECharts map data in
 * {@code shared/data/regions} (Apache-2.0): Douglas–Peucker per arc, where an arc is the run of a
 * ring between junctions (points where the set of regions sharing the border changes). Two
 * neighbours share their border's points exactly in the source, so simplifying each shared arc the
 * same way, from the same end, keeps them sharing it: no slivers or gaps open between cities.
 * Rings that shrink below a triangle (islets under the tolerance) are dropped, unless a region would
 * lose its last ring. Coordinates are written with at most {@code decimals} decimals.
 *
 * <p>Rerun after a data update (the output replaces the resources):
 * <pre>
 * ./mvnw -B -o -q package -pl modules/bench -am -DskipTests
 * java -cp modules/bench/target/benchmarks.jar io.salesdesk.bench.BoundarySimplifier \
 *      ../shared/data/regions modules/territory/src/main/resources/io/salesdesk/territory/geo
 * </pre>
 * Tolerances (degrees): provinces 0.005, cities 0.01, outline 0.005 — about 0.5 to 1 km, under a
 * pixel up to zoom 7 and a few pixels at zoom 9, where the basemap is only a fallback anyway.
 */
public final class BoundarySimplifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final int MIN_RUN = 8;

    private final double tolerance;
    private final int decimals;

    public BoundarySimplifier(double tolerance, int decimals) {
        this.tolerance = tolerance;
        this.decimals = decimals;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.out.println("usage: BoundarySimplifier SOURCE_DIR TARGET_DIR  (reads china-provinces.geojson, "
                    + "china-cities.geojson, china-outline.geojson; writes provinces, cities, outline .geojson)");
            return;
        }
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        Files.createDirectories(target);
        run(source.resolve("china-provinces.geojson"), target.resolve("provinces.geojson"), 0.005);
        run(source.resolve("china-cities.geojson"), target.resolve("cities.geojson"), 0.01);
        run(source.resolve("china-outline.geojson"), target.resolve("outline.geojson"), 0.005);
    }

    private static void run(Path in, Path out, double tolerance) throws IOException {
        JsonNode collection = JSON.readTree(in.toFile());
        BoundarySimplifier simplifier = new BoundarySimplifier(tolerance, 3);
        String written = simplifier.simplify(collection);
        Files.writeString(out, written, StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "%s: %,d -> %,d points, %,d -> %,d bytes%n", out.getFileName(),
                simplifier.pointsIn, simplifier.pointsOut, Files.size(in), Files.size(out));
    }

    private int pointsIn;
    private int pointsOut;

    /** One feature: its id, name, label point and polygons (each a list of rings). */
    private record Feature(String id, String name, JsonNode cp, List<List<List<double[]>>> polygons) {
    }

    /** Simplifies a GeoJSON feature collection and returns it as compact GeoJSON text. */
    public String simplify(JsonNode collection) {
        List<Feature> features = new ArrayList<>();
        for (JsonNode f : collection.path("features")) {
            String id = f.hasNonNull("id") ? f.get("id").asText() : f.path("properties").path("id").asText();
            features.add(new Feature(id, f.path("properties").path("name").asText(id), f.path("properties").path("cp"),
                    polygons(f.path("geometry"))));
        }
        Map<Long, Set<Integer>> ringsAtPoint = new HashMap<>();
        int ringId = 0;
        for (Feature f : features) {
            for (List<List<double[]>> polygon : f.polygons()) {
                for (List<double[]> ring : polygon) {
                    pointsIn += ring.size();
                    for (double[] p : ring) {
                        ringsAtPoint.computeIfAbsent(key(p), k -> new HashSet<>()).add(ringId);
                    }
                    ringId++;
                }
            }
        }
        Map<String, List<double[]>> arcs = new HashMap<>();
        StringBuilder out = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean firstFeature = true;
        for (Feature f : features) {
            List<List<List<double[]>>> kept = new ArrayList<>();
            for (List<List<double[]>> polygon : f.polygons()) {
                List<List<double[]>> rings = new ArrayList<>();
                for (int r = 0; r < polygon.size(); r++) {
                    List<double[]> simplified = simplifyRing(polygon.get(r), ringsAtPoint, arcs);
                    if (simplified.size() >= 4) {
                        rings.add(simplified);
                    } else if (r == 0) {
                        break; // the outer ring vanished: its holes go with it
                    }
                }
                if (!rings.isEmpty()) {
                    kept.add(rings);
                }
            }
            if (kept.isEmpty() && !f.polygons().isEmpty()) {
                kept.add(List.of(f.polygons().get(0).get(0))); // never lose a region entirely
            }
            kept.forEach(p -> p.forEach(ring -> pointsOut += ring.size()));
            if (!firstFeature) {
                out.append(',');
            }
            firstFeature = false;
            writeFeature(out, f, kept);
        }
        return out.append("]}\n").toString();
    }

    private static List<List<List<double[]>>> polygons(JsonNode geometry) {
        List<List<List<double[]>>> polygons = new ArrayList<>();
        JsonNode coordinates = geometry.path("coordinates");
        if ("Polygon".equals(geometry.path("type").asText())) {
            polygons.add(rings(coordinates));
        } else if ("MultiPolygon".equals(geometry.path("type").asText())) {
            coordinates.forEach(p -> polygons.add(rings(p)));
        }
        return polygons;
    }

    private static List<List<double[]>> rings(JsonNode polygon) {
        List<List<double[]>> rings = new ArrayList<>();
        for (JsonNode ring : polygon) {
            List<double[]> points = new ArrayList<>();
            for (JsonNode p : ring) {
                double[] point = {p.get(0).asDouble(), p.get(1).asDouble()};
                // Consecutive duplicates would make zero-length arcs.
                if (points.isEmpty() || key(points.get(points.size() - 1)) != key(point)) {
                    points.add(point);
                }
            }
            if (points.size() > 1 && key(points.get(0)) != key(points.get(points.size() - 1))) {
                points.add(points.get(0));
            }
            rings.add(points);
        }
        return rings;
    }

    private static long key(double[] p) {
        return Math.round((p[0] + 180) * 1e5) * 100_000_000L + Math.round((p[1] + 90) * 1e5);
    }

    /** Splits the closed ring at its junctions and simplifies each arc once, the same from both sides. */
    private List<double[]> simplifyRing(List<double[]> ring, Map<Long, Set<Integer>> ringsAtPoint,
                                        Map<String, List<double[]>> arcs) {
        int n = ring.size() - 1; // the last point repeats the first
        if (n < 3) {
            return List.of();
        }
        List<Set<Integer>> sharedWith = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sharedWith.add(ringsAtPoint.get(key(ring.get(i))));
        }
        smoothShortRuns(sharedWith);
        boolean[] junction = new boolean[n];
        int first = -1;
        for (int i = 0; i < n; i++) {
            Set<Integer> here = sharedWith.get(i);
            junction[i] = !here.equals(sharedWith.get((i + n - 1) % n)) || !here.equals(sharedWith.get((i + 1) % n));
            if (junction[i] && first < 0) {
                first = i;
            }
        }
        if (first < 0) {
            // No junction (an island, or a ring shared whole): anchor at the lowest point, so a ring
            // shared whole is cut at the same place from both sides.
            first = 0;
            for (int i = 1; i < n; i++) {
                if (key(ring.get(i)) < key(ring.get(first))) {
                    first = i;
                }
            }
            junction[first] = true;
        }
        List<double[]> result = new ArrayList<>();
        int start = first;
        do {
            int end = (start + 1) % n;
            while (!junction[end]) {
                end = (end + 1) % n;
            }
            List<double[]> arc = new ArrayList<>();
            for (int i = start; ; i = (i + 1) % n) {
                arc.add(ring.get(i));
                if (i == end && arc.size() > 1) {
                    break;
                }
            }
            List<double[]> simplified = simplifiedArc(arc, arcs);
            result.addAll(simplified.subList(0, simplified.size() - 1));
            start = end;
        } while (start != first);
        result.add(result.get(0));
        return result;
    }

    /**
     * A neighbour's border often carries a point or two the other side lacks; taken literally, each
     * such point would cut the border into tiny arcs that are never simplified. Runs shorter than
     * {@link #MIN_RUN} points take the sharing of the run before them.
     */
    private static void smoothShortRuns(List<Set<Integer>> sharedWith) {
        int n = sharedWith.size();
        int i = 0;
        while (i < n) {
            int end = i;
            while (end + 1 < n && sharedWith.get(end + 1).equals(sharedWith.get(i))) {
                end++;
            }
            if (end - i + 1 < MIN_RUN && i > 0 && sharedWith.get(i).size() <= 2) {
                for (int k = i; k <= end; k++) {
                    sharedWith.set(k, sharedWith.get(i - 1));
                }
            }
            i = end + 1;
        }
    }

    private List<double[]> simplifiedArc(List<double[]> arc, Map<String, List<double[]>> arcs) {
        boolean reversed = key(arc.get(0)) > key(arc.get(arc.size() - 1))
                || key(arc.get(0)) == key(arc.get(arc.size() - 1)) && key(arc.get(1)) > key(arc.get(arc.size() - 2));
        List<double[]> canonical = new ArrayList<>(arc);
        if (reversed) {
            java.util.Collections.reverse(canonical);
        }
        StringBuilder id = new StringBuilder();
        for (double[] p : canonical) {
            id.append(key(p)).append(';');
        }
        List<double[]> simplified = arcs.computeIfAbsent(id.toString(), k -> douglasPeucker(canonical));
        if (!reversed) {
            return simplified;
        }
        List<double[]> back = new ArrayList<>(simplified);
        java.util.Collections.reverse(back);
        return back;
    }

    private List<double[]> douglasPeucker(List<double[]> points) {
        boolean[] keep = new boolean[points.size()];
        keep[0] = true;
        keep[points.size() - 1] = true;
        mark(points, 0, points.size() - 1, keep);
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (keep[i]) {
                kept.add(points.get(i));
            }
        }
        return kept;
    }

    private void mark(List<double[]> points, int from, int to, boolean[] keep) {
        if (to - from < 2) {
            return;
        }
        double[] a = points.get(from);
        double[] b = points.get(to);
        int farthest = -1;
        double distance = -1;
        for (int i = from + 1; i < to; i++) {
            double d = distance(points.get(i), a, b);
            if (d > distance) {
                distance = d;
                farthest = i;
            }
        }
        // A closed arc (start = end) always keeps its farthest point, so it stays a ring.
        if (distance > tolerance || key(a) == key(b)) {
            keep[farthest] = true;
            mark(points, from, farthest, keep);
            mark(points, farthest, to, keep);
        }
    }

    private static double distance(double[] p, double[] a, double[] b) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double length2 = dx * dx + dy * dy;
        if (length2 == 0) {
            return Math.hypot(p[0] - a[0], p[1] - a[1]);
        }
        double t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
        return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
    }

    private void writeFeature(StringBuilder out, Feature f, List<List<List<double[]>>> polygons) {
        out.append("\n{\"type\":\"Feature\",\"id\":\"").append(f.id()).append("\",\"properties\":{\"name\":\"")
                .append(f.name()).append('"');
        if (f.cp().isArray() && f.cp().size() == 2) {
            out.append(",\"cp\":[").append(number(f.cp().get(0).asDouble(), 5)).append(',')
                    .append(number(f.cp().get(1).asDouble(), 5)).append(']');
        }
        out.append("},\"geometry\":{\"type\":\"").append(polygons.size() == 1 ? "Polygon" : "MultiPolygon")
                .append("\",\"coordinates\":");
        if (polygons.size() == 1) {
            writePolygon(out, polygons.get(0));
        } else {
            out.append('[');
            for (int i = 0; i < polygons.size(); i++) {
                out.append(i == 0 ? "" : ",");
                writePolygon(out, polygons.get(i));
            }
            out.append(']');
        }
        out.append("}}");
    }

    private void writePolygon(StringBuilder out, List<List<double[]>> rings) {
        out.append('[');
        for (int r = 0; r < rings.size(); r++) {
            out.append(r == 0 ? "[" : ",[");
            List<double[]> ring = rings.get(r);
            for (int i = 0; i < ring.size(); i++) {
                out.append(i == 0 ? "[" : ",[").append(number(ring.get(i)[0], decimals)).append(',')
                        .append(number(ring.get(i)[1], decimals)).append(']');
            }
            out.append(']');
        }
        out.append(']');
    }

    private static String number(double value, int decimals) {
        return java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
