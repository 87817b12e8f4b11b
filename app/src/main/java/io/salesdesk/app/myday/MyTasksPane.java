package io.salesdesk.app.myday;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.board.CardFaces;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Navigation;
import io.salesdesk.app.common.Page;
import io.salesdesk.app.tasks.TaskFormDialog;
import io.salesdesk.board.task.Task;
import io.salesdesk.board.task.TaskStatus;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** 我的任务 on My Day: the user's open tasks, due first; ticking one marks it done. */
final class MyTasksPane extends VBox {

    /** Most tasks My Day lists; the Tasks page has them all. */
    private static final int LIMIT = 50;

    private final AppContext context;
    private final ListView<Task> list = new ListView<>();
    private final Label title = new Label();

    MyTasksPane(AppContext context, EventBus bus) {
        super(8);
        this.context = context;
        setId("myTasks");
        title.getStyleClass().add(Styles.TITLE_4);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button all = new Button(I18n.get("myday.tasks.all"), new FontIcon(Feather.ARROW_RIGHT));
        all.getStyleClass().add(Styles.FLAT);
        all.setOnAction(e -> bus.publish(new Navigation.ShowPage(Page.TASKS)));
        Button add = new Button(null, new FontIcon(Feather.PLUS));
        add.setId("myDayNewTask");
        add.setTooltip(new javafx.scene.control.Tooltip(I18n.get("tasks.new")));
        add.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        add.setOnAction(e -> TaskFormDialog.create(context).showAndWait().ifPresent(task -> reload()));
        HBox bar = new HBox(8, title, spacer, add, all);
        bar.setAlignment(Pos.CENTER_LEFT);
        list.setId("myTaskList");
        list.getStyleClass().add("my-tasks");
        Label empty = new Label(I18n.get("myday.tasks.empty"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        list.setPlaceholder(empty);
        list.setCellFactory(lv -> new TaskCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(bar, list);
        setPrefWidth(340);
        setMinWidth(300);
        reload();
    }

    void reload() {
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.tasks().myOpen(actor, LIMIT))
                .onSuccess(tasks -> {
                    list.getItems().setAll(tasks);
                    title.setText(I18n.get("myday.tasks.title", tasks.size()));
                })
                .executeWith(context.executor());
    }

    private void complete(Task task) {
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.tasks().move(actor, task.id(), task.version(), TaskStatus.DONE, null))
                .onSuccess(done -> reload())
                .onFailure(error -> {
                    io.salesdesk.app.common.ErrorDialogs.show(error);
                    reload();
                })
                .executeWith(context.executor());
    }

    private final class TaskCell extends ListCell<Task> {
        @Override
        protected void updateItem(Task task, boolean empty) {
            super.updateItem(task, empty);
            setText(null);
            if (empty || task == null) {
                setGraphic(null);
                return;
            }
            CheckBox done = new CheckBox();
            done.setOnAction(e -> complete(task));
            Label name = new Label(task.title());
            name.setWrapText(true);
            name.setPrefWidth(250);
            name.setMinHeight(Region.USE_PREF_SIZE);
            FlowPane chips = new FlowPane(10, 2);
            chips.setPrefWrapLength(250);
            if (task.dueAt() != null) {
                chips.getChildren().add(CardFaces.chip(Formats.dateTime(task.dueAt(), context.clock().getZone()),
                        Feather.CLOCK, task.overdue(context.clock()) ? "kanban-card-late" : null));
            }
            if (task.customerName() != null) {
                chips.getChildren().add(CardFaces.chip(task.customerName(), Feather.BRIEFCASE, null));
            }
            HBox row = new HBox(8, done, new VBox(2, name, chips));
            row.setPadding(new javafx.geometry.Insets(4, 0, 4, 0));
            row.setAlignment(Pos.TOP_LEFT);
            setGraphic(row);
        }
    }
}
