package io.salesdesk.app.commerce;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.controlsfx.control.SearchableComboBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.common.I18n;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.stock.OpportunityLine;

/**
 * 产品明细: the products a deal plans to sell, one row each — a product found by typing part of its
 * SKU or name, and how many — so stock can be checked while the form is being filled in.
 */
public final class ProductLinesEditor extends VBox {

    private final List<Product> catalogue;
    private final VBox rows = new VBox(6);
    private final List<Row> lines = new ArrayList<>();
    private Runnable onChange = () -> { };

    private record Row(HBox box, SearchableComboBox<Product> product, TextField quantity) {
    }

    public ProductLinesEditor(List<Product> catalogue) {
        super(6);
        this.catalogue = List.copyOf(catalogue);
        setId("productLines");
        Button add = new Button(I18n.get("productLines.add"), new FontIcon(Feather.PLUS));
        add.setId("productLinesAdd");
        add.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        add.setOnAction(e -> addRow(null, null));
        add.setDisable(catalogue.isEmpty());
        getChildren().addAll(rows, add);
        if (catalogue.isEmpty()) {
            Label none = new Label(I18n.get("productLines.noCatalogue"));
            none.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            getChildren().add(none);
        }
    }

    /** Called whenever a product or quantity changes, a row is added or one removed. */
    public void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** Shows saved lines (an opportunity being edited). */
    public void setLines(List<OpportunityLine> saved) {
        lines.clear();
        rows.getChildren().clear();
        for (OpportunityLine line : saved) {
            Product product = catalogue.stream().filter(p -> p.id().equals(line.productId())).findFirst().orElse(null);
            addRow(product, line.quantity());
        }
    }

    /**
     * The lines as entered; a row without a product is left out, a quantity that is not a number
     * goes through as zero so the service names the line.
     */
    public List<OpportunityLine.Draft> drafts() {
        List<OpportunityLine.Draft> drafts = new ArrayList<>();
        for (Row row : lines) {
            if (row.product().getValue() != null) {
                BigDecimal quantity = Amounts.parse(row.quantity().getText());
                drafts.add(new OpportunityLine.Draft(row.product().getValue().id(),
                        quantity == null ? BigDecimal.ZERO : quantity));
            }
        }
        return drafts;
    }

    private void addRow(Product product, BigDecimal quantity) {
        SearchableComboBox<Product> picker = new SearchableComboBox<>();
        picker.getItems().setAll(catalogue);
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(Product p) {
                return p == null ? "" : p.sku() + " · " + p.name();
            }

            @Override
            public Product fromString(String text) {
                return catalogue.stream().filter(p -> toString(p).equals(text)).findFirst().orElse(null);
            }
        });
        picker.setPromptText(I18n.get("productLines.product.prompt"));
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.setValue(product);
        HBox.setHgrow(picker, Priority.ALWAYS);
        TextField amount = new TextField(quantity == null ? "1" : quantity.stripTrailingZeros().toPlainString());
        amount.setPrefColumnCount(5);
        Label unit = new Label(product == null ? "" : product.unit());
        unit.setMinWidth(24);
        Button remove = new Button(null, new FontIcon(Feather.X));
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        HBox box = new HBox(6, picker, amount, unit, remove);
        box.setAlignment(Pos.CENTER_LEFT);
        int index = lines.size();
        picker.setId("productLine-" + index);
        amount.setId("productLineQty-" + index);
        Row row = new Row(box, picker, amount);
        picker.valueProperty().addListener((obs, was, now) -> {
            unit.setText(now == null ? "" : now.unit());
            onChange.run();
        });
        amount.textProperty().addListener((obs, was, now) -> onChange.run());
        remove.setOnAction(e -> {
            lines.remove(row);
            rows.getChildren().remove(box);
            onChange.run();
        });
        lines.add(row);
        rows.getChildren().add(box);
        onChange.run();
    }
}
