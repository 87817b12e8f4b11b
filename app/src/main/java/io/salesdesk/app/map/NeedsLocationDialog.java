package io.salesdesk.app.map;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Navigation;
import io.salesdesk.crm.Customer;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * 待定位客户: the customers the map cannot place (neither a region nor coordinates), with their
 * address, so the user can open one and fix its address or region.
 */
final class NeedsLocationDialog extends Dialog<Void> {

    NeedsLocationDialog(List<Customer> customers, EventBus bus) {
        setTitle(I18n.get("map.pins.needs.title"));
        setResizable(true);
        TableView<Customer> table = new TableView<>();
        table.setId("mapNeedsLocationTable");
        table.getColumns().add(column(I18n.get("map.pins.needs.name"), Customer::name, 200));
        table.getColumns().add(column(I18n.get("map.pins.needs.address"), c -> c.address() == null ? ""
                : c.address(), 300));
        table.getColumns().add(column(I18n.get("map.pins.needs.owner"), c -> c.ownerName() == null
                ? I18n.get("map.card.pool") : c.ownerName(), 100));
        table.getItems().setAll(customers);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefSize(640, 360);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button open = new Button(I18n.get("map.pins.needs.open"), new FontIcon(Feather.EXTERNAL_LINK));
        open.setId("mapNeedsLocationOpen");
        open.getStyleClass().add(Styles.ACCENT);
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Runnable openSelected = () -> {
            Customer c = table.getSelectionModel().getSelectedItem();
            if (c != null) {
                close();
                bus.publish(new Navigation.OpenCustomer(c.id(), c.name()));
            }
        };
        open.setOnAction(e -> openSelected.run());
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelected.run();
            }
        });
        Label hint = new Label(I18n.get("map.pins.needs.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        HBox actions = new HBox(8, open);
        getDialogPane().setContent(new VBox(10, hint, table, actions));
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setId("mapNeedsLocationDialog");
    }

    private static TableColumn<Customer, String> column(String title,
                                                        java.util.function.Function<Customer, String> value,
                                                        double width) {
        TableColumn<Customer, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
