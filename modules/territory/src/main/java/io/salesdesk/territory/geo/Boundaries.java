package io.salesdesk.territory.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled boundaries of China: provinces, prefecture-level cities and the national outline
 * (ECharts map data, Apache-2.0, simplified by {@code io.salesdesk.bench.BoundarySimplifier}). They
 * draw the offline basemap and answer which region a point lies in. Loaded once; immutable after.
 */
public final class Boundaries {

    private static final Logger LOG = LoggerFactory.getLogger(Boundaries.class);
    private static final String FOLDER = "/io/salesdesk/territory/geo/";

    private final List<RegionShape> provinces;
    private final List<RegionShape> cities;
    private final List<RegionShape> outline;
    private final Map<String, RegionShape> byCode = new HashMap<>();

    private Boundaries(List<RegionShape> provinces, List<RegionShape> cities, List<RegionShape> outline) {
        this.provinces = List.copyOf(provinces);
        this.cities = List.copyOf(cities);
        this.outline = List.copyOf(outline);
        // A municipality is both a province and a city with the same code: the city shape is the finer one.
        provinces.forEach(p -> byCode.put(p.code(), p));
        cities.forEach(c -> byCode.put(c.code(), c));
    }

    private static final class Bundled {
        static final Boundaries INSTANCE = loadBundled();
    }

    /** The boundaries shipped with SalesDesk, read on first use (about 100 ms) and shared after. */
    public static Boundaries bundled() {
        return Bundled.INSTANCE;
    }

    private static Boundaries loadBundled() {
        long started = System.nanoTime();
        try (InputStream provinces = open("provinces.geojson");
             InputStream cities = open("cities.geojson");
             InputStream outline = open("outline.geojson")) {
            Boundaries loaded = read(provinces, cities, outline);
            LOG.info("Boundaries loaded in {} ms: {} provinces, {} cities", (System.nanoTime() - started) / 1_000_000,
                    loaded.provinces.size(), loaded.cities.size());
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled boundary files cannot be read", e);
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = Boundaries.class.getResourceAsStream(FOLDER + name);
        if (in == null) {
            throw new IOException("Missing resource " + FOLDER + name);
        }
        return in;
    }

    /** Reads three GeoJSON feature collections (feature id = 6-digit code, properties name and cp). */
    public static Boundaries read(InputStream provinces, InputStream cities, InputStream outline) throws IOException {
        ObjectMapper json = new ObjectMapper();
        return new Boundaries(shapes(json.readTree(provinces), BoundaryLevel.PROVINCE),
                shapes(json.readTree(cities), BoundaryLevel.CITY), shapes(json.readTree(outline), BoundaryLevel.COUNTRY));
    }

    private static List<RegionShape> shapes(JsonNode collection, BoundaryLevel level) {
        List<RegionShape> shapes = new ArrayList<>();
        for (JsonNode feature : collection.path("features")) {
            JsonNode properties = feature.path("properties");
            String code = feature.hasNonNull("id") ? feature.get("id").asText()
                    : properties.path("adcode").asText(properties.path("id").asText());
            List<double[]> rings = rings(feature.path("geometry"));
            if (rings.isEmpty()) {
                continue;
            }
            GeoBox box = box(rings);
            JsonNode cp = properties.path("cp");
            double[] label = cp.isArray() && cp.size() == 2 ? new double[] {cp.get(0).asDouble(), cp.get(1).asDouble()}
                    : box.centre();
            shapes.add(new RegionShape(code, properties.path("name").asText(code), level, label[0], label[1], box, rings));
        }
        return shapes;
    }

    private static List<double[]> rings(JsonNode geometry) {
        List<double[]> rings = new ArrayList<>();
        JsonNode coordinates = geometry.path("coordinates");
        switch (geometry.path("type").asText()) {
            case "Polygon" -> coordinates.forEach(ring -> addRing(rings, ring));
            case "MultiPolygon" -> coordinates.forEach(polygon -> polygon.forEach(ring -> addRing(rings, ring)));
            default -> { }
        }
        return rings;
    }

    private static void addRing(List<double[]> rings, JsonNode ring) {
        if (ring.size() < 3) {
            return;
        }
        double[] flat = new double[ring.size() * 2];
        for (int i = 0; i < ring.size(); i++) {
            flat[2 * i] = ring.get(i).get(0).asDouble();
            flat[2 * i + 1] = ring.get(i).get(1).asDouble();
        }
        rings.add(flat);
    }

    private static GeoBox box(List<double[]> rings) {
        double minLon = Double.MAX_VALUE;
        double minLat = Double.MAX_VALUE;
        double maxLon = -Double.MAX_VALUE;
        double maxLat = -Double.MAX_VALUE;
        for (double[] ring : rings) {
            for (int i = 0; i < ring.length; i += 2) {
                minLon = Math.min(minLon, ring[i]);
                maxLon = Math.max(maxLon, ring[i]);
                minLat = Math.min(minLat, ring[i + 1]);
                maxLat = Math.max(maxLat, ring[i + 1]);
            }
        }
        return new GeoBox(minLon, minLat, maxLon, maxLat);
    }

    /** The 34 province-level regions. */
    public List<RegionShape> provinces() {
        return provinces;
    }

    /** The prefecture-level cities (and the municipalities, under their province codes). */
    public List<RegionShape> cities() {
        return cities;
    }

    /** The national outline (one shape, code 100000). */
    public List<RegionShape> outline() {
        return outline;
    }

    /** The shapes of a level. */
    public List<RegionShape> level(BoundaryLevel level) {
        return switch (level) {
            case COUNTRY -> outline;
            case PROVINCE -> provinces;
            case CITY -> cities;
        };
    }

    /** The shapes of a level whose bounding box meets the rectangle (what a map tile must draw). */
    public List<RegionShape> intersecting(BoundaryLevel level, GeoBox area) {
        return level(level).stream().filter(s -> s.box().intersects(area)).toList();
    }

    /** The shape of a code: the city shape for a municipality. */
    public Optional<RegionShape> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /**
     * The most specific region holding the point: its prefecture-level city, else its province
     * (a point on an island no city shape covers), else empty (abroad or at sea).
     */
    public Optional<RegionShape> regionAt(double lon, double lat) {
        for (RegionShape city : cities) {
            if (city.contains(lon, lat)) {
                return Optional.of(city);
            }
        }
        for (RegionShape province : provinces) {
            if (province.contains(lon, lat)) {
                return Optional.of(province);
            }
        }
        return Optional.empty();
    }
}
