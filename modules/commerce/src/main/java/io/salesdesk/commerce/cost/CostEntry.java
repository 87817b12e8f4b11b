package io.salesdesk.commerce.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A recorded cost.
 *
 * @param id            id
 * @param kind          what it was spent on
 * @param subkind       finer kind, may be null
 * @param opportunityId the deal, may be null
 * @param customerId    the customer
 * @param channel       acquisition channel, may be null
 * @param amount        yuan (for PRESALES hours × rate)
 * @param hours         pre-sales hours, null otherwise
 * @param hourlyRate    pre-sales rate, null otherwise
 * @param incurredOn    the day it was incurred
 * @param basis         measured or allocated
 * @param note          free text, may be null
 * @param version       optimistic-lock version
 */
public record CostEntry(UUID id, CostKind kind, CostSubkind subkind, UUID opportunityId, UUID customerId,
                        String channel, BigDecimal amount, BigDecimal hours, BigDecimal hourlyRate,
                        LocalDate incurredOn, CostBasis basis, String note, long version) {
}
