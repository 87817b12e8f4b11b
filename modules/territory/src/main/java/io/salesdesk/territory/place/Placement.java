package io.salesdesk.territory.place;

import io.salesdesk.crm.CustomerLocation;
import io.salesdesk.crm.Region;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
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
        regions.forEach(r -> byCode.put(r.code(), r));
        for (Region r : regions) {
            double radius = switch (r.level()) {
                case "county" -> COUNTY_KM;
                case "city" -> CITY_KM;
                default -> PROVINCE_KM;
            };
            // A region without its own centroid borrows its nearest ancestor's.
            for (Region at = r; at != null; at = at.parentCode() == null ? null : byCode.get(at.parentCode())) {
                if (at.longitude() != null && at.latitude() != null) {
                    centres.put(r.code(), new double[] {at.longitude().doubleValue(), at.latitude().doubleValue(), radius});
                    break;
                }
                if (at.code().equals(at.parentCode())) {
                    break;
                }
            }
        }
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
