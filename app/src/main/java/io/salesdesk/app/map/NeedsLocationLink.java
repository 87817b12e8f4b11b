package io.salesdesk.app.map;

import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.I18n;
import io.salesdesk.crm.Customer;
import io.salesdesk.territory.cluster.PinIndex;
import io.salesdesk.territory.layer.CustomerPins;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Hyperlink;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "N 个客户待定位" beside the map's status line: the customers the map has no place for (neither
 * coordinates nor a known region), opening their list. Hidden when every customer is placed.
 */
final class NeedsLocationLink extends Hyperlink {

    private final EventBus bus;
    private List<Customer> unplaced = List.of();

    NeedsLocationLink(EventBus bus) {
        this.bus = bus;
        setId("mapNeedsLocation");
        setGraphic(new FontIcon(Feather.MAP_PIN));
        setFocusTraversable(false);
        setOnAction(e -> {
            NeedsLocationDialog dialog = new NeedsLocationDialog(unplaced, bus);
            if (getScene() != null) {
                dialog.initOwner(getScene().getWindow());
            }
            dialog.show();
        });
        show(List.of());
    }

    /** Counts the pins without a place. */
    void update(CustomerPins pins, PinIndex index) {
        List<Customer> found = new ArrayList<>();
        for (int i = 0; i < pins.size(); i++) {
            if (Double.isNaN(index.lon(i)) || Double.isNaN(index.lat(i))) {
                found.add(pins.customer(i));
            }
        }
        show(found);
    }

    /** The customers the list shows. */
    List<Customer> unplaced() {
        return unplaced;
    }

    private void show(List<Customer> customers) {
        unplaced = List.copyOf(customers);
        setText(I18n.get("map.pins.needs.count", unplaced.size()));
        setVisible(!unplaced.isEmpty());
        setManaged(!unplaced.isEmpty());
    }
}
