package io.salesdesk.commerce.quote;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A quote (报价单) with its lines and totals.
 *
 * @param quoteNo        e.g. BJ-2026-0001
 * @param totalList      Σ line list amounts (before discount)
 * @param totalNet       Σ line net amounts: what the customer pays
 * @param totalCost      Σ line cost amounts
 * @param maxDiscountPct the largest line discount off the product's list price
 * @param needsApproval  a discount is above the approval threshold
 */
public record Quote(UUID id, String quoteNo, UUID opportunityId, UUID customerId, UUID ownerId, QuoteStatus status,
                    LocalDate validUntil, BigDecimal totalList, BigDecimal totalNet, BigDecimal totalCost,
                    BigDecimal maxDiscountPct, boolean needsApproval, String note, OffsetDateTime sentAt,
                    List<QuoteLine> lines, long version) {

    public Quote {
        lines = List.copyOf(lines);
    }

    /** Net minus cost. */
    public BigDecimal margin() {
        return QuoteMath.margin(totalNet, totalCost);
    }

    /** Margin as a percentage of net, HALF_UP to 2 places; null for a quote worth nothing. */
    public BigDecimal marginPct() {
        return QuoteMath.marginPct(totalNet, totalCost);
    }
}
