package io.salesdesk.commerce.stock;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A product an opportunity plans to sell, as the opportunity form lists it.
 *
 * @param lineNo   1-based position
 * @param quantity how many, in the product's unit
 */
public record OpportunityLine(UUID id, UUID opportunityId, int lineNo, UUID productId, String sku, String productName,
                              String category, String unit, BigDecimal quantity) {

    /**
     * What a form gives for one line.
     *
     * @param productId the product
     * @param quantity  how many, more than zero
     */
    public record Draft(UUID productId, BigDecimal quantity) {
    }
}
