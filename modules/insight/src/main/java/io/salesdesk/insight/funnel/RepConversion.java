package io.salesdesk.insight.funnel;

import java.util.OptionalDouble;
import java.util.UUID;

/** One rep's passed and missed deals on one node. */
public record RepConversion(UUID ownerId, String ownerName, UUID nodeId, int passed, int missed) {

    /** Passed among decided deals, 0–1; empty when none is decided. */
    public OptionalDouble rate() {
        int decided = passed + missed;
        return decided == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) passed / decided);
    }
}
