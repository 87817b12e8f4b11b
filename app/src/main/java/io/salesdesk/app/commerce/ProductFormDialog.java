package io.salesdesk.app.commerce;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import atlantafx.base.theme.Styles;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FieldMergeDialog;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.product.ProductDraft;
import io.salesdesk.commerce.product.ProductService;
import io.salesdesk.core.FieldMerge;
import io.salesdesk.core.StaleRecordException;

/**
 * 新建 / 编辑产品: SKU, name, category (one of those in use, or a new one), unit, list and cost price,
 * with the margin the two prices give. The product service checks it and names the refused fields.
 */
final class ProductFormDialog extends FormDialog<Product> {

    private final AppContext context;
    private final Product existing;
    /** The version the edit is saved on: the product opened, or theirs once a stale save was merged. */
    private Product base;
    private final TextField sku = new TextField();
    private final TextField name = new TextField();
    private final ComboBox<String> category = new ComboBox<>();
    private final TextField unit = new TextField();
    private final TextField listPrice = new TextField();
    private final TextField costPrice = new TextField();
    private final Label margin = new Label();

    private ProductFormDialog(AppContext context, Product existing) {
        super(I18n.get(existing == null ? "products.new.title" : "products.edit.title"), "productSave");
        this.context = context;
        this.existing = existing;
        this.base = existing;
        sku.setId("productSku");
        name.setId("productName");
        category.setId("productCategory");
        category.setEditable(true);
        category.setMaxWidth(Double.MAX_VALUE);
        category.getItems().setAll(context.products().categories());
        category.setPromptText(I18n.get("products.category.prompt"));
        unit.setId("productUnit");
        unit.setPromptText(ProductService.DEFAULT_UNIT);
        listPrice.setId("productListPrice");
        costPrice.setId("productCostPrice");
        margin.setId("productMargin");
        margin.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        listPrice.textProperty().addListener((obs, was, now) -> showMargin());
        costPrice.textProperty().addListener((obs, was, now) -> showMargin());
        if (existing != null) {
            show(existing.toDraft());
        }
        GridPane grid = grid();
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        grid.add(field("sku", I18n.get("products.form.sku"), sku), 0, 0);
        grid.add(field("unit", I18n.get("products.form.unit"), unit), 1, 0);
        grid.add(field("name", I18n.get("products.form.name"), name), 0, 1, 2, 1);
        grid.add(field("category", I18n.get("products.form.category"), category), 0, 2, 2, 1);
        grid.add(field("listPrice", I18n.get("products.form.listPrice"), listPrice), 0, 3);
        grid.add(field("costPrice", I18n.get("products.form.costPrice"), costPrice), 1, 3);
        grid.add(margin, 0, 4, 2, 1);
        grid.setPrefWidth(480);
        setForm(grid);
        showMargin();
        setOnShown(e -> (existing == null ? sku : name).requestFocus());
    }

    static ProductFormDialog create(AppContext context) {
        return new ProductFormDialog(context, null);
    }

    static ProductFormDialog edit(AppContext context, Product product) {
        return new ProductFormDialog(context, product);
    }

    private void showMargin() {
        BigDecimal list = Amounts.parse(listPrice.getText());
        BigDecimal cost = Amounts.parse(costPrice.getText());
        margin.setText(list == null || cost == null || list.signum() == 0 ? I18n.get("products.form.marginUnknown")
                : I18n.get("products.form.margin", Figures.percent(Figures.marginPct(list, cost)),
                        Columns.yuan(list.subtract(cost))));
    }

    private void show(ProductDraft d) {
        sku.setText(d.sku());
        name.setText(d.name());
        category.getEditor().setText(d.category());
        category.setValue(d.category());
        unit.setText(d.unit());
        listPrice.setText(d.listPrice() == null ? "" : d.listPrice().toPlainString());
        costPrice.setText(d.costPrice() == null ? "" : d.costPrice().toPlainString());
    }

    @Override
    protected void save() {
        // A price that is not a number reaches the service as missing; the service names the field.
        ProductDraft draft = new ProductDraft(text(sku), text(name), category.getEditor().getText(), text(unit),
                Amounts.parse(listPrice.getText()), Amounts.parse(costPrice.getText()));
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> existing == null ? context.products().create(actor, draft)
                        : context.products().update(actor, existing.id(), base.version(), draft))
                .onSuccess(this::finish)
                .onFailure(error -> {
                    if (error instanceof StaleRecordException stale && existing != null) {
                        resolveConflict(stale, draft);
                    } else {
                        showFailure(error);
                    }
                })
                .executeWith(context.executor());
    }

    /**
     * Someone saved the product since the edit started: the user merges field by field and the merge
     * is saved on their version (coming back with newer values if someone saved again meanwhile).
     */
    private void resolveConflict(StaleRecordException stale, ProductDraft mine) {
        if (!(stale.current() instanceof Product theirs)) {
            showGeneralProblem(I18n.get("merge.deleted", existing.name()));
            return;
        }
        BackgroundTask.wrap(() -> context.products().history(theirs.id()))
                .onSuccess(history -> {
                    FieldMerge merge = FieldMerge.of(ProductVersions.fields(base.toDraft()),
                            ProductVersions.fields(mine), ProductVersions.fields(theirs.toDraft()));
                    Optional<Map<String, String>> merged = new FieldMergeDialog(theirs.name(), merge,
                            ProductVersions.mergeFields(context).words(history)).merged();
                    if (merged.isEmpty()) {
                        close();
                        return;
                    }
                    base = theirs;
                    // The form shows what is saved, so a save refused for another reason is retried on the merge.
                    show(ProductVersions.draft(merged.get()));
                    save();
                })
                .onFailure(this::showFailure)
                .executeWith(context.executor());
    }
}
