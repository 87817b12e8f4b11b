package io.salesdesk.crm.merge;

import io.salesdesk.crm.Customer;
import java.util.List;
import java.util.UUID;

/**
 * What undoing a merge did.
 *
 * @param mergeId   the merge undone
 * @param restored  the merged customer, live again
 * @param survivor  the customer it had been merged into, as it is now
 * @param movedBack rows moved back to the restored customer, by kind
 * @param left      rows (and survivor fields, kind {@code customer}) changed after the merge, left as they are
 */
public record CustomerMergeUndoResult(UUID mergeId, Customer restored, Customer survivor, MovedBack movedBack,
                                      List<MovedBack.Left> left) {

    public CustomerMergeUndoResult {
        left = List.copyOf(left);
    }
}
