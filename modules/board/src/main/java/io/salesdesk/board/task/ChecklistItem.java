package io.salesdesk.board.task;

import java.util.UUID;

/**
 * One step of a task's checklist.
 *
 * @param id      id
 * @param taskId  the task
 * @param order   position in the checklist, from 1
 * @param label   what the step is
 * @param done    whether it is ticked off
 * @param version row version for optimistic locking
 */
public record ChecklistItem(UUID id, UUID taskId, int order, String label, boolean done, long version) {
}
