package io.salesdesk.board.task;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The stored, changeable fields of a task: what the service decides and the repository writes.
 * Public for sync, which writes the fields another database holds.
 */
public record TaskFields(String title, String description, UUID assigneeId, TaskStatus status, TaskPriority priority,
                  OffsetDateTime dueAt, UUID customerId, UUID opportunityId, OffsetDateTime remindedAt,
                  OffsetDateTime completedAt, String rank) {

    static TaskFields of(Task t) {
        return new TaskFields(t.title(), t.description(), t.assigneeId(), t.status(), t.priority(), t.dueAt(),
                t.customerId(), t.opportunityId(), t.remindedAt(), t.completedAt(), t.rank());
    }

    /** These fields with a validated draft's content; a new due time earns a new reminder. */
    TaskFields edited(TaskDraft d) {
        boolean dueMoved = d.dueAt() == null ? dueAt != null : dueAt == null || !d.dueAt().isEqual(dueAt);
        return new TaskFields(d.title(), d.description(), d.assigneeId(), status, d.priority(), d.dueAt(),
                d.customerId(), d.opportunityId(), dueMoved ? null : remindedAt, completedAt, rank);
    }

    /** These fields on another place of the board, with the completion time that goes with it. */
    TaskFields moved(TaskStatus newStatus, String newRank, OffsetDateTime now) {
        OffsetDateTime completed;
        if (newStatus != TaskStatus.DONE) {
            completed = null;
        } else {
            completed = status == TaskStatus.DONE ? completedAt : now;
        }
        return new TaskFields(title, description, assigneeId, newStatus, priority, dueAt, customerId, opportunityId,
                remindedAt, completed, newRank);
    }
}
