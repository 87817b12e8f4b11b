package io.salesdesk.app.commerce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
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
import io.salesdesk.commerce.cost.Cac;
import io.salesdesk.commerce.cost.CustomerCac;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.SalesDeskException;

/**
 * 成本与获客: what winning a customer really cost in a period — acquisition and pre-sales cost over
 * the customers won — in total, per channel and per month, and per customer, with how much of it
 * was measured on the deal rather than allocated from a pool, so CAC is a number, not a guess.
 */
final class CostsView extends BorderPane implements CommerceTab {

    /** Most customers listed; the totals above cover them all. */
    private static final int CUSTOMER_ROWS = 500;

    private final AppContext context;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final HBox tiles = new HBox(12);
    // Costs recorded without a channel make a group of their own.
    private final TableView<Cac> byChannel = cacTable("cacByChannel", "costs.col.channel",
            c -> c.group() == null ? I18n.get("costs.channel.none") : c.group());
    // A month's row names its period by its first day.
    private final TableView<Cac> byMonth = cacTable("cacByMonth", "costs.col.month",
            c -> YearMonth.from(c.from()).toString());
    private final TableView<CustomerCac> byCustomer = new TableView<>();
    private final CostEntriesPane entries;
    private final Label refused = new Label();

    CostsView(AppContext context) {
        this.context = context;
        setId("costsView");
        LocalDate today = BusinessTime.today(context.clock());
        from.setValue(today.withDayOfYear(1));
        to.setValue(today);
        from.setId("costsFrom");
        to.setId("costsTo");
        from.valueProperty().addListener((obs, was, now) -> refresh());
        to.valueProperty().addListener((obs, was, now) -> refresh());
        Label period = new Label(I18n.get("costs.period"));
        Button record = new Button(I18n.get("costs.record"), new FontIcon(Feather.PLUS));
        record.setId("costRecord");
        record.getStyleClass().add(Styles.ACCENT);
        record.setOnAction(e -> recordCost());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox filters = new HBox(8, period, from, new Label("—"), to, spacer, record);
        filters.setAlignment(Pos.CENTER_LEFT);
        Label definition = new Label(I18n.get("costs.definition"));
        definition.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        definition.setWrapText(true);
        tiles.setId("cacTiles");
        refused.getStyleClass().add(Styles.WARNING);
        refused.setWrapText(true);

        byCustomer.setId("cacByCustomer");
        byCustomer.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        byCustomer.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        byCustomer.getColumns().setAll(List.of(
                Columns.<CustomerCac>text("costs.col.customer", CustomerCac::customerName, 200),
                Columns.<CustomerCac>text("costs.col.wonAt", c -> c.wonAt() == null ? ""
                        : Formats.date(c.wonAt().atZoneSameInstant(BusinessTime.ZONE).toLocalDate()), 100),
                Columns.money("costs.col.total", CustomerCac::total, 110),
                Columns.money("costs.col.measured", CustomerCac::measured, 110),
                Columns.money("costs.col.allocated", CustomerCac::allocated, 110)));
        byCustomer.setPlaceholder(new Label(I18n.get("costs.noneWon")));
        // Beside the entries the table is narrower: the dates and amounts stay whole, the name gives way.
        double[] minimum = {60, 96, 92, 92, 92};
        for (int i = 0; i < minimum.length; i++) {
            byCustomer.getColumns().get(i).setMinWidth(minimum[i]);
        }
        entries = new CostEntriesPane(context, this::refresh);
        byCustomer.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            // Reading the figures again empties the table for a moment: keep the customer shown then.
            if (now != null && !now.customerId().equals(entries.customerId())) {
                entries.show(now.customerId(), now.customerName());
            }
        });

        HBox groups = new HBox(16, titled("costs.byChannel", byChannel), titled("costs.byMonth", byMonth));
        groups.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        SplitPane perCustomer = new SplitPane(titled("costs.byCustomer", byCustomer), entries);
        perCustomer.setDividerPositions(0.45);
        perCustomer.getStyleClass().add("costs-split");
        VBox body = new VBox(14, tiles, refused, groups, perCustomer);
        VBox.setVgrow(perCustomer, Priority.ALWAYS);
        setTop(new VBox(6, filters, definition));
        setCenter(body);
        BorderPane.setMargin(body, new Insets(12, 0, 0, 0));
    }

    private static TableView<Cac> cacTable(String id, String groupKey, java.util.function.Function<Cac, String> group) {
        TableView<Cac> table = new TableView<>();
        table.setId(id);
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().setAll(List.of(
                Columns.<Cac>text(groupKey, group, 100),
                Columns.<Cac>text("costs.col.won", c -> Integer.toString(c.customersWon()), 60),
                Columns.money("costs.col.total", Cac::total, 110),
                Columns.money("costs.col.cac", Cac::perCustomer, 100),
                Columns.<Cac>text("costs.col.measuredShare", c -> percent(c.measuredShare()), 70)));
        table.setPrefHeight(230);
        table.setPlaceholder(new Label(I18n.get("costs.noneWon")));
        return table;
    }

    private static VBox titled(String key, Node content) {
        Label title = new Label(I18n.get(key));
        title.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(6, title, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    private static String percent(BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    @Override
    public void refresh() {
        LocalDate first = from.getValue();
        LocalDate last = to.getValue();
        if (first == null || last == null || last.isBefore(first)) {
            return;
        }
        var viewer = context.currentUser().asActor();
        BackgroundTask.wrap(() -> new Loaded(context.costs().cac(viewer, first, last),
                        context.costs().cacByChannel(viewer, first, last),
                        context.costs().cacByMonth(viewer, YearMonth.from(first), YearMonth.from(last)),
                        context.costs().cacByCustomer(viewer, first, last, CUSTOMER_ROWS)))
                .onSuccess(this::show)
                .onFailure(error -> {
                    if (error instanceof SalesDeskException) {
                        refused.setText(I18n.message(error));
                        refused.setVisible(true);
                        refused.setManaged(true);
                    } else {
                        io.salesdesk.app.common.ErrorDialogs.show(error);
                    }
                })
                .executeWith(context.executor());
    }

    private record Loaded(Cac total, List<Cac> channels, List<Cac> months, List<CustomerCac> customers) {
    }

    private void show(Loaded loaded) {
        refused.setVisible(false);
        refused.setManaged(false);
        Cac t = loaded.total();
        tiles.getChildren().setAll(
                tile("costs.tile.cac", Columns.yuan(t.perCustomer()), "cacFigure"),
                tile("costs.tile.won", Formats.count(t.customersWon()), "cacWon"),
                tile("costs.tile.total", Formats.money(t.total()), "cacTotal"),
                tile("costs.tile.measured", percent(t.measuredShare()), "cacMeasured"));
        byChannel.getItems().setAll(loaded.channels());
        // Newest month first, as a manager reads a trend backwards from now.
        List<Cac> months = new java.util.ArrayList<>(loaded.months());
        java.util.Collections.reverse(months);
        byMonth.getItems().setAll(months);
        // The service ranks them, most costly first.
        byCustomer.getItems().setAll(loaded.customers());
        UUID shown = entries.customerId();
        byCustomer.getItems().stream().filter(c -> c.customerId().equals(shown)).findFirst().ifPresent(c -> {
            byCustomer.getSelectionModel().select(c);
            byCustomer.scrollTo(c);
        });
        entries.reload();
    }

    /** Opens the cost form on the customer whose entries are shown, if any. */
    private void recordCost() {
        CostFormDialog.open(context, entries.customerId(), channels(), this::recorded);
    }

    /** A cost was recorded: its customer's entries are shown and the figures read again. */
    private void recorded(CostFormDialog.Recorded recorded) {
        entries.show(recorded.entry().customerId(), recorded.customerName());
        refresh();
    }

    /** Channels already in use, offered in the cost form: this period's and the shown customer's. */
    private List<String> channels() {
        Set<String> known = new TreeSet<>(entries.channels());
        byChannel.getItems().stream().map(Cac::group).filter(Objects::nonNull).forEach(known::add);
        return List.copyOf(known);
    }

    private static Node tile(String key, String value, String id) {
        Label title = new Label(I18n.get(key));
        title.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label figure = new Label(value);
        figure.setId(id);
        figure.getStyleClass().add(Styles.TITLE_3);
        VBox box = new VBox(2, title, figure);
        box.getStyleClass().add("ageing-tile");
        box.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }
}
