package io.salesdesk.territory.layer;

import java.util.UUID;

/**
 * Where a rep works from, as the map shows it: the centroid of their org unit's region.
 *
 * @param userId     the rep
 * @param name       their name
 * @param teamName   their org unit's name
 * @param regionCode the region their base stands for
 * @param place      where the base is drawn
 */
public record RepBase(UUID userId, String name, String teamName, String regionCode, LonLat place) {
}
