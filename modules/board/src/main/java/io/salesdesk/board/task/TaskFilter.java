package io.salesdesk.board.task;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * What the task board shows, within what the viewer may see anyway.
 *
 * @param assigneeIds only tasks of these people; null for everyone the viewer sees
 * @param customerId  only tasks about this customer, may be null
 * @param text        only tasks whose title contains this, ignoring case; may be null
 * @param dueBefore   only tasks due before this time, may be null
 */
public record TaskFilter(Set<UUID> assigneeIds, UUID customerId, String text, OffsetDateTime dueBefore) {

    public TaskFilter {
        assigneeIds = assigneeIds == null ? null : Set.copyOf(assigneeIds);
    }

    /** Every task the viewer may see. */
    public static TaskFilter all() {
        return new TaskFilter(null, null, null, null);
    }
}
