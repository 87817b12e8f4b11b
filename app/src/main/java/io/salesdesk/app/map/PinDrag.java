package io.salesdesk.app.map;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import io.salesdesk.crm.Customer;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Circle;

/**
 * 移动图钉: while {@link #enabledProperty() on}, a single customer pin the user may edit follows the
 * mouse and is reported where it is released; the map pans as usual from anywhere else (and from
 * any pin while off). The pin stays where it was dropped until the save's reload redraws the layer,
 * which also puts it back if the save was refused.
 */
final class PinDrag {

    /** Where a pin was dropped. */
    interface Dropped {
        void dropped(Customer customer, double longitude, double latitude);
    }

    /** Less movement than this is a click, not a drag. */
    private static final double SLOP = 3;

    private final MapView map;
    private final Predicate<Customer> mayMove;
    private final Dropped onDropped;
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled");
    private boolean dragging;
    private double pressX;
    private double pressY;

    PinDrag(MapView map, Predicate<Customer> mayMove, Dropped onDropped) {
        this.map = map;
        this.mayMove = mayMove;
        this.onDropped = onDropped;
    }

    /** Whether pins can be dragged now. */
    BooleanProperty enabledProperty() {
        return enabled;
    }

    /** Makes a freshly drawn pin draggable if its customer may be moved by this user. */
    void attach(CustomerPinLayer layer, int pin, Circle dot) {
        Customer customer = layer.pins().customer(pin);
        if (!mayMove.test(customer)) {
            return;
        }
        dot.getStyleClass().add("movable");
        dot.setUserData(customer.id());
        dot.setOnMouseEntered(e -> dot.setCursor(enabled.get() ? Cursor.MOVE : Cursor.HAND));
        dot.setOnMousePressed(e -> {
            if (!enabled.get() || e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            dragging = true;
            pressX = e.getSceneX();
            pressY = e.getSceneY();
            dot.getStyleClass().add("dragging");
            e.consume();
        });
        dot.setOnMouseDragged(e -> {
            if (!dragging) {
                return;
            }
            Point2D at = layer.sceneToLocal(e.getSceneX(), e.getSceneY());
            dot.setTranslateX(at.getX());
            dot.setTranslateY(at.getY());
            e.consume();
        });
        dot.setOnMouseReleased(e -> {
            if (!dragging) {
                return;
            }
            dragging = false;
            dot.getStyleClass().remove("dragging");
            e.consume();
            if (Math.hypot(e.getSceneX() - pressX, e.getSceneY() - pressY) < SLOP) {
                return;
            }
            Point2D at = map.sceneToLocal(e.getSceneX(), e.getSceneY());
            MapPoint place = map.getMapPosition(at.getX(), at.getY());
            onDropped.dropped(customer, place.getLongitude(), place.getLatitude());
        });
    }
}
