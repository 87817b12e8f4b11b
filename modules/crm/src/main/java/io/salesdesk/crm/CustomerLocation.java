package io.salesdesk.crm;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A customer as the territory map pins it: what a pin shows and where it goes.
 *
 * @param id         id
 * @param name       registered name
 * @param tier       A–D (pin colour)
 * @param ownerId    owning rep, null in the public pool
 * @param ownerName  owning rep's name, null in the public pool
 * @param regionCode GB/T 2260 code, may be null
 * @param longitude  explicit longitude (GCJ-02) from an import or a dragged pin, may be null
 * @param latitude   explicit latitude, null exactly when {@code longitude} is
 * @param version    the customer's optimistic-lock version (a dragged pin saves on it)
 */
public record CustomerLocation(UUID id, String name, Tier tier, UUID ownerId, String ownerName, String regionCode,
                               BigDecimal longitude, BigDecimal latitude, long version) {

    /** Whether the customer has explicit coordinates (they win over the region's centroid). */
    public boolean hasCoordinates() {
        return longitude != null && latitude != null;
    }
}
