package io.salesdesk.app.commerce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.commerce.stock.Warehouse;

/**
 * 仓库: every warehouse with the regions it ships to and whether it ships at all — what decides which
 * stock a customer's quote and stock check may count on. New and edit open {@link WarehouseFormDialog};
 * the stock service decides who may change them.
 */
final class WarehousesDialog extends Dialog<Void> {

    private final AppContext context;
    private final TableView<Warehouse> table = new TableView<>();
    private boolean changed;

    WarehousesDialog(AppContext context) {
        this.context = context;
        setTitle(I18n.get("warehouses.title"));
        setHeaderText(null);
        createTable();
        Label hint = new Label(I18n.get("warehouses.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        VBox content = new VBox(10, createToolbar(), table, hint);
        content.setPrefWidth(840);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(new ButtonType(I18n.get("warehouses.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        Stylesheets.addTo(getDialogPane());
        getDialogPane().getStyleClass().add("wide-dialog");
        setResultConverter(button -> null);
        load(null);
    }

    // False on a branch replica, whose warehouses are the head office's.
    private boolean keptHere = true;

    /** Whether a warehouse was made or changed while the dialog was open. */
    boolean changed() {
        return changed;
    }

    private HBox createToolbar() {
        Button create = new Button(I18n.get("warehouses.new"), new FontIcon(Feather.PLUS));
        create.setId("warehouseNew");
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(e -> WarehouseFormDialog.create(context).showAndWait().ifPresent(this::saved));
        Button edit = new Button(I18n.get("action.edit"), new FontIcon(Feather.EDIT_2));
        edit.setId("warehouseEdit");
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> editSelected());
        Label count = new Label();
        count.getStyleClass().add(Styles.TEXT_MUTED);
        table.getItems().addListener((ListChangeListener<Warehouse>) c ->
                count.setText(I18n.get("warehouses.count", table.getItems().size())));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, count, spacer, edit, create);
        bar.setAlignment(Pos.CENTER_LEFT);
        // A branch replica shows the head office's warehouses but offers no way to change them.
        BackgroundTask.wrap(() -> context.stock().keptHere()).onSuccess(here -> {
            keptHere = here;
            if (!here) {
                Label note = new Label(I18n.get("warehouses.atHeadOffice"));
                note.setId("warehousesAtHeadOffice");
                note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                bar.getChildren().removeAll(edit, create);
                bar.getChildren().add(note);
            }
        }).executeWith(context.executor());
        return bar;
    }

    private void createTable() {
        table.setId("warehouseTable");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                Columns.<Warehouse>text("warehouses.col.code", Warehouse::code, 80),
                Columns.<Warehouse>text("warehouses.col.name", Warehouse::name, 130),
                Columns.node("warehouses.col.active", WarehousesDialog::activeChip, 90),
                regionsColumn()));
        table.getColumns().get(2).setMinWidth(90);
        table.setPrefHeight(340);
        table.setPlaceholder(new Label(I18n.get("warehouses.empty")));
        table.setRowFactory(t -> {
            TableRow<Warehouse> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && keptHere) {
                    editSelected();
                }
            });
            return row;
        });
    }

    /**
     * The regions served by name, each province once: "浙江省 杭州市、嘉兴市；江苏省" rather than
     * repeating 浙江省 before every city, so a long list still fits its column.
     */
    private String regionNames(Warehouse w) {
        if (w.regionCodes().isEmpty()) {
            return I18n.get("warehouses.regions.none");
        }
        Map<String, List<String>> byProvince = new LinkedHashMap<>();
        for (String code : w.regionCodes()) {
            String province = code.substring(0, 2) + "0000";
            List<String> parts = byProvince.computeIfAbsent(province, p -> new ArrayList<>());
            if (!code.equals(province)) {
                parts.add(withoutProvince(code, province));
            }
        }
        return byProvince.entrySet().stream()
                .map(e -> context.regions().fullName(e.getKey())
                        + (e.getValue().isEmpty() ? "" : " " + String.join("、", e.getValue())))
                .collect(Collectors.joining("；"));
    }

    private String withoutProvince(String code, String province) {
        String full = context.regions().fullName(code);
        String prefix = context.regions().fullName(province) + " ";
        return full.startsWith(prefix) ? full.substring(prefix.length()) : full;
    }

    /** Regions served; a list too long for the column is read in full from its tooltip. */
    private TableColumn<Warehouse, String> regionsColumn() {
        TableColumn<Warehouse, String> column = Columns.text("warehouses.col.regions", this::regionNames, 440);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
        return column;
    }

    static Label activeChip(Warehouse w) {
        Label chip = new Label(I18n.get(w.active() ? "warehouses.active" : "warehouses.inactive"));
        chip.getStyleClass().addAll("lead-chip", w.active() ? "product-active" : "product-inactive");
        return chip;
    }

    private void editSelected() {
        Warehouse selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            WarehouseFormDialog.edit(context, selected).showAndWait().ifPresent(this::saved);
        }
    }

    private void saved(Warehouse warehouse) {
        changed = true;
        load(warehouse.id());
    }

    private void load(UUID keep) {
        BackgroundTask.wrap(() -> context.stock().warehouses())
                .onSuccess(all -> {
                    table.getItems().setAll(all);
                    all.stream().filter(w -> w.id().equals(keep)).findFirst().ifPresent(w -> {
                        table.getSelectionModel().select(w);
                        table.scrollTo(w);
                    });
                })
                .executeWith(context.executor());
    }
}
