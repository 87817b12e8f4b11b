package io.salesdesk.app.tasks;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FieldMergeDialog;
import io.salesdesk.app.common.MergeFields;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.board.task.Task;
import io.salesdesk.board.task.TaskDraft;
import io.salesdesk.board.task.TaskPriority;
import io.salesdesk.board.task.TaskStatus;
import io.salesdesk.core.FieldMerge;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.User;
import io.salesdesk.app.studio.CustomFieldForm;
import io.salesdesk.studio.field.CustomEntity;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

/**
 * A new task, from the Tasks page, a customer or a deal: what, for whom, how urgent and by when.
 * It lands at the top of 待办 and, with a due time, reminds its assignee then.
 */
public final class TaskFormDialog extends FormDialog<Task> {

    private final AppContext context;
    private final Task existing;
    private final UUID customerId;
    private final UUID opportunityId;
    private final TextField title = new TextField();
    private final TextArea description = new TextArea();
    private final ComboBox<User> assignee;
    private final ComboBox<TaskPriority> priority = Pickers.of(List.of(TaskPriority.values()),
            p -> I18n.label("taskPriority", p), "");
    private final DatePicker dueDate = new DatePicker();
    private final TextField dueTime = new TextField("18:00");
    private final CustomFieldForm custom;
    /** What the edit started from: the task as opened, or as merged with someone's newer save. */
    private Task base;

    private TaskFormDialog(AppContext context, Task existing, UUID customerId, String customerName,
                           UUID opportunityId, String opportunityName) {
        super(I18n.get(existing == null ? "taskForm.title" : "taskForm.editTitle"), "taskSave");
        this.context = context;
        this.existing = existing;
        this.customerId = customerId;
        this.opportunityId = opportunityId;
        assignee = Pickers.of(context.users().visibleOwners(context.currentUser().asActor()), User::displayName, "");
        title.setId("taskTitle");
        description.setId("taskDescription");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        assignee.setId("taskAssignee");
        priority.setId("taskPriority");
        dueDate.setId("taskDueDate");
        dueTime.setId("taskDueTime");
        dueTime.setPrefColumnCount(5);
        assignee.setMaxWidth(Double.MAX_VALUE);
        priority.setMaxWidth(Double.MAX_VALUE);
        priority.setValue(TaskPriority.NORMAL);
        assignee.getItems().stream().filter(u -> u.id().equals(context.currentUser().id())).findFirst()
                .ifPresent(assignee::setValue);
        dueDate.setValue(LocalDate.now(context.clock()).plusDays(1));
        GridPane grid = grid();
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        int row = 0;
        if (customerName != null || opportunityName != null) {
            String about = opportunityName != null ? opportunityName : customerName;
            grid.add(field("customerId", I18n.get("taskForm.about"), new Label(about)), 0, row++, 2, 1);
        }
        grid.add(field("title", I18n.get("taskForm.name"), title), 0, row++, 2, 1);
        grid.add(field("assigneeId", I18n.get("taskForm.assignee"), assignee), 0, row);
        grid.add(field("priority", I18n.get("taskForm.priority"), priority), 1, row++);
        grid.add(field("dueAt", I18n.get("taskForm.due"), new HBox(8, dueDate, dueTime)), 0, row++, 2, 1);
        grid.add(field("description", I18n.get("taskForm.description"), description), 0, row++, 2, 1);
        custom = new CustomFieldForm(context, CustomEntity.TASK, this::field);
        custom.layOut(grid, row);
        custom.show(existing == null ? null : existing.id());
        grid.setPrefWidth(560);
        setForm(grid);
        base = existing;
        if (existing != null) {
            show(TaskVersions.draftOf(existing));
        }
        setOnShown(e -> title.requestFocus());
    }

    /** Puts a version of the task into the form's fields. */
    private void show(TaskDraft d) {
        title.setText(d.title());
        description.setText(d.description());
        priority.setValue(d.priority());
        assignee.setValue(null);
        assignee.getItems().stream().filter(u -> u.id().equals(d.assigneeId())).findFirst()
                .ifPresent(assignee::setValue);
        dueDate.setValue(d.dueAt() == null ? null
                : d.dueAt().atZoneSameInstant(context.clock().getZone()).toLocalDate());
        dueTime.setText(d.dueAt() == null ? "18:00" : d.dueAt()
                .atZoneSameInstant(context.clock().getZone()).toLocalTime().toString());
    }

