package io.salesdesk.board.task;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.db.Rows;
import java.util.ArrayList;
import java.util.List;

/** The rules a task's text must follow, with one problem per refused field. */
final class TaskValidator {

    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 4000;
    static final int LABEL_MAX = 300;
    static final int COMMENT_MAX = 4000;

    private TaskValidator() {
    }

    /**
     * The draft stripped, with the actor as assignee and normal priority where none was given.
     *
     * @throws ValidationException listing each refused field
     */
    static TaskDraft task(Actor actor, TaskDraft d) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = Rows.blankToNull(d.title());
        if (title == null) {
            problems.add(FieldProblem.of("title", "task.title.required"));
        } else if (title.length() > TITLE_MAX) {
            problems.add(FieldProblem.of("title", "task.title.tooLong", TITLE_MAX));
        }
        String description = Rows.blankToNull(d.description());
        if (description != null && description.length() > DESCRIPTION_MAX) {
            problems.add(FieldProblem.of("description", "task.description.tooLong", DESCRIPTION_MAX));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new TaskDraft(title, description, d.assigneeId() == null ? actor.userId() : d.assigneeId(),
                d.priority() == null ? TaskPriority.NORMAL : d.priority(), d.dueAt(), d.customerId(),
                d.opportunityId());
    }

    /** A checklist step's label, stripped. */
    static String label(String label) {
        return text("label", label, LABEL_MAX, "task.checklist.label.required", "task.checklist.label.tooLong");
    }

    /** A comment's body, stripped. */
    static String comment(String body) {
        return text("body", body, COMMENT_MAX, "task.comment.body.required", "task.comment.body.tooLong");
    }

    private static String text(String field, String value, int max, String requiredKey, String tooLongKey) {
        String text = Rows.blankToNull(value);
        if (text == null) {
            throw new ValidationException(List.of(FieldProblem.of(field, requiredKey)));
        }
        if (text.length() > max) {
            throw new ValidationException(List.of(FieldProblem.of(field, tooLongKey, max)));
        }
        return text;
    }
}
