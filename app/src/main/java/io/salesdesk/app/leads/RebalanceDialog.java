package io.salesdesk.app.leads;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.dispatch.rebalance.RebalancePlan;

/**
 * The re-balance proposal as a before/after table per rep — load index before, leads it adds,
 * load index after — with the spread of loads before and after; the manager accepts or rejects.
 */
final class RebalanceDialog extends Dialog<ButtonType> {

    static final ButtonType ACCEPT = new ButtonType(I18n.get("leads.rebalance.accept"), ButtonBar.ButtonData.OK_DONE);

    RebalanceDialog(RebalancePlan plan) {
        setTitle(I18n.get("leads.rebalance"));
        setHeaderText(I18n.get("leads.rebalance.header", plan.placements().size()));
        Label spread = new Label(I18n.get("leads.rebalance.spread", format(plan.stdevBefore(), "%.3f"),
                format(plan.stdevAfter(), "%.3f"), plan.placed(), plan.regionMatched())
                + (plan.unplaced() == 0 ? "" : I18n.get("leads.rebalance.unplaced", plan.unplaced())));
        spread.setId("rebalanceSpread");
        spread.setWrapText(true);
        TableView<RebalancePlan.RepLoad> table = new TableView<>();
        table.setId("rebalanceTable");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().setAll(List.of(
                column("leads.rebalance.col.rep", r -> r.name()
                        + (r.available() ? "" : I18n.get("leads.rebalance.unavailable"))),
                column("leads.rebalance.col.before", r -> format(r.before(), "%.2f")),
                column("leads.rebalance.col.added", r -> r.leadsAdded() == 0 ? "—" : "+" + r.leadsAdded()),
                column("leads.rebalance.col.after", r -> format(r.after(), "%.2f"))));
        table.getItems().setAll(plan.loads().stream()
                .sorted(Comparator.comparingInt(RebalancePlan.RepLoad::leadsAdded).reversed()).toList());
        table.setPrefSize(560, 360);
        VBox content = new VBox(10, spread, table);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ACCEPT, new ButtonType(I18n.get("leads.rebalance.reject"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        getDialogPane().lookupButton(ACCEPT).setDisable(plan.placed() == 0);
        Stylesheets.addTo(getDialogPane());
    }

    private static String format(double value, String pattern) {
        return String.format(Locale.ROOT, pattern, value);
    }

    private static TableColumn<RebalancePlan.RepLoad, String> column(String key,
                                                                     Function<RebalancePlan.RepLoad, String> value) {
        TableColumn<RebalancePlan.RepLoad, String> column = new TableColumn<>(I18n.get(key));
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        column.setSortable(false);
        return column;
    }
}
