package io.salesdesk.app.commerce;

import java.math.BigDecimal;
import java.util.function.Function;

import atlantafx.base.theme.Tweaks;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

import io.salesdesk.app.common.I18n;

/** The columns the commerce tables are made of: text, amounts in yuan (right-aligned), and nodes. */
final class Columns {

    private Columns() {
    }

    static <R> TableColumn<R, String> text(String key, Function<R, String> value, double width) {
        TableColumn<R, String> column = new TableColumn<>(I18n.get(key));
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** Exact yuan with thousands separators and fen, as finance reads them; sorts by amount. */
    static <R> TableColumn<R, BigDecimal> money(String key, Function<R, BigDecimal> value, double width) {
        TableColumn<R, BigDecimal> column = new TableColumn<>(I18n.get(key));
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(BigDecimal item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : yuan(item));
            }
        });
        column.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        column.setPrefWidth(width);
        return column;
    }

    /** Rounded as a sales team reads it ("¥86.5万"), for narrow summary tables; sorts by amount. */
    static <R> TableColumn<R, BigDecimal> moneyShort(String key, Function<R, BigDecimal> value, double width) {
        TableColumn<R, BigDecimal> column = money(key, value, width);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(BigDecimal item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : io.salesdesk.app.common.Formats.money(item));
            }
        });
        return column;
    }

    static <R> TableColumn<R, R> node(String key, Function<R, Node> graphic, double width) {
        TableColumn<R, R> column = new TableColumn<>(key == null ? "" : I18n.get(key));
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(R item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : graphic.apply(item));
            }
        });
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    /** "¥1,234,567.89": finance's exact figure, unlike the rounded 万 of sales views. */
    static String yuan(BigDecimal amount) {
        return amount == null ? "" : "¥" + new java.text.DecimalFormat("#,##0.00").format(amount);
    }
}
