package io.salesdesk.app.commerce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

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
    private final TableView<Cac> byChannel = cacTable("cacByChannel", "costs.col.channel", Cac::group);
    // A month's row names its period by its first day.
    private final TableView<Cac> byMonth = cacTable("cacByMonth", "costs.col.month",
            c -> YearMonth.from(c.from()).toString());
    private final TableView<CustomerCac> byCustomer = new TableView<>();
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
        HBox filters = new HBox(8, period, from, new Label("—"), to);
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

        HBox groups = new HBox(16, titled("costs.byChannel", byChannel), titled("costs.byMonth", byMonth));
        groups.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        VBox body = new VBox(14, tiles, refused, groups, titled("costs.byCustomer", byCustomer));
        VBox.setVgrow(body.getChildren().get(3), Priority.ALWAYS);
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
                        context.costs().cacByCustomer(viewer, first, last)))
                .onSuccess(this::show)
                .onFailure(error -> {
                    if (error instanceof SalesDeskException) {
                        refused.setText(I18n.message(error));
                        refused.setVisible(true);
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
        byCustomer.getItems().setAll(loaded.customers().stream()
                .sorted(Comparator.comparing(CustomerCac::total).reversed()).limit(CUSTOMER_ROWS).toList());
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
