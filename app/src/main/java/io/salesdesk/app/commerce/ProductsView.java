package io.salesdesk.app.commerce;

import java.util.List;
import java.util.UUID;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import atlantafx.base.controls.CustomTextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.commerce.product.Product;

/**
 * 产品与库存: the catalogue searched by SKU or name and filtered by category, with margins; beside it
 * the product selected — stock per warehouse, ranked substitutes and what may be done to it — and
 * under both the order freezes holding now.
 */
final class ProductsView extends BorderPane implements CommerceTab {

    private final AppContext context;
    private final TableView<Product> table = new TableView<>();
    private final CustomTextField search = new CustomTextField();
    private final ComboBox<String> category = Pickers.optional(FXCollections.observableArrayList(),
            c -> c, I18n.get("products.allCategories"));
    private final CheckBox inactive = new CheckBox(I18n.get("products.showInactive"));
    private final Label count = new Label();
    private final ProductDetailPane detail;
    private final FreezesPane freezes;
    private final PauseTransition typing = new PauseTransition(Duration.millis(250));

    ProductsView(AppContext context) {
        this.context = context;
        setId("productsView");
        detail = new ProductDetailPane(context, this::productChanged);
        freezes = new FreezesPane(context);
        createTable();
        SplitPane split = new SplitPane(table, detail);
        split.setDividerPositions(0.62);
        SplitPane.setResizableWithParent(detail, false);
        SplitPane page = new SplitPane(split, freezes);
        page.setOrientation(Orientation.VERTICAL);
        page.setDividerPositions(0.72);
        page.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        setTop(createFilters());
        setCenter(page);
        BorderPane.setMargin(page, new Insets(10, 0, 0, 0));
    }

    private HBox createFilters() {
        search.setId("productSearch");
        search.setPromptText(I18n.get("products.search"));
        search.setPrefWidth(240);
        search.setLeft(new FontIcon(Feather.SEARCH));
        typing.setOnFinished(e -> refresh());
        search.textProperty().addListener((obs, was, now) -> typing.playFromStart());
        category.setId("productCategoryFilter");
        category.valueProperty().addListener((obs, was, now) -> refresh());
        inactive.setId("productShowInactive");
        inactive.selectedProperty().addListener((obs, was, now) -> refresh());
        count.getStyleClass().add(Styles.TEXT_MUTED);
        Button create = new Button(I18n.get("products.new"), new FontIcon(Feather.PLUS));
        create.setId("productNew");
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(e -> ProductFormDialog.create(context).showAndWait().ifPresent(this::productChanged));
        Button warehouses = new Button(I18n.get("warehouses.open"), new FontIcon(Feather.BOX));
        warehouses.setId("productWarehouses");
        warehouses.setOnAction(e -> openWarehouses());
        warehouses.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox filters = new HBox(8, search, category, inactive, count, spacer, warehouses, create);
        filters.setAlignment(Pos.CENTER_LEFT);
        // A branch replica shows the head office's catalogue but offers no way to change it.
        BackgroundTask.wrap(() -> context.products().editedHere()).onSuccess(here -> {
            if (!here) {
                Label note = ProductDetailPane.atHeadOffice("productsAtHeadOffice");
                filters.getChildren().set(filters.getChildren().indexOf(create), note);
            }
        }).executeWith(context.executor());
        return filters;
    }

    /** A warehouse made, renamed or stopped changes the stock rows shown: show them again. */
    private void openWarehouses() {
        WarehousesDialog dialog = new WarehousesDialog(context);
        dialog.showAndWait();
        if (dialog.changed()) {
            refresh();
        }
    }

    private void createTable() {
        table.setId("productTable");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                Columns.<Product>text("products.col.sku", Product::sku, 90),
                Columns.<Product>text("products.col.name", Product::name, 150),
                Columns.<Product>text("products.col.category", Product::category, 72),
                Columns.<Product>text("products.col.unit", Product::unit, 40),
                Columns.money("products.col.listPrice", Product::listPrice, 108),
                Columns.money("products.col.costPrice", Product::costPrice, 108),
                Figures.percentColumn("products.col.margin", p -> Figures.marginPct(p.listPrice(), p.costPrice()), 64),
                Columns.node("products.col.active", ProductDetailPane::activeChip, 66)));
        // Prices stay readable when the window is narrow; the name gives way first.
        table.getColumns().get(4).setMinWidth(100);
        table.getColumns().get(5).setMinWidth(100);
        table.getColumns().get(7).setMinWidth(62);
        table.setPlaceholder(new Label(I18n.get("products.empty")));
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> detail.show(now));
    }

    @Override
    public void refresh() {
        load(detail.current() == null ? null : detail.current().id());
        freezes.refresh();
    }

    private void load(UUID keep) {
        String text = search.getText();
        String wanted = category.getValue();
        boolean activeOnly = !inactive.isSelected();
        BackgroundTask.wrap(() -> new Loaded(context.products().list(text, wanted, activeOnly),
                        context.products().categories()))
                .onSuccess(loaded -> {
                    List<String> known = Pickers.withNone(loaded.categories());
                    if (!category.getItems().equals(known)) {
                        String chosen = category.getValue();
                        category.getItems().setAll(known);
                        category.setValue(chosen);
                    }
                    table.getItems().setAll(loaded.products());
                    count.setText(I18n.get("products.count", loaded.products().size()));
                    loaded.products().stream().filter(p -> p.id().equals(keep)).findFirst()
                            .ifPresentOrElse(p -> {
                                table.getSelectionModel().select(p);
                                table.scrollTo(p);
                                detail.show(p);
                            }, () -> {
                                if (!loaded.products().isEmpty()) {
                                    table.getSelectionModel().select(0);
                                } else {
                                    detail.show(null);
                                }
                            });
                })
                .executeWith(context.executor());
    }

    private record Loaded(List<Product> products, List<String> categories) {
    }

    /** A product was made or changed: list again and keep it selected. */
    private void productChanged(Product changed) {
        load(changed.id());
    }
}
