package io.salesdesk.insight.funnel;

import java.util.OptionalDouble;
import java.util.UUID;

/**
 * A node's conversion over the deals the viewer sees: how many passed, missed, or are still open.
 *
 * @param reachedAll deals that passed this node and every node before it
 */
public record NodeConversion(UUID nodeId, int order, String name, int passed, int missed, int pending,
                             int reachedAll) {

    /** Passed among the decided deals, 0–1; empty when no deal is decided yet (no data, never NaN). */
    public OptionalDouble rate() {
        int decided = passed + missed;
        return decided == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) passed / decided);
    }
}
