package io.salesdesk.app.commerce;

import atlantafx.base.theme.Styles;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.RegionChips;
import io.salesdesk.app.common.RegionPicker;
import io.salesdesk.commerce.CommerceException;
import io.salesdesk.commerce.stock.Warehouse;
import io.salesdesk.commerce.stock.WarehouseDraft;

/**
 * 新建 / 编辑仓库: code, name, address, the regions it ships to (a province, city or county each; a
 * customer there is served from it) and, for one that exists, whether it still ships. The stock
 * service checks the fields and who may change warehouses.
 */
final class WarehouseFormDialog extends FormDialog<Warehouse> {

    private final AppContext context;
    private final Warehouse existing;
    private final TextField code = new TextField();
    private final TextField name = new TextField();
    private final TextField address = new TextField();
    private final RegionChips regions;
    private final CheckBox active = new CheckBox(I18n.get("warehouses.form.active"));

    private WarehouseFormDialog(AppContext context, Warehouse existing) {
        super(existing == null ? I18n.get("warehouses.new.title")
                : I18n.get("warehouses.edit.title", existing.code()), "warehouseSave");
        this.context = context;
        this.existing = existing;
        code.setId("warehouseCode");
        code.setPromptText(I18n.get("warehouses.form.code.prompt"));
        name.setId("warehouseName");
        name.setPromptText(I18n.get("warehouses.form.name.prompt"));
        address.setId("warehouseAddress");
        regions = new RegionChips(context.regions(), "warehouse", new RegionPicker(context.regions(), "warehouse"),
                I18n.get("warehouses.form.addRegion"), I18n.get("warehouses.form.noRegion"));
        active.setId("warehouseActive");
        active.setSelected(true);
        if (existing != null) {
            code.setText(existing.code());
            name.setText(existing.name());
            address.setText(existing.address());
            regions.setCodes(existing.regionCodes());
            active.setSelected(existing.active());
        }
        Label regionsHint = new Label(I18n.get("warehouses.form.regions.hint"));
        regionsHint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        regionsHint.setWrapText(true);
        GridPane grid = grid();
        ColumnConstraints narrow = new ColumnConstraints();
        narrow.setPercentWidth(35);
        ColumnConstraints wide = new ColumnConstraints();
        wide.setPercentWidth(65);
        grid.getColumnConstraints().addAll(narrow, wide);
        grid.add(field("code", I18n.get("warehouses.form.code"), code), 0, 0);
        grid.add(field("name", I18n.get("warehouses.form.name"), name), 1, 0);
        grid.add(field("address", I18n.get("warehouses.form.address"), address), 0, 1, 2, 1);
        grid.add(field("regionCodes", I18n.get("warehouses.form.regions"), regions), 0, 2, 2, 1);
        grid.add(regionsHint, 0, 3, 2, 1);
        if (existing != null) {
            // A new warehouse ships from the start; stopping one is a change to an existing warehouse.
            grid.add(active, 0, 4, 2, 1);
        }
        grid.setPrefWidth(560);
        setForm(grid);
        setOnShown(e -> (existing == null ? code : name).requestFocus());
    }

    static WarehouseFormDialog create(AppContext context) {
        return new WarehouseFormDialog(context, null);
    }

    static WarehouseFormDialog edit(AppContext context, Warehouse warehouse) {
        return new WarehouseFormDialog(context, warehouse);
    }

    @Override
    protected void save() {
        WarehouseDraft draft = new WarehouseDraft(text(code), text(name), text(address), regions.codes());
        boolean ships = active.isSelected();
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> existing == null ? context.stock().createWarehouse(actor, draft)
                        : context.stock().updateWarehouse(actor, existing.id(), existing.version(), draft, ships))
                .onSuccess(this::finish)
                .onFailure(this::refused)
                .executeWith(context.executor());
    }

    private void refused(Throwable error) {
        // A code in use belongs under the code field, not above the buttons.
        if (error instanceof CommerceException taken && "warehouse.code.taken".equals(taken.messageKey())) {
            fieldNamed("code").showProblem(I18n.message(error));
        } else {
            showFailure(error);
        }
    }
}
