package io.salesdesk.insight.kpi;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;

/**
 * Signed amount of one group in one month: a bar of the "signed per rep per month" chart.
 *
 * @param groupId   the rep, team or region; null for the whole scope
 * @param groupName its name
 * @param month     the month of contract.signed_on
 * @param amount    Σ contract.amount
 * @param contracts how many contracts
 */
public record MonthlyAmount(UUID groupId, String groupName, YearMonth month, BigDecimal amount, int contracts) {
}
