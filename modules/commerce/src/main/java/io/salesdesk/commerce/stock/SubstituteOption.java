package io.salesdesk.commerce.stock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A substitute offered for a short product, with its stock in the customer's serving warehouses.
 *
 * @param rank        1 is offered first
 * @param available   on hand minus reserved over the serving warehouses
 * @param covers      whether it alone covers the line's whole quantity
 * @param inbound     expected to arrive there
 * @param earliestEta when the first of it is expected, null if nothing is
 */
public record SubstituteOption(int rank, UUID productId, String sku, String name, BigDecimal available, boolean covers,
                               BigDecimal inbound, LocalDate earliestEta) {
}
