package io.salesdesk.insight.tier;

import java.math.BigDecimal;

/** From {@code lowerPercent} % of completion upwards (to the next band) the coefficient applies. */
public record BonusBand(int lowerPercent, BigDecimal coefficient) {
}
