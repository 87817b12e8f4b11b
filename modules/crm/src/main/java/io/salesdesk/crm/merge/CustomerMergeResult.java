package io.salesdesk.crm.merge;

import io.salesdesk.crm.Customer;
import java.util.Map;
import java.util.UUID;

/**
 * What a customer merge did, for the summary the user sees.
 *
 * @param survivor the customer that stays, as saved
 * @param mergedId the customer merged into it, now deleted and marked as merged
 * @param moved    rows moved from the merged customer to the survivor, by kind (table name), in a fixed order
 * @param mergeId  the merge's record, for its undo
 */
public record CustomerMergeResult(Customer survivor, UUID mergedId, Map<String, Integer> moved, UUID mergeId) {

    /** Every row moved, of every kind. */
    public int movedTotal() {
        return moved.values().stream().mapToInt(Integer::intValue).sum();
    }
}
