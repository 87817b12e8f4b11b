package io.salesdesk.app.tasks;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.MergeFields;
import io.salesdesk.board.task.Task;
import io.salesdesk.board.task.TaskDraft;
import io.salesdesk.board.task.TaskPriority;
import io.salesdesk.studio.field.CustomEntity;

/**
 * A version of a task as field name → text, named as the change log names them (custom fields as
 * {@code custom.KEY}), for the field-by-field merge; and the fields in words as the task form shows them.
 */
final class TaskVersions {

    private static final Map<String, String> LABELS = Map.of("title", "taskForm.name",
            "assigneeId", "taskForm.assignee", "priority", "taskForm.priority", "dueAt", "taskForm.due",
            "description", "taskForm.description");

    private TaskVersions() {
    }

    static TaskDraft draftOf(Task t) {
        return new TaskDraft(t.title(), t.description(), t.assigneeId(), t.priority(), t.dueAt(), t.customerId(),
                t.opportunityId());
    }

    static Map<String, String> fields(TaskDraft d, Map<String, String> customValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", d.title());
        fields.put("description", d.description());
        fields.put("assigneeId", d.assigneeId() == null ? null : d.assigneeId().toString());
        fields.put("priority", d.priority() == null ? null : d.priority().name());
        // To the minute in UTC, so one instant written with different offsets compares equal.
        fields.put("dueAt", d.dueAt() == null ? null
                : d.dueAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString());
        return MergeFields.withCustom(fields, customValues);
    }

    static TaskDraft draft(TaskDraft about, Map<String, String> f) {
        return new TaskDraft(f.get("title"), f.get("description"),
                f.get("assigneeId") == null ? null : UUID.fromString(f.get("assigneeId")),
                f.get("priority") == null ? null : TaskPriority.valueOf(f.get("priority")),
                f.get("dueAt") == null ? null : OffsetDateTime.parse(f.get("dueAt")), about.customerId(),
                about.opportunityId());
    }

    static MergeFields mergeFields(AppContext context) {
        return new MergeFields(context, CustomEntity.TASK, LABELS, (name, value) -> display(context, name, value));
    }

    private static String display(AppContext context, String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (name) {
            case "assigneeId" -> MergeFields.userName(context, value);
            case "priority" -> I18n.label("taskPriority", TaskPriority.valueOf(value));
            case "dueAt" -> Formats.dateTime(OffsetDateTime.parse(value), context.clock().getZone());
            default -> value;
        };
    }
}
