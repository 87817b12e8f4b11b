package io.salesdesk.app.leads;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.I18n;
import io.salesdesk.core.Actor;
import io.salesdesk.dispatch.RepLoad;

/**
 * 负荷: each rep's load as dispatch weighs it (open leads, overdue follow-ups and tasks against
 * their monthly capacity), lightest first, so a manager sees who is full before handing out work.
 */
final class LoadView extends BorderPane implements LeadsTab {

    /** From this load index on a rep counts as (nearly) full and shows red. */
    static final double FULL = 0.9;

    private final AppContext context;
    private final TableView<RepLoad> table = new TableView<>();
    private final Label summary = new Label();

    LoadView(AppContext context) {
        this.context = context;
        setId("loadView");
        summary.setId("loadSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        Button edit = new Button(I18n.get("leads.load.edit"), new FontIcon(Feather.SLIDERS));
        edit.setId("loadEditRep");
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> editSelected());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, summary, spacer, edit);
        top.setAlignment(Pos.CENTER_LEFT);
        setTop(top);
        setCenter(createTable());
        table.setRowFactory(t -> {
            TableRow<RepLoad> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    editSelected();
                }
            });
            return row;
        });
        BorderPane.setMargin(table, new Insets(10, 0, 0, 0));
    }

    private TableView<RepLoad> createTable() {
        table.setId("loadTable");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().setAll(List.of(
                graphicColumn("leads.load.col.name", this::name, 120),
                graphicColumn("leads.load.col.load", LoadView::bar, 190),
                number("leads.load.col.openLeads", RepLoad::openLeads),
                number("leads.load.col.overdue", RepLoad::overdueFollowUps),
                number("leads.load.col.openTasks", RepLoad::openTasks),
                number("leads.load.col.capacity", RepLoad::monthlyCapacity),
                text("leads.load.col.territories", r -> r.territoryNames().isEmpty() ? I18n.get("leads.load.noTerritory")
                        : String.join(I18n.get("leads.load.territorySeparator"), r.territoryNames()), 260)));
        table.setPlaceholder(new Label(I18n.get("leads.load.empty")));
        return table;
    }

    /** 销售设置 for the selected rep; the view reloads after a save, as dispatch will see it. */
    private void editSelected() {
        RepLoad rep = table.getSelectionModel().getSelectedItem();
        if (rep != null) {
            RepProfileDialog.open(context, rep.userId(), this::refresh);
        }
    }

    private Node name(RepLoad rep) {
        Label name = new Label(rep.name());
        HBox box = new HBox(6, name);
        box.setAlignment(Pos.CENTER_LEFT);
        if (rep.away()) {
            Label away = new Label(I18n.get("leads.load.away"));
            away.getStyleClass().addAll("lead-chip", "load-away", Styles.TEXT_SMALL);
            box.getChildren().add(away);
        }
        return box;
    }

    /** The load index as a bar (full at 1.0) with the figure beside it; red from {@link #FULL}. */
    private static Node bar(RepLoad rep) {
        ProgressBar bar = new ProgressBar(Math.min(1, Math.max(0, rep.loadIndex())));
        bar.getStyleClass().add("load-bar");
        if (rep.loadIndex() >= FULL) {
            bar.getStyleClass().add("load-high");
        }
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label figure = new Label(String.format(Locale.ROOT, "%.2f", rep.loadIndex()));
        figure.getStyleClass().add("load-figure");
        if (rep.loadIndex() >= FULL) {
            figure.getStyleClass().add(Styles.DANGER);
        }
        HBox box = new HBox(8, bar, figure);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static TableColumn<RepLoad, RepLoad> graphicColumn(String key, Function<RepLoad, Node> graphic,
                                                               double width) {
        TableColumn<RepLoad, RepLoad> column = new TableColumn<>(I18n.get(key));
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(RepLoad item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : graphic.apply(item));
            }
        });
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 100));
        column.setSortable(false);
        return column;
    }

    private static TableColumn<RepLoad, Integer> number(String key, Function<RepLoad, Integer> value) {
        TableColumn<RepLoad, Integer> column = new TableColumn<>(I18n.get(key));
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        column.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        column.setPrefWidth(76);
        column.setMinWidth(60);
        return column;
    }

    private static TableColumn<RepLoad, String> text(String key, Function<RepLoad, String> value, double width) {
        TableColumn<RepLoad, String> column = new TableColumn<>(I18n.get(key));
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(100);
        return column;
    }

    @Override
    public void refresh() {
        Actor viewer = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.dispatch().loads(viewer))
                .onSuccess(loads -> {
                    table.getItems().setAll(loads);
                    double average = loads.stream().mapToDouble(RepLoad::loadIndex).average().orElse(0);
                    long full = loads.stream().filter(r -> r.loadIndex() >= FULL).count();
                    long away = loads.stream().filter(RepLoad::away).count();
                    summary.setText(I18n.get("leads.load.summary", loads.size(),
                            String.format(Locale.ROOT, "%.2f", average), full, away));
                })
                .executeWith(context.executor());
    }
}
