package io.salesdesk.territory.territory;

import java.util.UUID;

/**
 * Who owns a territory: a team (org unit), a rep, or both (a rep's patch inside a team's).
 *
 * @param orgUnitId the owning org unit, may be null
 * @param userId    the owning rep, may be null
 */
public record TerritoryOwner(UUID orgUnitId, UUID userId) {

    public static TerritoryOwner team(UUID orgUnitId) {
        return new TerritoryOwner(orgUnitId, null);
    }

    public static TerritoryOwner rep(UUID userId) {
        return new TerritoryOwner(null, userId);
    }

    /** Whether nobody owns it, which a territory may not be. */
    public boolean isEmpty() {
        return orgUnitId == null && userId == null;
    }
}
