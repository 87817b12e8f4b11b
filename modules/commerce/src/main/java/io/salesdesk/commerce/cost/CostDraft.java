package io.salesdesk.commerce.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A cost as it is entered or imported.
 *
 * @param kind          what it was spent on
 * @param subkind       a finer kind belonging to {@code kind}, may be null
 * @param opportunityId the deal it is attributed to, may be null if a customer is given
 * @param customerId    the customer; null to take the deal's customer
 * @param channel       the acquisition channel, e.g. 展会, 官网, 渠道代理, 老客户转介绍; may be null
 * @param amount        yuan; ignored for PRESALES, where it is hours × rate
 * @param hours         pre-sales hours (PRESALES only)
 * @param hourlyRate    yuan per hour (PRESALES only)
 * @param incurredOn    the day it was incurred
 * @param basis         measured or allocated
 * @param note          free text, may be null
 */
public record CostDraft(CostKind kind, CostSubkind subkind, UUID opportunityId, UUID customerId, String channel,
                        BigDecimal amount, BigDecimal hours, BigDecimal hourlyRate, LocalDate incurredOn,
                        CostBasis basis, String note) {
}
