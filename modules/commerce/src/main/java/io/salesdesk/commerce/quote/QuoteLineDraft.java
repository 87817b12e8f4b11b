package io.salesdesk.commerce.quote;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One line as the quote form gives it.
 *
 * @param unitPrice   null for the product's list price
 * @param discountPct discount off the unit price in percent, 0 to 100; null for none
 */
public record QuoteLineDraft(UUID productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPct) {
}
