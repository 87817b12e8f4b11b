package io.salesdesk.territory.surge;

import java.util.List;
import java.util.UUID;

/**
 * What a surge alert suggests: lend these reps (the least loaded of other macro-regions) and open
 * the surging region's pool and leads to them for some days. Stored on the alert as JSON.
 *
 * @param reps        the reps to lend, least loaded first
 * @param regionCodes the province codes they get access to
 * @param grantDays   how long the access lasts
 * @param repsNeeded  how many reps the excess inquiries call for (more than {@code reps} when too few are free)
 */
public record LendSuggestion(List<LentRep> reps, List<String> regionCodes, int grantDays, int repsNeeded) {

    public LendSuggestion {
        reps = List.copyOf(reps);
        regionCodes = List.copyOf(regionCodes);
    }

    /**
     * A rep to lend.
     *
     * @param loadIndex   their dispatch load index when the alert was raised (1.0 is full)
     * @param macroRegion the macro-region they come from
     */
    public record LentRep(UUID userId, String name, double loadIndex, MacroRegion macroRegion) {
    }
}
