package io.salesdesk.territory.place;

/**
 * Where a customer's pin goes.
 *
 * @param longitude degrees east (GCJ-02, as the region centroids)
 * @param latitude  degrees north
 * @param explicit  true for coordinates from an import or a dragged pin, false for a place near the
 *                  region's centroid
 */
public record MapPosition(double longitude, double latitude, boolean explicit) {
}
