package io.salesdesk.app.commerce;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.quote.QuoteLine;
import io.salesdesk.commerce.quote.QuoteLineDraft;

/**
 * The lines of a quote as the form edits them: product, quantity, unit price (the list price until
 * changed) and discount %, each line's net as the last preview priced it, and a line to add.
 * Every change calls {@code onChange}, which prices the quote again.
 */
final class QuoteLinesEditor extends VBox {

    private final List<Product> products;
    private final Runnable onChange;
    private final GridPane grid = new GridPane();
    private final List<Line> lines = new ArrayList<>();

    /** One editable line. */
    private final class Line {
        final ComboBox<Product> product = Pickers.of(products, p -> p.sku() + "  " + p.name(),
                I18n.get("quotes.form.product.prompt"));
        final TextField quantity = new TextField("1");
        final TextField unitPrice = new TextField();
        final TextField discount = new TextField("0");
        final Label net = new Label();
        final Button remove = new Button(null, new FontIcon(Feather.X));

        Line() {
            product.setPrefWidth(250);
            product.setMaxWidth(Double.MAX_VALUE);
            quantity.setPrefColumnCount(4);
            unitPrice.setPrefColumnCount(8);
            discount.setPrefColumnCount(4);
            net.setMinWidth(110);
            net.setAlignment(Pos.CENTER_RIGHT);
            net.getStyleClass().add(Styles.TEXT_BOLD);
            remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
            product.valueProperty().addListener((obs, was, now) -> {
                // A new product starts at its list price.
                if (now != null) {
                    unitPrice.setText(now.listPrice().toPlainString());
                }
                onChange.run();
            });
            quantity.textProperty().addListener((obs, was, now) -> onChange.run());
            unitPrice.textProperty().addListener((obs, was, now) -> onChange.run());
            discount.textProperty().addListener((obs, was, now) -> onChange.run());
            remove.setOnAction(e -> {
                lines.remove(this);
                layoutLines();
                onChange.run();
            });
        }
    }

    QuoteLinesEditor(List<Product> products, Runnable onChange) {
        super(8);
        this.products = products;
        this.onChange = onChange;
        setId("quoteLinesEditor");
        grid.setHgap(8);
        grid.setVgap(6);
        Button add = new Button(I18n.get("quotes.form.addLine"), new FontIcon(Feather.PLUS));
        add.setId("quoteAddLine");
        add.getStyleClass().add(Styles.FLAT);
        add.setOnAction(e -> {
            lines.add(new Line());
            layoutLines();
            lines.get(lines.size() - 1).product.requestFocus();
            onChange.run();
        });
        getChildren().addAll(grid, add);
    }

    /** Starts from the quote's lines, or from one empty line. */
    void setLines(List<QuoteLine> existing) {
        lines.clear();
        for (QuoteLine l : existing) {
            Line line = new Line();
            products.stream().filter(p -> p.id().equals(l.productId())).findFirst()
                    .ifPresent(line.product::setValue);
            line.quantity.setText(Figures.quantity(l.quantity()));
            line.unitPrice.setText(l.unitPrice().toPlainString());
            line.discount.setText(l.discountPct().stripTrailingZeros().toPlainString());
            lines.add(line);
        }
        if (lines.isEmpty()) {
            lines.add(new Line());
        }
        layoutLines();
    }

    /** Shows these lines (a merge of two versions, for example); a product no longer on sale stays unchosen. */
    void setDrafts(List<QuoteLineDraft> drafts) {
        lines.clear();
        for (QuoteLineDraft d : drafts) {
            Line line = new Line();
            products.stream().filter(p -> p.id().equals(d.productId())).findFirst().ifPresent(line.product::setValue);
            line.quantity.setText(d.quantity() == null ? "" : Figures.quantity(d.quantity()));
            if (d.unitPrice() != null) {
                line.unitPrice.setText(d.unitPrice().toPlainString());
            }
            line.discount.setText(d.discountPct() == null ? "0" : d.discountPct().stripTrailingZeros().toPlainString());
            lines.add(line);
        }
        if (lines.isEmpty()) {
            lines.add(new Line());
        }
        layoutLines();
    }

    private void layoutLines() {
        grid.getChildren().clear();
        String[] heads = {"quotes.line.product", "quotes.line.qty", "quotes.line.unitPrice", "quotes.line.discount",
            "quotes.line.net"};
        for (int c = 0; c < heads.length; c++) {
            Label head = new Label(I18n.get(heads[c]));
            head.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            grid.add(head, c, 0);
        }
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            l.product.setId("quoteLineProduct-" + i);
            l.quantity.setId("quoteLineQty-" + i);
            l.unitPrice.setId("quoteLinePrice-" + i);
            l.discount.setId("quoteLineDiscount-" + i);
            l.net.setId("quoteLineNet-" + i);
            l.remove.setId("quoteLineRemove-" + i);
            grid.addRow(i + 1, l.product, l.quantity, l.unitPrice, l.discount, l.net, l.remove);
        }
    }

    /**
     * The lines as drafts: with {@code complete} only the lines with a product and a quantity (the
     * live preview), otherwise all, so the service names what is missing.
     */
    List<QuoteLineDraft> drafts(boolean complete) {
        List<QuoteLineDraft> drafts = new ArrayList<>();
        for (Line l : lines) {
            BigDecimal qty = Amounts.parse(l.quantity.getText());
            if (complete && (l.product.getValue() == null || qty == null)) {
                continue;
            }
            BigDecimal discount = Amounts.parse(l.discount.getText().replace("%", "").replace("％", ""));
            drafts.add(new QuoteLineDraft(l.product.getValue() == null ? null : l.product.getValue().id(), qty,
                    Amounts.parse(l.unitPrice.getText()), discount));
        }
        return drafts;
    }

    /** Whether a price or discount was typed that is not a number (it would silently become the default). */
    boolean hasUnreadableNumbers() {
        for (Line l : lines) {
            if (unreadable(l.unitPrice.getText()) || unreadable(l.discount.getText().replace("%", "").replace("％", ""))
                    || unreadable(l.quantity.getText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean unreadable(String text) {
        return text != null && !text.isBlank() && Amounts.parse(text) == null;
    }

    /** Shows each complete line's net as priced; clears the others. */
    void showNets(List<QuoteLine> priced) {
        int next = 0;
        for (Line l : lines) {
            boolean complete = l.product.getValue() != null && Amounts.parse(l.quantity.getText()) != null;
            if (complete && next < priced.size()) {
                l.net.setText(Columns.yuan(priced.get(next++).netAmount()));
            } else {
                l.net.setText("");
            }
        }
    }
}
