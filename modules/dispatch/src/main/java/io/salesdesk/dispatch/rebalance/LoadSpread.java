package io.salesdesk.dispatch.rebalance;

import java.util.Collection;

/**
 * How unevenly work is spread over reps: the population standard deviation of their load indexes.
 * The figure a re-balance is judged by, before and after.
 */
public final class LoadSpread {

    private LoadSpread() {
    }

    /** The population standard deviation of the load indexes; 0 for none. */
    public static double of(Collection<Double> loadIndexes) {
        if (loadIndexes.isEmpty()) {
            return 0;
        }
        double mean = loadIndexes.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double squares = loadIndexes.stream().mapToDouble(l -> (l - mean) * (l - mean)).sum();
        return Math.sqrt(squares / loadIndexes.size());
    }
}
