package io.salesdesk.commerce.quote;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the quote form gives.
 *
 * @param opportunityId the deal quoted, may be null
 * @param validUntil    the last day the prices hold; null for 30 days from today
 */
public record QuoteDraft(UUID customerId, UUID opportunityId, LocalDate validUntil, String note,
                         List<QuoteLineDraft> lines) {

    public QuoteDraft {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
