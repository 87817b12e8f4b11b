package io.salesdesk.territory.pain;

import io.salesdesk.crm.RegionTagCount;
import io.salesdesk.territory.geo.BoundaryLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * 技术痛点: how many customers carry a tag (竞品渗透, 设备老化, ...) per province or per city, for the
 * pain-point map. Built from the per-region counts the database groups
 * ({@link io.salesdesk.crm.CustomerLocationRepository#tagCountsByRegion}); a county's customers
 * count for its city and its province.
 */
public final class PainPoints {

    private final List<RegionTagCount> counts;
    private final List<String> tags;

    private PainPoints(List<RegionTagCount> counts) {
        this.counts = List.copyOf(counts);
        Map<String, Integer> totals = new HashMap<>();
        counts.forEach(c -> totals.merge(c.tag(), c.customers(), Integer::sum));
        List<String> ordered = new ArrayList<>(totals.keySet());
        ordered.sort(Comparator.<String>comparingInt(totals::get).reversed().thenComparing(Comparator.naturalOrder()));
        this.tags = List.copyOf(ordered);
    }

    /** The pain points of these per-region counts. */
    public static PainPoints of(List<RegionTagCount> counts) {
        return new PainPoints(counts);
    }

    /** Every tag in the data, the most widespread first (ties by name). */
    public List<String> tags() {
        return tags;
    }

    /**
     * How many customers carry the tag per region of the level, by region code (sorted).
     *
     * @param hasShape whether the map has a boundary of that code: a county of a municipality (上海
     *                 310104) counts for the municipality's code (310000) when no city 310100 exists
     */
    public Map<String, Integer> byRegion(String tag, BoundaryLevel level, Predicate<String> hasShape) {
        Map<String, Integer> result = new TreeMap<>();
        for (RegionTagCount c : counts) {
            if (!c.tag().equals(tag) || c.regionCode() == null || c.regionCode().length() != 6) {
                continue;
            }
            String code = rollUp(c.regionCode(), level, hasShape);
            if (code != null) {
                result.merge(code, c.customers(), Integer::sum);
            }
        }
        return result;
    }

    /** The code of the province or city a region lies in, or null when the map has no such shape. */
    static String rollUp(String code, BoundaryLevel level, Predicate<String> hasShape) {
        String province = code.substring(0, 2) + "0000";
        if (level == BoundaryLevel.PROVINCE) {
            return hasShape.test(province) ? province : null;
        }
        // A county directly under its province (济源 419001, 仙桃 429004) may be its own city shape.
        for (String candidate : List.of(code.substring(0, 4) + "00", code, province)) {
            if (hasShape.test(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
