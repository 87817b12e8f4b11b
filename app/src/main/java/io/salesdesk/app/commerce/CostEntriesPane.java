package io.salesdesk.app.commerce;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.commerce.cost.CostEntry;
import io.salesdesk.commerce.cost.CostKind;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.crm.Opportunity;

/**
 * 成本明细: every cost of one customer — its own and its deals', of all four kinds — newest first,
 * each with a delete that asks first. The CAC figures count only acquisition and pre-sales of them,
 * so the pane lists more than the figure adds up.
 */
final class CostEntriesPane extends VBox {

    private final AppContext context;
    private final Runnable changed;
    private final Label title = new Label(I18n.get("costs.entries"));
    private final Label summary = new Label();
    private final Label problem = new Label();
    private final TableView<CostEntry> table = new TableView<>();
    private final Label pick = new Label(I18n.get("costs.entries.pick"));
    private final Label empty = new Label(I18n.get("costs.entries.empty"));
    private Map<UUID, String> deals = Map.of();
    private UUID customerId;
    private String customerName;

    /** @param changed called after an entry was deleted, so the figures are read again */
    CostEntriesPane(AppContext context, Runnable changed) {
        super(6);
        this.context = context;
        this.changed = changed;
        setId("costEntriesPane");
        setPadding(new javafx.geometry.Insets(0, 0, 0, 10));
        title.getStyleClass().add(Styles.TITLE_4);
        summary.setId("costEntriesSummary");
        summary.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        problem.setId("costEntriesProblem");
        problem.setWrapText(true);
        problem.setGraphic(new FontIcon(Feather.ALERT_CIRCLE));
        problem.getStyleClass().add("quote-problem");
        hideProblem();
        pick.setWrapText(true);
        empty.setWrapText(true);
        createTable();
        // The summary goes under the list, so the list's header lines up with the customers' beside it.
        getChildren().addAll(title, problem, table, summary);
        setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        show(null, null);
    }

    private void createTable() {
        table.setId("costEntries");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().setAll(List.of(
                wholeOnHover(Columns.<CostEntry>text("costs.entries.col.kind", CostEntriesPane::kind, 120)),
                Columns.<CostEntry>text("costs.entries.col.date", e -> Formats.shortDate(e.incurredOn(),
                        context.clock()), 72),
                wholeOnHover(Columns.<CostEntry>text("costs.entries.col.deal", e -> e.opportunityId() == null ? ""
                        : deals.getOrDefault(e.opportunityId(), ""), 110)),
                Columns.<CostEntry>text("costs.entries.col.channel", e -> e.channel() == null ? "" : e.channel(), 72),
                Columns.money("costs.entries.col.amount", CostEntry::amount, 96),
                Columns.<CostEntry>text("costs.entries.col.basis", e -> I18n.label("costs.basis", e.basis()), 64),
                wholeOnHover(Columns.<CostEntry>text("costs.entries.col.note", e -> e.note() == null ? "" : e.note(),
                        110)),
                Columns.node(null, this::deleteButton, 40)));
        // Date, amount and basis stay whole; the deal's name and the note give way first.
        double[] minimum = {112, 80, 60, 72, 96, 56, 60, 40};
        for (int i = 0; i < minimum.length; i++) {
            table.getColumns().get(i).setMinWidth(minimum[i]);
        }
        table.getColumns().get(minimum.length - 1).setMaxWidth(40);
        table.getColumns().get(minimum.length - 1).setResizable(false);
    }

