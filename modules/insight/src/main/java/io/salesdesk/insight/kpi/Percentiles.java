package io.salesdesk.insight.kpi;

import java.util.List;

/**
 * Percentiles by nearest rank, read off a frequency distribution the database counted (value,
 * how many): HSQLDB has neither PERCENTILE_CONT nor window partitions, and minutes are integers,
 * so the distribution is short even for millions of leads.
 */
final class Percentiles {

    /** One value and how often it occurs, the list sorted by value. */
    record Bucket(int value, long count) {
    }

    private Percentiles() {
    }

    /** The smallest value with at least ⌈p·n⌉ values at or below it; -1 for an empty distribution. */
    static int nearestRank(List<Bucket> sorted, double p) {
        long n = sorted.stream().mapToLong(Bucket::count).sum();
        if (n == 0) {
            return -1;
        }
        long rank = Math.max(1, (long) Math.ceil(p * n));
        long seen = 0;
        for (Bucket b : sorted) {
            seen += b.count();
            if (seen >= rank) {
                return b.value();
            }
        }
        return sorted.get(sorted.size() - 1).value();
    }
}
