package io.salesdesk.commerce.cost;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a deal or a customer cost, per kind, and how much of it was measured or allocated.
 *
 * @param byKind    total per kind; every kind present, zero where there is none
 * @param measured  the measured part of the total
 * @param allocated the allocated part of the total
 */
public record CostTotals(Map<CostKind, BigDecimal> byKind, BigDecimal measured, BigDecimal allocated) {

    public BigDecimal total() {
        return measured.add(allocated);
    }
}
