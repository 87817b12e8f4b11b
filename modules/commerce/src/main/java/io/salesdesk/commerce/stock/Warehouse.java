package io.salesdesk.commerce.stock;

import java.util.List;
import java.util.UUID;

/**
 * A warehouse and the regions it ships to (province, city or county codes).
 *
 * @param id          id
 * @param code        short code, unique, e.g. WZ01
 * @param name        name, e.g. 温州仓
 * @param address     address, may be null
 * @param active      whether it ships; an inactive warehouse serves nobody
 * @param regionCodes the regions it serves, sorted
 * @param version     optimistic-lock version
 */
public record Warehouse(UUID id, String code, String name, String address, boolean active, List<String> regionCodes,
                        long version) {

    public Warehouse {
        regionCodes = List.copyOf(regionCodes);
    }
}
