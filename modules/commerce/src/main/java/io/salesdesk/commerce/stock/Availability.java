package io.salesdesk.commerce.stock;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A product's stock over a set of warehouses.
 *
 * @param available   on hand minus reserved, summed
 * @param inbound     expected to arrive, summed
 * @param earliestEta the earliest arrival date of an inbound quantity, null when none is expected
 */
public record Availability(BigDecimal available, BigDecimal inbound, LocalDate earliestEta) {

    public static final Availability NONE = new Availability(BigDecimal.ZERO, BigDecimal.ZERO, null);
}