    /** A task of the user's own, about nothing in particular. */
    public static TaskFormDialog create(AppContext context) {
        return new TaskFormDialog(context, null, null, null, null, null);
    }

    /** Edits a task's title, assignee, priority, due time and description. */
    public static TaskFormDialog edit(AppContext context, Task task) {
        return new TaskFormDialog(context, task, task.customerId(), task.customerName(), task.opportunityId(),
                task.opportunityName());
    }

    /** A task about a customer. */
    public static TaskFormDialog forCustomer(AppContext context, UUID customerId, String customerName) {
        return new TaskFormDialog(context, null, customerId, customerName, null, null);
    }

    /** A task about a deal (and its customer). */
    public static TaskFormDialog forOpportunity(AppContext context, UUID customerId, UUID opportunityId,
                                                String opportunityName) {
        return new TaskFormDialog(context, null, customerId, null, opportunityId, opportunityName);
    }

    @Override
    protected void save() {
        OffsetDateTime due = null;
        if (dueDate.getValue() != null) {
            try {
                LocalTime time = dueTime.getText() == null || dueTime.getText().isBlank() ? LocalTime.of(18, 0)
                        : LocalTime.parse(dueTime.getText().strip().replace('：', ':'));
                due = dueDate.getValue().atTime(time).atZone(context.clock().getZone()).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                showFailure(new ValidationException(List.of(FieldProblem.of("dueAt", "taskForm.time.invalid"))));
                return;
            }
        }
        TaskDraft draft = new TaskDraft(title.getText(), description.getText(),
                assignee.getValue() == null ? null : assignee.getValue().id(), priority.getValue(), due, customerId,
                opportunityId);
        var actor = context.currentUser().asActor();
        Map<String, String> customValues = custom.values();
        BackgroundTask.wrap(() -> {
                    // Checked first: a refused custom value saves nothing, not a task without it.
                    custom.check(existing == null ? null : existing.id(), customValues);
                    if (existing != null && !custom.conflicts(existing.id(), customValues).isEmpty()) {
                        // Only a custom field both changed: merged like any other field.
                        throw new StaleRecordException("task", existing.id(), base.version(),
                                context.tasks().find(actor, existing.id()).orElse(null));
                    }
                    Task task = existing == null ? context.tasks().create(actor, draft, TaskStatus.TODO)
                            : context.tasks().update(actor, existing.id(), base.version(), draft);
                    custom.save(actor, task.id(), customValues);
                    return task;
                })
                .onSuccess(this::finish)
                .onFailure(error -> {
                    if (error instanceof StaleRecordException stale && stale.current() instanceof Task theirs
                            && existing != null) {
                        resolveConflict(theirs, draft, customValues);
                    } else {
                        showFailure(error);
                    }
                })
                .executeWith(context.executor());
    }

    /**
     * Someone saved the task since the edit started: the user merges field by field, and the merge is
     * saved on their version (coming back with newer values if someone saved again meanwhile).
     */
    private void resolveConflict(Task theirs, TaskDraft mine, Map<String, String> mineCustom) {
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> Map.entry(context.customFields().values(CustomEntity.TASK, theirs.id()),
                        context.tasks().history(actor, theirs.id())))
                .onSuccess(side -> {
                    FieldMerge merge = FieldMerge.of(TaskVersions.fields(TaskVersions.draftOf(base), custom.base()),
                            TaskVersions.fields(mine, mineCustom),
                            TaskVersions.fields(TaskVersions.draftOf(theirs), side.getKey()));
                    Optional<Map<String, String>> merged = new FieldMergeDialog(theirs.title(), merge,
                            TaskVersions.mergeFields(context).words(side.getValue())).merged();
                    if (merged.isEmpty()) {
                        close();
                        return;
                    }
                    base = theirs;
                    custom.rebase(side.getKey());
                    show(TaskVersions.draft(mine, merged.get()));
                    custom.showValues(MergeFields.customValues(merged.get()));
                    save();
                })
                .onFailure(this::showFailure)
                .executeWith(context.executor());
    }
}