    /** A column whose cut-off text shows whole in a tooltip: kinds, deal names and notes run long. */
    private static TableColumn<CostEntry, String> wholeOnHover(TableColumn<CostEntry, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean blank = empty || item == null || item.isEmpty();
                setText(blank ? null : item);
                setTooltip(blank ? null : new Tooltip(item));
            }
        });
        return column;
    }

    /** "获客 · 市场活动", "售前 · 12 小时". */
    private static String kind(CostEntry e) {
        String kind = I18n.label("costs.kind", e.kind());
        if (e.kind() == CostKind.PRESALES && e.hours() != null) {
            return I18n.get("costs.entries.hours", kind, e.hours().stripTrailingZeros().toPlainString());
        }
        return e.subkind() == null ? kind : kind + " · " + I18n.label("costs.subkind", e.subkind());
    }

    private Button deleteButton(CostEntry entry) {
        Button delete = new Button(null, new FontIcon(Feather.TRASH_2));
        delete.setId("costDelete-" + entry.id());
        delete.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.DANGER, Styles.SMALL);
        delete.setTooltip(new Tooltip(I18n.get("costs.delete")));
        delete.setOnAction(e -> delete(entry));
        return delete;
    }

    UUID customerId() {
        return customerId;
    }

    /** Shows the customer's entries, read afresh; nothing but a hint when no customer is picked. */
    void show(UUID customer, String name) {
        customerId = customer;
        customerName = name;
        hideProblem();
        reload();
    }

    /** Reads the entries of the customer shown again (after the figures were read again). */
    void reload() {
        UUID customer = customerId;
        if (customer == null) {
            title.setText(I18n.get("costs.entries"));
            summary.setText("");
            table.getItems().clear();
            table.setPlaceholder(pick);
            return;
        }
        title.setText(I18n.get("costs.entries.of", customerName));
        var viewer = context.currentUser().asActor();
        BackgroundTask.wrap(() -> new Loaded(context.costs().forCustomer(viewer, customer),
                        context.opportunities().forCustomer(viewer, customer).stream()
                                .collect(Collectors.toMap(Opportunity::id, Opportunity::name, (a, b) -> a))))
                .onSuccess(loaded -> {
                    // A slower answer for a customer no longer shown is dropped.
                    if (customer.equals(customerId)) {
                        fill(loaded);
                    }
                })
                .onFailure(this::refused)
                .executeWith(context.executor());
    }

    private record Loaded(List<CostEntry> entries, Map<UUID, String> deals) {
    }

    private void fill(Loaded loaded) {
        deals = loaded.deals();
        table.setPlaceholder(empty);
        table.getItems().setAll(loaded.entries());
        BigDecimal total = loaded.entries().stream().map(CostEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        summary.setText(loaded.entries().isEmpty() ? "" : I18n.get("costs.entries.summary",
                loaded.entries().size(), Columns.yuan(total)));
    }

    /** The channels written on the entries shown, for the cost form's suggestions. */
    List<String> channels() {
        return table.getItems().stream().map(CostEntry::channel).filter(java.util.Objects::nonNull).distinct()
                .toList();
    }

    private void delete(CostEntry entry) {
        ButtonType remove = new ButtonType(I18n.get("costs.delete"), ButtonBar.ButtonData.OK_DONE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, I18n.get("costs.delete.confirm", kind(entry),
                Formats.date(entry.incurredOn()), Columns.yuan(entry.amount())), remove,
                new ButtonType(I18n.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        confirm.setTitle(I18n.get("costs.delete.title"));
        confirm.setHeaderText(null);
        confirm.getDialogPane().lookupButton(remove).setId("costDeleteConfirm");
        confirm.getDialogPane().lookupButton(remove).getStyleClass().add(Styles.DANGER);
        Stylesheets.addTo(confirm.getDialogPane());
        if (confirm.showAndWait().filter(remove::equals).isEmpty()) {
            return;
        }
        var actor = context.currentUser().asActor();
        hideProblem();
        BackgroundTask.wrap(() -> context.costs().delete(actor, entry.id(), entry.version()))
                .onSuccess(done -> changed.run())
                .onFailure(error -> {
                    refused(error);
                    if (error instanceof StaleRecordException) {
                        changed.run();
                    }
                })
                .executeWith(context.executor());
    }

    /** A refusal stays above the list, in the service's words; the unexpected gets the error dialog. */
    private void refused(Throwable error) {
        if (error instanceof StaleRecordException) {
            showProblem(I18n.get("costs.delete.stale"));
        } else if (error instanceof SalesDeskException) {
            showProblem(I18n.message(error));
        } else {
            ErrorDialogs.show(error);
        }
    }

    private void showProblem(String text) {
        problem.setText(text);
        problem.setVisible(true);
        problem.setManaged(true);
    }

    private void hideProblem() {
        problem.setVisible(false);
        problem.setManaged(false);
    }
}
