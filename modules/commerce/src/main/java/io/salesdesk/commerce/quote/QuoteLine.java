package io.salesdesk.commerce.quote;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A priced quote line. Amounts are computed by {@link QuoteMath} and rounded HALF_UP to fen per line.
 *
 * @param unitPrice   price per unit before discount
 * @param discountPct discount in percent
 * @param unitCost    the product's cost price when the line was priced
 * @param listAmount  quantity × unit price
 * @param netAmount   quantity × unit price × (1 − discount)
 * @param costAmount  quantity × unit cost
 */
public record QuoteLine(int lineNo, UUID productId, String sku, String name, String category, BigDecimal quantity,
                        BigDecimal unitPrice, BigDecimal discountPct, BigDecimal unitCost, BigDecimal listAmount,
                        BigDecimal netAmount, BigDecimal costAmount) {
}
