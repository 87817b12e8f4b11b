package io.salesdesk.app.commerce;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.sync.SyncStatusText;
import io.salesdesk.commerce.Managers;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.stock.StockLevel;
import io.salesdesk.commerce.stock.Warehouse;
import io.salesdesk.sync.ReplicaStatus;

/**
 * One product: prices and margin, its stock in each warehouse (a row with nothing left to promise
 * stands out), its substitutes best first with what they have, and the actions the services allow
 * the user — edit, (de)activate, rank the substitutes, and for managers receive, adjust and set
 * inbound stock.
 */
final class ProductDetailPane extends StackPane {

    private final AppContext context;
    private final Consumer<Product> changed;
    private final VBox body = new VBox(14);
    private final Label placeholder = new Label(I18n.get("products.pick"));
    private final TableView<StockRow> stock = new TableView<>();
    private Product current;

    /** A stock level with its warehouse's name, as the table shows it. */
    record StockRow(StockLevel level, String warehouse) {
        boolean short_() {
            return level.available().signum() <= 0;
        }
    }

    /** A substitute with its stock over all warehouses. */
    private record Substitute(int rank, Product product, BigDecimal available, BigDecimal inbound) {
    }

    private record Loaded(List<StockRow> stock, List<Substitute> substitutes, List<Warehouse> warehouses,
                          boolean editedHere, Optional<ReplicaStatus> replica) {
    }

    ProductDetailPane(AppContext context, Consumer<Product> changed) {
        this.context = context;
        this.changed = changed;
        setId("productDetail");
        body.setPadding(new Insets(4, 4, 4, 16));
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        createStockTable();
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        getChildren().addAll(placeholder, scroll);
        show(null);
    }

