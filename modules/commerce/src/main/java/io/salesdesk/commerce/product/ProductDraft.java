package io.salesdesk.commerce.product;

import java.math.BigDecimal;

/**
 * What a product form or a ledger row gives; {@link ProductService#validate} checks it.
 *
 * @param unit blank means 台
 */
public record ProductDraft(String sku, String name, String category, String unit, BigDecimal listPrice,
                           BigDecimal costPrice) {
}
