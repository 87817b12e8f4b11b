package io.salesdesk.insight.tier;

import java.math.BigDecimal;

/**
 * One rep's line of the quarterly bonus coefficient table.
 *
 * @param coefficient null when the rep had no obligations in the quarter (no data)
 */
public record BonusRow(Completion completion, BigDecimal coefficient) {
}
