package io.salesdesk.commerce.collection;

import io.salesdesk.commerce.contract.Milestone;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A collection that is past its due date and not fully paid.
 *
 * @param itemId       the collection item
 * @param contractId   the contract
 * @param contractNo   its number
 * @param customerId   the customer
 * @param customerName the customer's name
 * @param ownerId      the contract's owner
 * @param ownerName    the owner's name
 * @param milestone    the milestone of the item
 * @param dueOn        its due date
 * @param open         what is still to be collected
 * @param daysOverdue  days since the due date, as of today in business time
 */
public record OverdueItem(UUID itemId, UUID contractId, String contractNo, UUID customerId, String customerName,
                          UUID ownerId, String ownerName, Milestone milestone, LocalDate dueOn, BigDecimal open,
                          long daysOverdue) {
}
