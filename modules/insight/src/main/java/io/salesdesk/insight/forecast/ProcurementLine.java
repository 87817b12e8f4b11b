package io.salesdesk.insight.forecast;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One SKU in one province: the quantity the open deals are expected to take in the period against
 * what the warehouses serving the province hold and expect, with the order that keeps the safety stock.
 *
 * @param productId      product
 * @param sku            SKU
 * @param productName    product name
 * @param unit           unit of sale
 * @param regionCode     province code (GB/T 2260) of the customers; null when their region is unknown
 * @param regionName     province name; null when unknown
 * @param forecast       Σ quantity × probability of the deals' lines
 * @param available      on hand less reserved in the serving warehouses
 * @param inbound        inbound to the serving warehouses
 * @param safetyStock    the safety stock to keep (the SKU's own, else the global setting)
 * @param suggestedOrder what to order, whole units: ⌈max(0, forecast + safety − available − inbound)⌉
 */
public record ProcurementLine(UUID productId, String sku, String productName, String unit, String regionCode,
                              String regionName, BigDecimal forecast, BigDecimal available, BigDecimal inbound,
                              BigDecimal safetyStock, BigDecimal suggestedOrder) {
}
