package io.salesdesk.commerce.stock;

import java.util.List;

/** What the warehouse form gives: code, name, address and the region codes served. */
public record WarehouseDraft(String code, String name, String address, List<String> regionCodes) {

    public WarehouseDraft {
        regionCodes = regionCodes == null ? List.of() : List.copyOf(regionCodes);
    }
}
