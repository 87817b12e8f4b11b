package io.salesdesk.territory.layer;

/**
 * A place on the map in degrees.
 *
 * @param lon longitude, east positive
 * @param lat latitude, north positive
 */
public record LonLat(double lon, double lat) {
}
