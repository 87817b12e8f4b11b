package io.salesdesk.board.task;

import java.util.List;

/**
 * A task opened in its detail pane.
 *
 * @param task      the task
 * @param checklist its checklist in order
 * @param comments  its comments, oldest first
 */
public record TaskDetail(Task task, List<ChecklistItem> checklist, List<TaskComment> comments) {

    public TaskDetail {
        checklist = List.copyOf(checklist);
        comments = List.copyOf(comments);
    }
}