    private void createStockTable() {
        stock.setId("productStock");
        stock.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        stock.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        stock.setPrefHeight(170);
        stock.getColumns().setAll(List.of(
                Columns.<StockRow>text("inventory.col.warehouse", StockRow::warehouse, 120),
                Figures.<StockRow>quantityColumn("inventory.col.onHand", r -> r.level().onHand(), 55),
                Figures.<StockRow>quantityColumn("inventory.col.reserved", r -> r.level().reserved(), 55),
                Figures.<StockRow>quantityColumn("inventory.col.available", r -> r.level().available(), 55),
                Figures.<StockRow>quantityColumn("inventory.col.inbound", r -> r.level().inbound(), 55),
                Columns.<StockRow>text("inventory.col.eta", r -> r.level().inboundEta() == null ? ""
                        : Formats.date(r.level().inboundEta()), 85)));
        stock.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(StockRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("stock-row-short");
                if (!empty && item != null && item.short_()) {
                    getStyleClass().add("stock-row-short");
                }
            }
        });
        stock.setPlaceholder(new Label(I18n.get("inventory.none")));
    }

    Product current() {
        return current;
    }

    void show(Product product) {
        current = product;
        getChildren().get(1).setVisible(product != null);
        placeholder.setVisible(product == null);
        if (product == null) {
            return;
        }
        BackgroundTask.wrap(() -> load(product))
                .onSuccess(loaded -> {
                    if (current != null && current.id().equals(product.id())) {
                        fill(product, loaded);
                    }
                })
                .executeWith(context.executor());
    }

    private Loaded load(Product product) {
        List<Warehouse> warehouses = context.stock().warehouses();
        Map<UUID, Warehouse> byId = warehouses.stream().collect(Collectors.toMap(Warehouse::id, Function.identity()));
        List<StockRow> rows = context.stock().stockOf(product.id()).stream()
                .map(l -> new StockRow(l, byId.containsKey(l.warehouseId())
                        ? l.warehouseCode() + " " + byId.get(l.warehouseId()).name() : l.warehouseCode()))
                .toList();
        List<Substitute> substitutes = new ArrayList<>();
        List<Product> ranked = context.products().substitutes(product.id());
        for (int i = 0; i < ranked.size(); i++) {
            List<StockLevel> levels = context.stock().stockOf(ranked.get(i).id());
            substitutes.add(new Substitute(i + 1, ranked.get(i),
                    levels.stream().map(StockLevel::available).reduce(BigDecimal.ZERO, BigDecimal::add),
                    levels.stream().map(StockLevel::inbound).reduce(BigDecimal.ZERO, BigDecimal::add)));
        }
        return new Loaded(rows, substitutes, warehouses, context.products().editedHere(),
                ReplicaStatus.of(context.database()));
    }

    private void fill(Product p, Loaded loaded) {
        Label sku = new Label(p.sku());
        sku.setId("productDetailSku");
        sku.getStyleClass().add(Styles.TEXT_MUTED);
        Label title = new Label(p.name());
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        HBox head = new HBox(10, title, activeChip(p));
        head.setAlignment(Pos.CENTER_LEFT);

        GridPane facts = new GridPane();
        facts.setHgap(14);
        facts.setVgap(6);
        int row = 0;
        row = fact(facts, row, "products.detail.category", p.category() + " · " + I18n.get("products.detail.per", p.unit()));
        row = fact(facts, row, "products.detail.listPrice", Columns.yuan(p.listPrice()));
        row = fact(facts, row, "products.detail.costPrice", Columns.yuan(p.costPrice()));
        fact(facts, row, "products.detail.margin", Figures.percent(Figures.marginPct(p.listPrice(), p.costPrice())));

        stock.getItems().setAll(loaded.stock());
        stock.setFixedCellSize(28);
        stock.setPrefHeight(34 + 28 * Math.max(2, loaded.stock().size()) + 4);
        BigDecimal available = loaded.stock().stream().map(r -> r.level().available())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Label total = new Label(I18n.get("inventory.total", Figures.quantity(available), p.unit()));
        total.setId("productStockTotal");
        total.getStyleClass().add(available.signum() > 0 ? "stock-ok" : "stock-short");
        HBox stockHead = new HBox(10, section("products.detail.stock"), total);
        stockHead.setAlignment(Pos.BASELINE_LEFT);

        Button editSubstitutes = button("productEditSubstitutes", "substitutes.edit", Feather.LIST,
                () -> SubstitutesDialog.open(context, p, changed));
        editSubstitutes.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        HBox substitutesHead = loaded.editedHere()
                ? new HBox(10, section("products.detail.substitutes"), editSubstitutes)
                : new HBox(10, section("products.detail.substitutes"));
        substitutesHead.setAlignment(Pos.CENTER_LEFT);

        body.getChildren().setAll(sku, head, facts, actions(p, loaded.editedHere()), stockHead);
        loaded.replica().ifPresent(r -> body.getChildren().add(stockAsOf(r)));
        body.getChildren().addAll(stock, stockActions(p, loaded.warehouses(), loaded.replica().isEmpty()),
                substitutesHead, substitutes(loaded.substitutes(), p.unit()));
    }

    /** The one-line note a branch replica shows where the catalogue's edit actions would be. */
    static Label atHeadOffice(String id) {
        Label note = new Label(I18n.get("products.atHeadOffice"));
        note.setId(id);
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        note.setWrapText(true);
        return note;
    }

    static Label activeChip(Product p) {
        Label chip = new Label(I18n.get(p.active() ? "products.active" : "products.inactive"));
        chip.getStyleClass().addAll("lead-chip", p.active() ? "product-active" : "product-inactive");
        return chip;
    }

    /** Edit and retire; on a branch replica, whose catalogue is the head office's, a note instead. */
    private Node actions(Product p, boolean editedHere) {
        if (!editedHere) {
            return atHeadOffice("productDetailAtHeadOffice");
        }
        var actor = context.currentUser().asActor();
        Button edit = button("productEdit", "action.edit", Feather.EDIT_2, () ->
                ProductFormDialog.edit(context, p).showAndWait().ifPresent(changed));
        Button toggle = p.active()
                ? button("productDeactivate", "products.deactivate", Feather.ARCHIVE,
                        () -> run(() -> context.products().deactivate(actor, p.id(), p.version())))
                : button("productActivate", "products.activate", Feather.CHECK_CIRCLE,
                        () -> run(() -> context.products().activate(actor, p.id(), p.version())));
        return new FlowPane(8, 8, edit, toggle);
    }

    /**
     * On a branch replica: the stock shown is the head office's as of the last sync, so a rep does
     * not promise goods sold there since.
     */
    private Label stockAsOf(ReplicaStatus replica) {
        Label asOf = new Label(replica.lastSyncedAt() == null ? I18n.get("inventory.asOfNever")
                : I18n.get("inventory.asOfSync", SyncStatusText.when(replica.lastSyncedAt(),
                        context.clock().instant(), context.clock().getZone())));
        asOf.setId("productStockAsOf");
        asOf.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        asOf.setWrapText(true);
        return asOf;
    }

    /** Receive, adjust and inbound for the warehouse selected (or any): managers only, as the stock service says. */
    private Node stockActions(Product p, List<Warehouse> warehouses, boolean keptHere) {
        if (!keptHere) {
            Label note = new Label(I18n.get("inventory.atHeadOffice"));
            note.setId("stockAtHeadOffice");
            note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            note.setWrapText(true);
            return note;
        }
        if (!Managers.isManager(context.currentUser().asActor())) {
            Label note = new Label(I18n.get("inventory.managersOnly"));
            note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            return note;
        }
        Button receive = button("stockReceive", "inventory.receive", Feather.DOWNLOAD,
                () -> openStock(StockDialog.Mode.RECEIVE, p, warehouses));
        Button adjust = button("stockAdjust", "inventory.adjust", Feather.SLIDERS,
                () -> openStock(StockDialog.Mode.ADJUST, p, warehouses));
        Button inbound = button("stockInbound", "inventory.setInbound", Feather.TRUCK,
                () -> openStock(StockDialog.Mode.INBOUND, p, warehouses));
        return new FlowPane(8, 8, receive, adjust, inbound);
    }

    private void openStock(StockDialog.Mode mode, Product p, List<Warehouse> warehouses) {
        StockRow selected = stock.getSelectionModel().getSelectedItem();
        new StockDialog(context, mode, p, warehouses, selected == null ? null : selected.level())
                .showAndWait().ifPresent(level -> show(p));
    }

    private Node substitutes(List<Substitute> substitutes, String unit) {
        VBox list = new VBox(6);
        list.setId("productSubstitutes");
        for (Substitute s : substitutes) {
            Label rank = new Label(Integer.toString(s.rank()));
            rank.getStyleClass().add("substitute-rank");
            Label name = new Label(s.product().sku() + "  " + s.product().name());
            name.setWrapText(true);
            String have = s.inbound().signum() > 0
                    ? I18n.get("products.substitute.stockInbound", Figures.quantity(s.available()), unit,
                            Figures.quantity(s.inbound()))
                    : I18n.get("products.substitute.stock", Figures.quantity(s.available()), unit);
            Label stockText = new Label(have);
            stockText.getStyleClass().addAll(Styles.TEXT_SMALL,
                    s.available().signum() > 0 ? "stock-ok" : "stock-short");
            VBox text = new VBox(2, name, stockText);
            HBox line = new HBox(10, rank, text);
            line.setAlignment(Pos.CENTER_LEFT);
            line.getStyleClass().add("stock-line");
            list.getChildren().add(line);
        }
        if (substitutes.isEmpty()) {
            Label none = new Label(I18n.get("products.noSubstitutes"));
            none.getStyleClass().add(Styles.TEXT_MUTED);
            list.getChildren().add(none);
        }
        return list;
    }

    private static int fact(GridPane grid, int row, String key, String value) {
        Label label = new Label(I18n.get(key));
        label.getStyleClass().add(Styles.TEXT_MUTED);
        Label text = new Label(value == null ? "" : value);
        text.setWrapText(true);
        grid.addRow(row, label, text);
        return row + 1;
    }

    private static Label section(String key) {
        Label label = new Label(I18n.get(key));
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    private static Button button(String id, String key, Feather icon, Runnable action) {
        Button button = new Button(I18n.get(key), new FontIcon(icon));
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private void run(java.util.concurrent.Callable<Product> change) {
        BackgroundTask.wrap(change)
                .onSuccess(changed)
                .onFailure(ErrorDialogs::show)
                .executeWith(context.executor());
    }
}
