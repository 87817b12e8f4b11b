package io.salesdesk.territory.territory;

import java.util.List;
import java.util.UUID;

/**
 * A territory: a set of GB/T 2260 region codes (provinces, cities or counties) owned by a team (an
 * org unit, and so every rep in it) or by one rep, drawn on the map in its colour. Dispatch counts
 * its regions among the owners' own.
 *
 * @param ownerOrgUnitId the owning org unit, may be null
 * @param ownerUserId    the owning rep, may be null (at least one of the two is set)
 * @param ownerName      the owning unit's name, else the rep's name
 * @param colour         fill colour on the map, {@code #RRGGBB}
 * @param regionCodes    its region codes, sorted
 */
public record Territory(UUID id, String name, UUID ownerOrgUnitId, UUID ownerUserId, String ownerName, String colour,
                        List<String> regionCodes, long version) {

    public Territory {
        regionCodes = List.copyOf(regionCodes);
    }
}
