package io.salesdesk.app.map;

import com.gluonhq.maps.MapView;
import io.salesdesk.territory.layer.ColourBy;
import io.salesdesk.territory.layer.CustomerPins;
import java.util.BitSet;
import java.util.function.BiConsumer;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/** 客户: every customer the viewer sees, coloured by tier or by owner, clustered by zoom. */
final class CustomerPinLayer extends ClusteredPinLayer {

    private CustomerPins pins;
    private ColourBy colourBy = ColourBy.TIER;
    private BitSet selection = new BitSet();
    private final BiConsumer<Integer, Node> onPin;
    private PinDrag drag;

    CustomerPinLayer(MapView map, BiConsumer<Integer, Node> onPin) {
        super(map, "customer-pin");
        this.onPin = onPin;
        setId("customerLayer");
    }

    void setPins(CustomerPins newPins) {
        pins = newPins;
        selection = new BitSet();
        setIndex(newPins == null ? null : newPins.index(colourBy));
    }

    CustomerPins pins() {
        return pins;
    }

    ColourBy colourBy() {
        return colourBy;
    }

    void setColourBy(ColourBy newColourBy) {
        colourBy = newColourBy;
        if (pins != null) {
            setIndex(pins.index(colourBy));
        }
    }

    /** Marks these pins as selected (an empty set clears the marks). */
    void setSelection(BitSet pinsSelected) {
        selection = pinsSelected;
        refresh();
    }

    @Override
    protected boolean selected(int pin) {
        return selection.get(pin);
    }

    /** Lets single pins be dragged to a new place (only while the drag's mode is on). */
    void setDrag(PinDrag pinDrag) {
        drag = pinDrag;
    }

    @Override
    protected void decoratePin(int pin, Circle dot) {
        if (drag != null) {
            drag.attach(this, pin, dot);
        }
    }

    @Override
    protected Color colour(int key) {
        return colourBy == ColourBy.TIER ? PinColours.tier(key) : PinColours.owner(key);
    }

    @Override
    protected void pinClicked(int pin, Node node) {
        onPin.accept(pin, node);
    }
}
