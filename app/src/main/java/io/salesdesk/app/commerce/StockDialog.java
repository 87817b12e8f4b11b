package io.salesdesk.app.commerce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import atlantafx.base.theme.Styles;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.stock.StockLevel;
import io.salesdesk.commerce.stock.Warehouse;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;

/**
 * 入库 / 库存调整 / 在途: one change of a product's stock in one warehouse. The stock service checks it
 * (no negative stock, a reason kept with an adjustment, a date for what is inbound) and its refusal
 * stays in the dialog in the user's words.
 */
final class StockDialog extends FormDialog<StockLevel> {

    /** What the dialog changes. */
    enum Mode {
        RECEIVE, ADJUST, INBOUND
    }

    private final AppContext context;
    private final Mode mode;
    private final Product product;
    private final ComboBox<Warehouse> warehouse;
    private final TextField quantity = new TextField();
    private final TextField reason = new TextField();
    private final DatePicker eta = new DatePicker();

    StockDialog(AppContext context, Mode mode, Product product, List<Warehouse> warehouses, StockLevel selected) {
        super(I18n.get("inventory.dialog." + mode.name(), product.sku()), "stockSave");
        this.context = context;
        this.mode = mode;
        this.product = product;
        warehouse = Pickers.of(warehouses.stream().filter(Warehouse::active).toList(),
                w -> w.code() + " " + w.name(), I18n.get("inventory.warehouse.prompt"));
        warehouse.setId("stockWarehouse");
        warehouse.setMaxWidth(Double.MAX_VALUE);
        if (selected != null) {
            warehouse.getItems().stream().filter(w -> w.id().equals(selected.warehouseId())).findFirst()
                    .ifPresent(warehouse::setValue);
        }
        quantity.setId("stockQuantity");
        reason.setId("stockReason");
        eta.setId("stockEta");
        Label hint = new Label(I18n.get("inventory.dialog.hint." + mode.name(), product.name(), product.unit()));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        GridPane grid = grid();
        grid.add(field("warehouseId", I18n.get("inventory.warehouse"), warehouse), 0, 0, 2, 1);
        switch (mode) {
            case RECEIVE -> {
                quantity.setPromptText(I18n.get("inventory.quantity.receivePrompt"));
                grid.add(field("quantity", I18n.get("inventory.quantity.receive"), quantity), 0, 1);
            }
            case ADJUST -> {
                quantity.setPromptText(I18n.get("inventory.quantity.adjustPrompt"));
                grid.add(field("quantity", I18n.get("inventory.quantity.adjust"), quantity), 0, 1);
                reason.setPromptText(I18n.get("inventory.reason.prompt"));
                grid.add(field("reason", I18n.get("inventory.reason"), reason), 0, 2, 2, 1);
            }
            case INBOUND -> {
                if (selected != null) {
                    quantity.setText(Figures.quantity(selected.inbound()));
                    eta.setValue(selected.inboundEta());
                }
                grid.add(field("inbound", I18n.get("inventory.quantity.inbound"), quantity), 0, 1);
                grid.add(field("inboundEta", I18n.get("inventory.eta"), eta), 1, 1);
            }
        }
        VBox form = new VBox(10, hint, grid);
        form.setPrefWidth(460);
        setForm(form);
    }

    @Override
    protected void save() {
        Warehouse where = warehouse.getValue();
        if (where == null) {
            showFailure(new ValidationException(List.of(FieldProblem.of("warehouseId", "inventory.warehouse.required"))));
            return;
        }
        BigDecimal amount = Amounts.parse(quantity.getText());
        String field = mode == Mode.INBOUND ? "inbound" : "quantity";
        if (amount == null) {
            showFailure(new ValidationException(List.of(FieldProblem.of(field, "inventory.quantity.number"))));
            return;
        }
        if (mode == Mode.ADJUST && text(reason) == null) {
            showFailure(new ValidationException(List.of(FieldProblem.of("reason", "inventory.reason.required"))));
            return;
        }
        var actor = context.currentUser().asActor();
        String why = text(reason);
        LocalDate when = eta.getValue();
        BackgroundTask.wrap(() -> switch (mode) {
                    case RECEIVE -> context.stock().receive(actor, product.id(), where.id(), amount);
                    case ADJUST -> context.stock().adjust(actor, product.id(), where.id(), amount, why);
                    case INBOUND -> context.stock().setInbound(actor, product.id(), where.id(), amount, when);
                })
                .onSuccess(this::finish)
                .onFailure(this::showFailure)
                .executeWith(context.executor());
    }
}
