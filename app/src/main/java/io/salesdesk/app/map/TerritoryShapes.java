package io.salesdesk.app.map;

import io.salesdesk.crm.Region;
import io.salesdesk.crm.RegionService;
import io.salesdesk.territory.geo.Boundaries;
import io.salesdesk.territory.geo.RegionShape;
import io.salesdesk.territory.territory.Territory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the territory layer draws for each territory: the bundled boundary shapes of its regions
 * (a province or a city as it is; a county, which has no shape of its own, as its city drawn
 * lighter and dashed, or its province for a municipality's district), where its name goes, and its
 * regions' names for the table. Resolved once per load, off the FX thread.
 */
final class TerritoryShapes {

    private TerritoryShapes() {
    }

    /**
     * A shape drawn for a territory.
     *
     * @param partial the territory holds only some counties of it
     */
    record Part(RegionShape shape, boolean partial) {
    }

    /** A territory ready to draw: its parts, its label point and its regions in words. */
    record Drawn(Territory territory, List<Part> parts, double labelLon, double labelLat, List<String> regionNames) {
    }

    /** Resolves every territory; a territory none of whose codes has a shape is kept without parts. */
    static List<Drawn> resolve(List<Territory> territories, Boundaries boundaries, RegionService regions) {
        List<Drawn> drawn = new ArrayList<>(territories.size());
        for (Territory t : territories) {
            Map<String, Part> parts = new LinkedHashMap<>();
            double lonSum = 0;
            double latSum = 0;
            int located = 0;
            List<String> names = new ArrayList<>();
            for (String code : t.regionCodes()) {
                names.add(regions.fullName(code));
                Optional<Part> part = partOf(code, boundaries);
                part.ifPresent(p -> parts.merge(p.shape().code(), p, (a, b) -> a.partial() ? b : a));
                Optional<Region> region = regions.byCode(code);
                if (region.isPresent() && region.get().longitude() != null && region.get().latitude() != null) {
                    lonSum += region.get().longitude().doubleValue();
                    latSum += region.get().latitude().doubleValue();
                    located++;
                }
            }
            List<Part> list = List.copyOf(parts.values());
            double[] label = labelPoint(list, located == 0 ? null : new double[] {lonSum / located, latSum / located});
            drawn.add(new Drawn(t, list, label[0], label[1], names));
        }
        return drawn;
    }

    /** The shape drawn for a region code: its own, else (partially) its city's, else its province's. */
    static Optional<Part> partOf(String code, Boundaries boundaries) {
        if (code == null || code.length() != 6) {
            return Optional.empty();
        }
        Optional<RegionShape> own = boundaries.byCode(code);
        if (own.isPresent()) {
            return Optional.of(new Part(own.get(), false));
        }
        Optional<RegionShape> city = boundaries.byCode(code.substring(0, 4) + "00");
        if (city.isPresent()) {
            return Optional.of(new Part(city.get(), true));
        }
        return boundaries.byCode(code.substring(0, 2) + "0000").map(p -> new Part(p, true));
    }

    /**
     * Where the name goes: the label point of the largest whole shape; for a territory of counties,
     * the mean of its regions' centres (two territories sharing a city each get their own spot).
     */
    private static double[] labelPoint(List<Part> parts, double[] centroid) {
        boolean anyPartial = parts.stream().anyMatch(Part::partial);
        if (anyPartial && centroid != null) {
            return centroid;
        }
        RegionShape largest = null;
        double largestArea = -1;
        for (Part p : parts) {
            double area = (p.shape().box().maxLon() - p.shape().box().minLon())
                    * (p.shape().box().maxLat() - p.shape().box().minLat());
            if (area > largestArea) {
                largestArea = area;
                largest = p.shape();
            }
        }
        if (largest != null) {
            return new double[] {largest.labelLon(), largest.labelLat()};
        }
        return centroid != null ? centroid : new double[] {Double.NaN, Double.NaN};
    }
}
