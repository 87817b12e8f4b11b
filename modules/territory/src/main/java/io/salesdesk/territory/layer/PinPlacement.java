package io.salesdesk.territory.layer;

import io.salesdesk.crm.Region;
import io.salesdesk.crm.RegionService;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Where the map puts a customer, lead or rep that has no coordinates of its own: at its region's
 * centroid with a small offset derived from its id, so pins of one district do not sit on one
 * pixel and stay where they were on the next start.
 *
 * <p>An interim rule: explicit coordinates and a placement rule of the territory module replace
 * it; the map layers ask only this class, so that is a change in one place.
 */
public class PinPlacement {

    private static final LonLat NONE = new LonLat(Double.NaN, Double.NaN);

    private final RegionService regions;
    private final ConcurrentMap<String, LonLat> centroids = new ConcurrentHashMap<>();

    public PinPlacement(RegionService regions) {
        this.regions = regions;
    }

    /** The pin's place, or empty when the region is unknown (the "needs location" count). */
    public Optional<LonLat> place(UUID id, String regionCode) {
        LonLat centre = centroid(regionCode).orElse(null);
        if (centre == null) {
            return Optional.empty();
        }
        String level = regions.byCode(regionCode).map(Region::level).orElse("");
        double spread = switch (level) {
            case "county" -> 0.04;
            case "city" -> 0.12;
            default -> 0.35;
        };
        long bits = id.getLeastSignificantBits() ^ id.getMostSignificantBits() * 0x9E3779B97F4A7C15L;
        // Two independent fractions of the id's bits, each -0.5 .. 0.5.
        double dx = ((bits & 0xFFFFFFL) / (double) 0x1000000L) - 0.5;
        double dy = (((bits >>> 24) & 0xFFFFFFL) / (double) 0x1000000L) - 0.5;
        return Optional.of(new LonLat(centre.lon() + dx * spread * 2, centre.lat() + dy * spread * 1.6));
    }

    /**
     * The region's centroid; for one without (the municipalities' province rows, 市辖区) the mean of
     * its children's. Empty for an unknown or blank code.
     */
    public Optional<LonLat> centroid(String regionCode) {
        if (regionCode == null || regionCode.isBlank()) {
            return Optional.empty();
        }
        LonLat found = centroids.computeIfAbsent(regionCode, code -> computeCentroid(code, 0));
        return found == NONE ? Optional.empty() : Optional.of(found);
    }

    private LonLat computeCentroid(String code, int depth) {
        Region region = regions.byCode(code).orElse(null);
        if (region == null) {
            return NONE;
        }
        if (region.longitude() != null && region.latitude() != null) {
            return new LonLat(region.longitude().doubleValue(), region.latitude().doubleValue());
        }
        if (depth >= 2) {
            return NONE;
        }
        double lon = 0;
        double lat = 0;
        int n = 0;
        for (Region child : regions.children(code)) {
            LonLat c = computeCentroid(child.code(), depth + 1);
            if (c != NONE) {
                lon += c.lon();
                lat += c.lat();
                n++;
            }
        }
        return n == 0 ? NONE : new LonLat(lon / n, lat / n);
    }
}
