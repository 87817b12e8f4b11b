package io.salesdesk.app.tasks;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.board.CardFaces;
import io.salesdesk.app.board.CardPresenter;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Navigation;
import io.salesdesk.board.BoardField;
import io.salesdesk.board.BoardKind;
import io.salesdesk.board.Card;
import io.salesdesk.board.task.ChecklistItem;
import io.salesdesk.board.task.Task;
import io.salesdesk.board.task.TaskComment;
import io.salesdesk.board.task.TaskDetail;
import io.salesdesk.board.task.TaskDraft;
import io.salesdesk.board.task.TaskPriority;
import io.salesdesk.board.task.TaskStatus;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Task cards: title, due time (red when late), priority, customer, checklist progress; the drawer works the checklist and comments. */
final class TaskPresenter implements CardPresenter {

    private final AppContext context;
    private final EventBus bus;

    TaskPresenter(AppContext context, EventBus bus) {
        this.context = context;
        this.bus = bus;
    }

    @Override
    public BoardKind kind() {
        return BoardKind.TASK;
    }

    @Override
    public Node render(Card card, List<BoardField> fields, String colour) {
        Task task = (Task) card.item();
        Label title = CardFaces.title(task.title());
        if (task.status() == TaskStatus.DONE) {
            title.getStyleClass().add("kanban-card-done");
        }
        VBox face = new VBox(6, title);
        FlowPane chips = new FlowPane(10, 4);
        for (BoardField field : fields) {
            switch (field) {
                case DUE -> {
                    if (task.dueAt() != null) {
                        boolean late = task.status().isOpen() && task.overdue(context.clock());
                        chips.getChildren().add(CardFaces.chip(Formats.dateTime(task.dueAt(), context.clock().getZone()),
                                Feather.CLOCK, late ? "kanban-card-late" : null));
                    }
                }
                case PRIORITY -> {
                    if (task.priority() != TaskPriority.NORMAL) {
                        chips.getChildren().add(CardFaces.chip(I18n.label("taskPriority", task.priority()), Feather.FLAG,
                                task.priority() == TaskPriority.URGENT || task.priority() == TaskPriority.HIGH
                                        ? "kanban-card-late" : null));
                    }
                }
                case TASK_CUSTOMER -> {
                    if (task.customerName() != null) {
                        face.getChildren().add(CardFaces.line(task.customerName(), Feather.BRIEFCASE));
                    }
                }
                case CHECKLIST -> {
                    if (task.checklistTotal() > 0) {
                        chips.getChildren().add(CardFaces.chip(task.checklistDone() + "/" + task.checklistTotal(),
                                Feather.CHECK_SQUARE, null));
                    }
                }
                case ASSIGNEE -> chips.getChildren().add(CardFaces.chip(task.assigneeName(), Feather.USER, null));
                default -> { }
            }
        }
        if (!chips.getChildren().isEmpty()) {
            face.getChildren().add(chips);
        }
        return CardFaces.face(face, colour);
    }

    @Override
    public String title(Card card) {
        return ((Task) card.item()).title();
    }

    @Override
    public String laneTitle(String lane) {
        try {
            return I18n.label("taskPriority", TaskPriority.valueOf(lane));
        } catch (IllegalArgumentException notAPriority) {
            return lane;
        }
    }

    @Override
    public Node quickAdd(String column, Runnable added) {
        if (column.equals(TaskStatus.DONE.name())) {
            return null;
        }
        TextField add = new TextField();
        add.setId("quickAdd-" + column);
        add.setPromptText(I18n.get("tasks.quickAdd"));
        add.getStyleClass().add("kanban-quick-add");
        add.setOnAction(e -> {
            String title = add.getText() == null ? "" : add.getText().strip();
            if (title.isEmpty()) {
                return;
            }
            var actor = context.currentUser().asActor();
            add.setDisable(true);
            BackgroundTask.wrap(() -> context.tasks().create(actor, TaskDraft.titled(title), TaskStatus.valueOf(column)))
                    .onSuccess(created -> {
                        add.clear();
                        added.run();
                    })
                    .onFinished(() -> add.setDisable(false))
                    .executeWith(context.executor());
        });
        return add;
    }

