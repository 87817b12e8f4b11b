package io.salesdesk.crm;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A customer whose follow-up is due today or overdue, for My Day.
 *
 * @param customerId      the customer
 * @param customerName    its name
 * @param tier            its tier
 * @param dueOn           when the follow-up was due
 * @param lastFollowUpAt  the latest follow-up
 * @param lastNextStep    the next step written at the latest follow-up
 * @param ownerName       the owning rep
 */
public record FollowUpDue(UUID customerId, String customerName, Tier tier, LocalDate dueOn,
                          OffsetDateTime lastFollowUpAt, String lastNextStep, String ownerName) {

    /** Days past due on {@code today}; 0 when due today. */
    public long daysOverdue(LocalDate today) {
        return Math.max(0, today.toEpochDay() - dueOn.toEpochDay());
    }
}
