package io.salesdesk.insight.tier;

import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.Tier;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a customer still needs under a tier rule in the current period: "客户 X 本月还需 1 次技术演示，
 * 剩余 N 个工作日".
 *
 * @param lastDay         the period's last day
 * @param workingDaysLeft working days from today to the period's end, today included
 */
public record Obligation(UUID customerId, String customerName, Tier tier, String ownerName, String ruleName,
                         ActivityKind activityKind, Period period, int required, int done, LocalDate lastDay,
                         int workingDaysLeft) {

    public int missing() {
        return Math.max(0, required - done);
    }
}
