package io.salesdesk.territory.place;

import io.salesdesk.crm.CustomerLocation;
import io.salesdesk.crm.Region;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Puts customers on the map. Explicit coordinates win; a customer with only a region goes to the
 * region's centroid plus a small offset derived from its id, so that the customers of one county
 * do not stack on one point and every run (and every user) sees them in the same place; a customer
 * with neither is not placed (it is on the "needs location" list).
 *
 * <p>The offset lies within {@value #COUNTY_KM} km of a county's centroid, {@value #CITY_KM} km of
 * a city's and {@value #PROVINCE_KM} km of a province's, spread evenly over that disc.
 */
public final class Placement {

    static final double COUNTY_KM = 2.5;
    static final double CITY_KM = 6;
    static final double PROVINCE_KM = 15;
    private static final double KM_PER_DEGREE = 111.32;

    /** Centroid and spread radius of each region with a known centroid (or an ancestor's). */
    private final Map<String, double[]> centres = new HashMap<>();

    /** Placement over the GB/T 2260 table with its centroids. */
    public Placement(Collection<Region> regions) {
        Map<String, Region> byCode = new HashMap<>();
        Map<String, List<Region>> children = new HashMap<>();
        for (Region r : regions) {
            byCode.put(r.code(), r);
            if (r.parentCode() != null && !r.parentCode().equals(r.code())) {
                children.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(r);
            }
        }
        for (Region r : regions) {
            // A region without its own centroid borrows its nearest ancestor's.
            for (Region at = r; at != null; at = at.parentCode() == null ? null : byCode.get(at.parentCode())) {
                if (at.longitude() != null && at.latitude() != null) {
                    centres.put(r.code(), new double[] {at.longitude().doubleValue(), at.latitude().doubleValue(),
                            radius(r)});
                    break;
                }
                if (at.code().equals(at.parentCode())) {
                    break;
                }
            }
        }
        // One with neither (the municipalities' province and 市辖区 rows) sits amid its descendants.
        for (Region r : regions) {
            if (!centres.containsKey(r.code())) {
                meanBelow(r.code(), children, 0).ifPresent(c -> centres.put(r.code(),
                        new double[] {c[0], c[1], radius(r)}));
            }
        }
    }

    private static double radius(Region r) {
        return switch (r.level()) {
            case "county" -> COUNTY_KM;
            case "city" -> CITY_KM;
            default -> PROVINCE_KM;
        };
    }

    private Optional<double[]> meanBelow(String code, Map<String, List<Region>> children, int depth) {
        double lon = 0;
        double lat = 0;
        int n = 0;
        for (Region child : children.getOrDefault(code, List.of())) {
            double[] c = centres.get(child.code());
            if (c == null && depth < 2) {
                c = meanBelow(child.code(), children, depth + 1).orElse(null);
            }
            if (c != null) {
                lon += c[0];
                lat += c[1];
                n++;
            }
        }
        return n == 0 ? Optional.empty() : Optional.of(new double[] {lon / n, lat / n});
    }

    /**
     * The region's centre (its own centroid, else an ancestor's, else the mean of its
     * descendants'), or empty for an unknown or blank code: where a map opened for the region
     * starts.
     */
    public Optional<MapPosition> centroid(String regionCode) {
        double[] centre = regionCode == null ? null : centres.get(regionCode);
        return centre == null ? Optional.empty() : Optional.of(new MapPosition(centre[0], centre[1], false));
    }

    /** The place of a lead, a rep's base or anything else known only by its region. */
    public Optional<MapPosition> place(UUID id, String regionCode) {
        return place(id, regionCode, null, null);
    }

    /** The pin's position, or empty when the customer has neither coordinates nor a known region. */
    public Optional<MapPosition> place(CustomerLocation customer) {
        return place(customer.id(), customer.regionCode(), customer.longitude(), customer.latitude());
    }

    /** {@link #place(CustomerLocation)} from the parts. */
    public Optional<MapPosition> place(UUID id, String regionCode, BigDecimal longitude, BigDecimal latitude) {
        if (longitude != null && latitude != null) {
            return Optional.of(new MapPosition(longitude.doubleValue(), latitude.doubleValue(), true));
        }
        double[] centre = regionCode == null ? null : centres.get(regionCode);
        if (centre == null) {
            return Optional.empty();
        }
        long bits = mix(id.getMostSignificantBits() ^ Long.rotateLeft(id.getLeastSignificantBits(), 32));
        // Two independent uniform numbers from the id's hash: angle, and radius (√ spreads evenly).
        double angle = (bits >>> 32) / (double) (1L << 32) * 2 * Math.PI;
        double distance = Math.sqrt((bits & 0xffffffffL) / (double) (1L << 32)) * centre[2];
        double dLat = distance * Math.sin(angle) / KM_PER_DEGREE;
        double dLon = distance * Math.cos(angle) / (KM_PER_DEGREE * Math.cos(Math.toRadians(centre[1])));
        return Optional.of(new MapPosition(centre[0] + dLon, centre[1] + dLat, false));
    }

    // SplitMix64's finaliser: neighbouring (time-ordered) ids land far apart.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
