package io.salesdesk.commerce.stock;

import java.math.BigDecimal;
import java.util.UUID;

/** A quantity of a product reserved in one warehouse for an order. */
public record Reservation(UUID productId, String sku, UUID warehouseId, String warehouseCode, BigDecimal quantity) {
}
