package io.salesdesk.app.commerce;

import java.math.BigDecimal;
import java.util.function.Function;

import atlantafx.base.theme.Tweaks;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

import io.salesdesk.app.common.I18n;
import io.salesdesk.commerce.stock.StockService;

/** Quantities and percentages of the product and quote tables: right-aligned, sorting by value. */
final class Figures {

    private Figures() {
    }

    /** "23.5%", or "—" when there is no figure (a product priced at zero has no margin). */
    static String percent(BigDecimal pct) {
        return pct == null ? "—" : pct.stripTrailingZeros().toPlainString() + "%";
    }

    /** A quantity as people write it: 5, 2.5. */
    static String quantity(BigDecimal quantity) {
        return quantity == null ? "" : StockService.plain(quantity);
    }

    /** Margin of a price over a cost in percent of the price, 2 places; null for a price of zero. */
    static BigDecimal marginPct(BigDecimal price, BigDecimal cost) {
        return io.salesdesk.commerce.quote.QuoteMath.marginPct(price, cost);
    }

    static <R> TableColumn<R, BigDecimal> percentColumn(String key, Function<R, BigDecimal> value, double width) {
        return column(key, value, width, Figures::percent);
    }

    static <R> TableColumn<R, BigDecimal> quantityColumn(String key, Function<R, BigDecimal> value, double width) {
        return column(key, value, width, Figures::quantity);
    }

    private static <R> TableColumn<R, BigDecimal> column(String key, Function<R, BigDecimal> value, double width,
                                                         Function<BigDecimal, String> text) {
        TableColumn<R, BigDecimal> column = new TableColumn<>(I18n.get(key));
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(BigDecimal item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : text.apply(item));
            }
        });
        column.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        column.setPrefWidth(width);
        return column;
    }
}
