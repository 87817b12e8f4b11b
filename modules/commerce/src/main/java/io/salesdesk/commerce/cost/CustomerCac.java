package io.salesdesk.commerce.cost;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What it cost to win one customer.
 *
 * @param customerId   the customer
 * @param customerName its name
 * @param wonAt        when its first deal was won
 * @param total        acquisition and pre-sales cost
 * @param measured     the measured part
 * @param allocated    the allocated part
 */
public record CustomerCac(UUID customerId, String customerName, OffsetDateTime wonAt, BigDecimal total,
                          BigDecimal measured, BigDecimal allocated) {
}
