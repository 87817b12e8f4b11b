package io.salesdesk.app.myday;

import java.util.function.Function;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.studio.onboarding.GrowthPane;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Navigation;
import io.salesdesk.crm.FollowUpDue;

/** My Day: a greeting, two counters and the list of follow-ups to do, each one click from the customer. */
public final class MyDayPage extends BorderPane {

    private final MyDayViewModel model;
    private final EventBus bus;
    private final TableView<FollowUpDue> table = new TableView<>();
    private final MyTasksPane tasks;
    private final ObligationsPane obligations;
    private final GrowthPane growth;

    public MyDayPage(AppContext context, EventBus bus) {
        this.bus = bus;
        this.model = new MyDayViewModel(context.customers(), context.currentUser().asActor(), context.clock(),
                context.executor());
        getStyleClass().add("page");
        VBox top = new VBox(16, createGreeting(context), createCards());
        top.setPadding(new Insets(0, 0, 16, 0));
        setTop(top);
        tasks = new MyTasksPane(context, bus);
        obligations = new ObligationsPane(context, bus);
        growth = new GrowthPane(context);
        VBox.setVgrow(tasks, Priority.ALWAYS);
        HBox center = new HBox(16, createTable(), new VBox(16, growth, tasks, obligations));
        HBox.setHgrow(center.getChildren().get(0), Priority.ALWAYS);
        setCenter(center);
        model.reload();
    }

    private VBox createGreeting(AppContext context) {
        Label hello = new Label(I18n.get("myday.greeting." + model.dayPart().name(),
                context.currentUser().displayName()));
        hello.setId("greeting");
        hello.getStyleClass().add(Styles.TITLE_2);
        Label date = new Label(Formats.longDate(model.today()));
        date.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(4, hello, date);
    }

    private HBox createCards() {
        HBox cards = new HBox(16,
                card("dueTodayCard", Feather.CALENDAR, I18n.get("myday.card.dueToday"),
                        model.dueTodayProperty().map(n -> Formats.count(n.longValue())), "card-accent"),
                card("overdueCard", Feather.ALERT_TRIANGLE, I18n.get("myday.card.overdue"),
                        model.overdueProperty().map(n -> Formats.count(n.longValue())), "card-danger"));
        return cards;
    }

    private VBox card(String id, Feather icon, String title, ObservableValue<String> value, String style) {
        FontIcon glyph = new FontIcon(icon);
        glyph.getStyleClass().add("card-icon");
        Label caption = new Label(title, glyph);
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        Label number = new Label();
        number.setId(id + "Value");
        number.getStyleClass().addAll(Styles.TITLE_1, "card-number");
        number.textProperty().bind(value);
        VBox card = new VBox(6, caption, number);
        card.setId(id);
        card.getStyleClass().addAll("summary-card", style);
        card.setPrefWidth(220);
        return card;
    }

    private VBox createTable() {
        Label title = new Label(I18n.get("myday.list.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button open = new Button(I18n.get("myday.open"), new FontIcon(Feather.ARROW_RIGHT));
        open.setId("openDueCustomer");
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> openSelected());
        HBox bar = new HBox(8, title, spacer, open);
        bar.setAlignment(Pos.CENTER_LEFT);

        table.setId("dueTable");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("myday.col.customer", FollowUpDue::customerName, 260));
        table.getColumns().add(column("myday.col.tier", f -> f.tier() == null ? "" : I18n.get("tier." + f.tier().name()), 80));
        table.getColumns().add(column("myday.col.due", f -> Formats.date(f.dueOn()), 110));
        table.getColumns().add(overdueColumn());
        table.getColumns().add(column("myday.col.owner", f -> f.ownerName() == null ? "" : f.ownerName(), 90));
        table.getColumns().add(column("myday.col.lastNextStep", f -> f.lastNextStep() == null ? "" : f.lastNextStep(), 300));
        table.setItems(model.due());
        table.setPlaceholder(emptyState());
        table.setRowFactory(t -> {
            TableRow<FollowUpDue> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    openSelected();
                }
            });
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(8, bar, table);
    }

    private TableColumn<FollowUpDue, String> overdueColumn() {
        TableColumn<FollowUpDue, String> column = column("myday.col.overdue", f -> {
            long days = f.daysOverdue(model.today());
            return days == 0 ? I18n.get("myday.dueToday") : I18n.get("myday.daysOverdue", days);
        }, 100);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                FollowUpDue row = empty ? null : getTableRow().getItem();
                getStyleClass().remove("overdue");
                if (row != null && row.daysOverdue(model.today()) > 0) {
                    getStyleClass().add("overdue");
                }
            }
        });
        return column;
    }

    private static TableColumn<FollowUpDue, String> column(String key, Function<FollowUpDue, String> value, double width) {
        TableColumn<FollowUpDue, String> column = new TableColumn<>(I18n.get(key));
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private StackPane emptyState() {
        FontIcon icon = new FontIcon(Feather.CHECK_CIRCLE);
        icon.getStyleClass().add("empty-icon");
        Label text = new Label(I18n.get("myday.empty"));
        text.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(8, icon, text);
        box.setAlignment(Pos.CENTER);
        return new StackPane(box);
    }

    private void openSelected() {
        FollowUpDue selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            bus.publish(new Navigation.OpenCustomer(selected.customerId(), selected.customerName()));
        }
    }

    /** Re-reads the due follow-ups, e.g. when the user comes back to the page. */
    public void refresh() {
        model.reload();
        tasks.reload();
        obligations.reload();
        growth.reload();
    }

    MyDayViewModel model() {
        return model;
    }
}
