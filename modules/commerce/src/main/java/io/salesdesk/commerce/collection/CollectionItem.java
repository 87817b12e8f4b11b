package io.salesdesk.commerce.collection;

import io.salesdesk.commerce.contract.Milestone;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One line of a contract's collection schedule (回款计划): a payment term's share of the amount,
 * what has been invoiced and collected against it, and when it is due.
 *
 * @param id           id
 * @param contractId   the contract
 * @param contractNo   its number
 * @param customerId   the contract's customer
 * @param customerName the customer's name
 * @param ownerId      the contract's owner
 * @param seq          position in the schedule, from 1 (the payment term's)
 * @param milestone    the event that makes it due
 * @param amount       what is to be collected, yuan
 * @param dueOn        due date; null until the milestone happened
 * @param invoiced     invoiced so far, never above {@code amount}
 * @param collected    collected so far, never above {@code amount}
 * @param escalatedAt  when its being overdue was escalated, null if never
 * @param version      optimistic-lock version
 */
public record CollectionItem(UUID id, UUID contractId, String contractNo, UUID customerId, String customerName,
                             UUID ownerId, int seq, Milestone milestone, BigDecimal amount, LocalDate dueOn,
                             BigDecimal invoiced, BigDecimal collected, OffsetDateTime escalatedAt, long version) {

    /** What is still to be collected. */
    public BigDecimal open() {
        return amount.subtract(collected);
    }

    /** What may still be invoiced. */
    public BigDecimal uninvoiced() {
        return amount.subtract(invoiced);
    }
}
