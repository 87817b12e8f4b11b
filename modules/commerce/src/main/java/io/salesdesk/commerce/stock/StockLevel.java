package io.salesdesk.commerce.stock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The stock of one product in one warehouse.
 *
 * @param onHand     in the warehouse
 * @param reserved   promised to orders, never more than on hand
 * @param inbound    expected to arrive
 * @param inboundEta when the inbound quantity is expected, null without one
 * @param version    optimistic-lock version
 */
public record StockLevel(UUID productId, String sku, UUID warehouseId, String warehouseCode, BigDecimal onHand,
                         BigDecimal reserved, BigDecimal inbound, LocalDate inboundEta, long version) {

    /** What can still be promised: on hand minus reserved. */
    public BigDecimal available() {
        return onHand.subtract(reserved);
    }
}
