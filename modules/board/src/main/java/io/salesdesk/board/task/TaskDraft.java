package io.salesdesk.board.task;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A task as the user enters it. A due time in the past is accepted: imported or late-entered work
 * is simply overdue.
 *
 * @param title         what to do; required, at most 200 characters
 * @param description   details, may be null
 * @param assigneeId    who does it; null for the user entering it
 * @param priority      how urgent; null for {@link TaskPriority#NORMAL}
 * @param dueAt         when it is due, may be null
 * @param customerId    the customer it is about, may be null
 * @param opportunityId the deal it is about, may be null
 */
public record TaskDraft(String title, String description, UUID assigneeId, TaskPriority priority,
                        OffsetDateTime dueAt, UUID customerId, UUID opportunityId) {

    /** A task with only a title, for the actor, normal priority. */
    public static TaskDraft titled(String title) {
        return new TaskDraft(title, null, null, null, null, null, null);
    }
}
