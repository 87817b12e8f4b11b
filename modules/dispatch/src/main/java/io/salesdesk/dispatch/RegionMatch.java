package io.salesdesk.dispatch;

/**
 * How closely a rep's territory covers a lead's region (GB/T 2260 codes): a territory at county
 * level that is the lead's county fits best, a whole province least.
 */
public enum RegionMatch {
    COUNTY(1.0), CITY(0.8), PROVINCE(0.5), NONE(0.0);

    private final double score;

    RegionMatch(double score) {
        this.score = score;
    }

    public double score() {
        return score;
    }

    /**
     * How {@code territory} covers {@code region}. Codes are hierarchical: a province ends in
     * 0000, a city in 00, so covering is a prefix test and needs no lookup.
     */
    public static RegionMatch of(String territory, String region) {
        if (territory == null || region == null || territory.length() != 6 || region.length() != 6) {
            return NONE;
        }
        if (territory.endsWith("0000")) {
            return region.regionMatches(0, territory, 0, 2) ? PROVINCE : NONE;
        }
        if (territory.endsWith("00")) {
            return region.regionMatches(0, territory, 0, 4) ? CITY : NONE;
        }
        return territory.equals(region) ? COUNTY : NONE;
    }
}