    @Override
    public Node detail(Card card, Runnable changed) {
        var actor = context.currentUser().asActor();
        VBox detail = new VBox(14);
        detail.setId("taskDetail");
        detail.getStyleClass().add("board-detail");
        BackgroundTask.wrap(() -> context.tasks().open(actor, card.id()))
                .onSuccess(found -> found.ifPresentOrElse(d -> fill(detail, d, changed),
                        () -> detail.getChildren().setAll(new Label(I18n.get("board.gone", title(card))))))
                .executeWith(context.executor());
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private void fill(VBox detail, TaskDetail d, Runnable changed) {
        Task task = d.task();
        Label title = new Label(task.title());
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        VBox facts = new VBox(6);
        facts.getChildren().add(fact(Feather.USER, task.assigneeName()));
        facts.getChildren().add(fact(Feather.FLAG, I18n.label("taskPriority", task.priority())));
        if (task.dueAt() != null) {
            facts.getChildren().add(fact(Feather.CLOCK, Formats.dateTime(task.dueAt(), context.clock().getZone())));
        }
        if (task.customerName() != null) {
            Hyperlink customer = new Hyperlink(task.customerName(), new FontIcon(Feather.BRIEFCASE));
            customer.setOnAction(e -> bus.publish(new Navigation.OpenCustomer(task.customerId(), task.customerName())));
            facts.getChildren().add(customer);
        }
        if (task.description() != null) {
            Label description = new Label(task.description());
            description.setWrapText(true);
            facts.getChildren().add(description);
        }
        Label checklistTitle = new Label(I18n.get("tasks.checklist"));
        checklistTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox checklist = new VBox(6);
        for (ChecklistItem item : d.checklist()) {
            CheckBox box = new CheckBox(item.label());
            box.setSelected(item.done());
            box.setOnAction(e -> BackgroundTask.wrap(() -> context.tasks().setChecklistItemDone(
                            context.currentUser().asActor(), item.id(), item.version(), box.isSelected()))
                    .onSuccess(saved -> reopen(detail, task, changed))
                    .onFailure(error -> {
                        io.salesdesk.app.common.ErrorDialogs.show(error);
                        reopen(detail, task, changed);
                    })
                    .executeWith(context.executor()));
            checklist.getChildren().add(box);
        }
        TextField newItem = new TextField();
        newItem.setId("newChecklistItem");
        newItem.setPromptText(I18n.get("tasks.checklist.add"));
        newItem.setOnAction(e -> submit(newItem, text -> context.tasks().addChecklistItem(
                context.currentUser().asActor(), task.id(), text), detail, task, changed));
        Label commentsTitle = new Label(I18n.get("tasks.comments"));
        commentsTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox comments = new VBox(8);
        for (TaskComment comment : d.comments()) {
            Label who = new Label(comment.authorName() + " · "
                    + Formats.dateTime(comment.createdAt(), context.clock().getZone()));
            who.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            Label body = new Label(comment.body());
            body.setWrapText(true);
            comments.getChildren().add(new VBox(2, who, body));
        }
        TextField newComment = new TextField();
        newComment.setId("newComment");
        newComment.setPromptText(I18n.get("tasks.comments.add"));
        newComment.setOnAction(e -> submit(newComment, text -> context.tasks().addComment(
                context.currentUser().asActor(), task.id(), text), detail, task, changed));
        Button edit = new Button(I18n.get("action.edit"), new FontIcon(Feather.EDIT_2));
        edit.setId("editTask");
        edit.setOnAction(e -> TaskFormDialog.edit(context, task).showAndWait().ifPresent(saved -> changed.run()));
        Button delete = new Button(I18n.get("tasks.delete"), new FontIcon(Feather.TRASH_2));
        delete.setId("deleteTask");
        delete.getStyleClass().add(Styles.DANGER);
        delete.setOnAction(e -> {
            javafx.scene.control.Alert confirm = new javafx.scene.control.Alert(
                    javafx.scene.control.Alert.AlertType.CONFIRMATION, I18n.get("tasks.delete.confirm", task.title()),
                    javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
            confirm.setHeaderText(null);
            if (confirm.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isPresent()) {
                BackgroundTask.wrap(() -> context.tasks().delete(context.currentUser().asActor(), task.id(),
                        task.version())).onSuccess(done -> changed.run()).executeWith(context.executor());
            }
        });
        HBox actions = new HBox(8, edit, delete);
        detail.getChildren().setAll(title, facts, actions, checklistTitle, checklist, newItem, commentsTitle,
                comments, newComment);
    }

    private void submit(TextField field, java.util.function.Function<String, ?> save, VBox detail, Task task,
                        Runnable changed) {
        String text = field.getText() == null ? "" : field.getText().strip();
        if (text.isEmpty()) {
            return;
        }
        BackgroundTask.wrap(() -> save.apply(text))
                .onSuccess(saved -> reopen(detail, task, changed))
                .executeWith(context.executor());
    }

    private void reopen(VBox detail, Task task, Runnable changed) {
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.tasks().open(actor, task.id()))
                .onSuccess(found -> found.ifPresent(d -> fill(detail, d, changed)))
                .executeWith(context.executor());
    }

    private static Label fact(Feather icon, String text) {
        Label label = new Label(text, new FontIcon(icon));
        label.setWrapText(true);
        return label;
    }

}
