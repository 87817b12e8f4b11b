package io.salesdesk.board.task;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Something a person has to do, as a card on the task board and a line on My Day.
 *
 * @param id              id
 * @param title           what to do
 * @param description     details, may be null
 * @param assigneeId      who does it
 * @param assigneeName    the assignee's display name
 * @param status          the board column
 * @param priority        how urgent
 * @param dueAt           when it is due, may be null
 * @param customerId      the customer it is about, may be null
 * @param customerName    that customer's name, may be null
 * @param opportunityId   the deal it is about, may be null
 * @param opportunityName that deal's name, may be null
 * @param remindedAt      when the assignee was reminded that it is due, null if not yet
 * @param completedAt     when it was moved to DONE, null while open
 * @param rank            order within its column ({@link io.salesdesk.core.BoardRank})
 * @param version         row version for optimistic locking
 * @param checklistDone   checklist items ticked off
 * @param checklistTotal  checklist items
 * @param createdAt       when it was created
 */
public record Task(UUID id, String title, String description, UUID assigneeId, String assigneeName,
                   TaskStatus status, TaskPriority priority, OffsetDateTime dueAt, UUID customerId,
                   String customerName, UUID opportunityId, String opportunityName, OffsetDateTime remindedAt,
                   OffsetDateTime completedAt, String rank, long version, int checklistDone, int checklistTotal,
                   OffsetDateTime createdAt) {

    /** Whether the task is open and its due time has passed. */
    public boolean overdue(Clock clock) {
        return status.isOpen() && dueAt != null && dueAt.toInstant().isBefore(clock.instant());
    }

    /** The task's editable fields, to start an edit from. */
    public TaskDraft toDraft() {
        return new TaskDraft(title, description, assigneeId, priority, dueAt, customerId, opportunityId);
    }
}
