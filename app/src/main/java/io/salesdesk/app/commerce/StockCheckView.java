package io.salesdesk.app.commerce;

import java.math.BigDecimal;
import java.util.List;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.commerce.stock.LineCheck;
import io.salesdesk.commerce.stock.StockCheck;
import io.salesdesk.commerce.stock.SubstituteOption;

/**
 * 库存检查: per planned SKU whether the warehouses serving the customer's region can deliver it, and
 * for one that is short the ranked substitutes with their stock and when more arrives — what a rep
 * needs to offer something that is there instead of promising what is not.
 */
public final class StockCheckView extends VBox {

    private final Label verdict = new Label();
    private final VBox lines = new VBox(6);

    public StockCheckView() {
        super(8);
        setId("stockCheck");
        getStyleClass().add("stock-check");
        verdict.setId("stockVerdict");
        verdict.setWrapText(true);
        verdict.getStyleClass().add("stock-verdict");
        lines.setId("stockLines");
        getChildren().addAll(verdict, lines);
        clear();
    }

    /** Shows nothing: no products planned yet. */
    public void clear() {
        show(null);
    }

    /** Shows a check: the verdict on top, then one row per SKU. */
    public void show(StockCheck check) {
        lines.getChildren().clear();
        verdict.getStyleClass().removeAll("stock-ok", "stock-short");
        boolean empty = check == null || check.lines().isEmpty();
        setVisible(!empty);
        setManaged(!empty);
        if (empty) {
            return;
        }
        List<LineCheck> shortLines = check.shortLines();
        if (shortLines.isEmpty()) {
            verdict.setText(I18n.get("stock.verdict.ok", check.lines().size()));
            verdict.setGraphic(new FontIcon(Feather.CHECK_CIRCLE));
            verdict.getStyleClass().add("stock-ok");
        } else {
            verdict.setText(I18n.get("stock.verdict.short", shortLines.size(), check.lines().size()));
            verdict.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
            verdict.getStyleClass().add("stock-short");
        }
        for (LineCheck line : check.lines()) {
            lines.getChildren().add(row(line));
        }
    }

    private static VBox row(LineCheck line) {
        Label name = new Label(I18n.get("stock.line.name", line.name(), line.sku(), quantity(line.quantity())));
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label status = new Label(line.isShort()
                ? I18n.get("stock.line.short", quantity(line.shortage()), quantity(line.available()))
                : I18n.get("stock.line.available", quantity(line.available())));
        status.getStyleClass().addAll("lead-chip", line.isShort() ? "stock-chip-short" : "stock-chip-ok");
        status.setId("stockStatus-" + line.sku());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, name, spacer, status);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(3, head);
        if (line.isShort() && line.earliestEta() != null && line.inbound().signum() > 0) {
            box.getChildren().add(muted(I18n.get("stock.line.inbound", quantity(line.inbound()),
                    Formats.date(line.earliestEta()))));
        } else if (line.isShort()) {
            box.getChildren().add(muted(I18n.get("stock.line.noInbound")));
        }
        if (line.isShort()) {
            if (line.substitutes().isEmpty()) {
                box.getChildren().add(muted(I18n.get("stock.line.noSubstitute")));
            }
            for (SubstituteOption option : line.substitutes()) {
                Label substitute = new Label(substituteText(option), new FontIcon(Feather.REPEAT));
                substitute.setId("stockSubstitute-" + line.sku() + "-" + option.sku());
                substitute.getStyleClass().addAll(Styles.TEXT_SMALL, option.covers() ? Styles.SUCCESS : Styles.TEXT_MUTED);
                substitute.setWrapText(true);
                box.getChildren().add(substitute);
            }
        }
        box.getStyleClass().add("stock-line");
        return box;
    }

    /** "替代 1：迈瑞 iMEC10（MR-iMEC10）可用 30，足够" or "… 可用 4，12月5日 再到 20". */
    static String substituteText(SubstituteOption o) {
        String stock = o.covers() ? I18n.get("stock.substitute.covers", quantity(o.available()))
                : o.earliestEta() != null && o.inbound().signum() > 0
                        ? I18n.get("stock.substitute.partialEta", quantity(o.available()), Formats.date(o.earliestEta()),
                                quantity(o.inbound()))
                        : I18n.get("stock.substitute.partial", quantity(o.available()));
        return I18n.get("stock.substitute", o.rank(), o.name(), o.sku(), stock);
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        label.setWrapText(true);
        return label;
    }

    /** A quantity without trailing zeros: 3, 2.5. */
    static String quantity(BigDecimal q) {
        return q == null ? "0" : q.stripTrailingZeros().toPlainString();
    }
}
