package io.salesdesk.app.commerce;

import java.math.BigDecimal;
import java.util.List;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.commerce.collection.Ageing;
import io.salesdesk.commerce.collection.AgeingLine;
import io.salesdesk.commerce.collection.OverdueItem;

/**
 * 回款: what customers owe, aged — not yet due, 1–30, 31–60, 61–90 and over 90 days overdue — in
 * total and per customer or per owner, and the overdue items with the days each is late, so finance
 * chases the right money first and records what came in.
 */
final class CollectionsView extends BorderPane implements CommerceTab {

    private final AppContext context;
    private final HBox tiles = new HBox(12);
    private final TableView<OverdueItem> overdue = new TableView<>();
    private final TableView<AgeingLine> byGroup = new TableView<>();
    private final ToggleButton byCustomer = new ToggleButton(I18n.get("collections.byCustomer"));
    private final ToggleButton byOwner = new ToggleButton(I18n.get("collections.byOwner"));
    private final Label overdueTitle = new Label();

    CollectionsView(AppContext context) {
        this.context = context;
        setId("collectionsView");
        tiles.setId("ageingTiles");
        createOverdueTable();
        createGroupTable();
        Button pay = new Button(I18n.get("collections.recordPayment"), new FontIcon(Feather.DOLLAR_SIGN));
        pay.setId("recordPayment");
        pay.getStyleClass().add(Styles.ACCENT);
        pay.disableProperty().bind(overdue.getSelectionModel().selectedItemProperty().isNull());
        pay.setOnAction(e -> recordPayment());
        overdueTitle.getStyleClass().add(Styles.TITLE_4);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox overdueHead = new HBox(12, overdueTitle, spacer, pay);
        overdueHead.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(8, overdueHead, overdue);
        VBox.setVgrow(overdue, Priority.ALWAYS);

        ToggleGroup group = new ToggleGroup();
        byCustomer.setToggleGroup(group);
        byOwner.setToggleGroup(group);
        byCustomer.getStyleClass().add(Styles.LEFT_PILL);
        byOwner.getStyleClass().add(Styles.RIGHT_PILL);
        byCustomer.setId("ageingByCustomer");
        byOwner.setId("ageingByOwner");
        byCustomer.setSelected(true);
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                loadGroups();
            }
        });
        Label groupTitle = new Label(I18n.get("collections.ageingBy"));
        groupTitle.getStyleClass().add(Styles.TITLE_4);
        HBox groupHead = new HBox(12, groupTitle, new HBox(byCustomer, byOwner));
        groupHead.setAlignment(Pos.CENTER_LEFT);
        VBox right = new VBox(8, groupHead, byGroup);
        VBox.setVgrow(byGroup, Priority.ALWAYS);

        HBox body = new HBox(16, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        right.setPrefWidth(460);
        right.setMinWidth(380);
        setTop(tiles);
        setCenter(body);
        BorderPane.setMargin(body, new Insets(16, 0, 0, 0));
    }

    private void createOverdueTable() {
        overdue.setId("overdueTable");
        overdue.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        overdue.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<OverdueItem, Long> days = new TableColumn<>(I18n.get("collections.col.daysOverdue"));
        days.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue().daysOverdue()));
        days.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                setText(I18n.get("collections.days", item));
                getStyleClass().add(item > 30 ? Styles.DANGER : Styles.WARNING);
            }
        });
        days.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        days.setPrefWidth(90);
        overdue.getColumns().setAll(List.of(
                Columns.<OverdueItem>text("collections.col.customer", OverdueItem::customerName, 200),
                Columns.<OverdueItem>text("collections.col.contract", OverdueItem::contractNo, 120),
                Columns.<OverdueItem>text("collections.col.milestone",
                        o -> I18n.label("milestone", o.milestone()), 80),
                Columns.<OverdueItem>text("collections.col.dueOn", o -> Formats.date(o.dueOn()), 100),
                days,
                Columns.money("collections.col.open", OverdueItem::open, 130),
                Columns.<OverdueItem>text("collections.col.owner", OverdueItem::ownerName, 90)));
        days.setSortType(TableColumn.SortType.DESCENDING);
        overdue.setPlaceholder(new Label(I18n.get("collections.noneOverdue")));
        overdue.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<OverdueItem>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    recordPayment();
                }
            });
            return row;
        });
    }

    private void createGroupTable() {
        byGroup.setId("ageingTable");
        byGroup.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        byGroup.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        byGroup.getColumns().setAll(List.of(
                Columns.<AgeingLine>text("collections.col.name", AgeingLine::name, 130),
                Columns.moneyShort("collections.col.notDue", l -> l.ageing().notDue(), 80),
                Columns.moneyShort("collections.col.overdue", l -> l.ageing().overdue(), 80),
                Columns.moneyShort("collections.col.over90", l -> l.ageing().over90(), 80)));
        byGroup.setPlaceholder(new Label(I18n.get("collections.noReceivables")));
    }

    @Override
    public void refresh() {
        var viewer = context.currentUser().asActor();
        BackgroundTask.wrap(() -> new Loaded(context.collections().ageing(viewer), context.collections().overdue(viewer)))
                .onSuccess(this::show)
                .executeWith(context.executor());
        loadGroups();
    }

    private record Loaded(Ageing ageing, List<OverdueItem> overdue) {
    }

    private void show(Loaded loaded) {
        Ageing a = loaded.ageing();
        tiles.getChildren().setAll(
                tile("NOT_DUE", a.notDue(), null),
                tile("UP_TO_30", a.upTo30(), "ageing-warn"),
                tile("UP_TO_60", a.upTo60(), "ageing-warn"),
                tile("UP_TO_90", a.upTo90(), "ageing-bad"),
                tile("OVER_90", a.over90(), "ageing-bad"),
                tile("TOTAL", a.total(), "ageing-total"));
        overdue.getItems().setAll(loaded.overdue());
        overdue.getSortOrder().setAll(List.of(overdue.getColumns().get(4)));
        BigDecimal sum = loaded.overdue().stream().map(OverdueItem::open).reduce(BigDecimal.ZERO, BigDecimal::add);
        overdueTitle.setText(I18n.get("collections.overdueTitle", loaded.overdue().size(), Columns.yuan(sum)));
    }

    private Node tile(String bucket, BigDecimal amount, String style) {
        Label title = new Label(I18n.get("collections.bucket." + bucket));
        title.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label figure = new Label(Formats.money(amount));
        figure.setId("ageing-" + bucket);
        figure.getStyleClass().addAll(Styles.TITLE_3, "ageing-figure");
        Label exact = new Label(Columns.yuan(amount));
        exact.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox box = new VBox(2, title, figure, exact);
        box.getStyleClass().add("ageing-tile");
        if (style != null && amount.signum() > 0) {
            box.getStyleClass().add(style);
        }
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private void loadGroups() {
        var viewer = context.currentUser().asActor();
        boolean customers = byCustomer.isSelected();
        BackgroundTask.wrap(() -> customers ? context.collections().ageingByCustomer(viewer)
                        : context.collections().ageingByOwner(viewer))
                .onSuccess(lines -> byGroup.getItems().setAll(lines.stream()
                        .sorted((x, y) -> y.ageing().overdue().compareTo(x.ageing().overdue())).toList()))
                .executeWith(context.executor());
    }

    private void recordPayment() {
        OverdueItem item = overdue.getSelectionModel().getSelectedItem();
        if (item != null) {
            PaymentDialog.open(context, item.itemId(), item.customerName(), item.contractNo(),
                    I18n.label("milestone", item.milestone()), item.open(), this::refresh);
        }
    }
}
