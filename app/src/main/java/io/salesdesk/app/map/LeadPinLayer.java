package io.salesdesk.app.map;

import com.gluonhq.maps.MapView;
import io.salesdesk.territory.layer.LeadPins;
import java.util.function.BiConsumer;
import javafx.scene.Node;
import javafx.scene.paint.Color;

/** 线索: the open leads the viewer sees, coloured by status, clustered by zoom. */
final class LeadPinLayer extends ClusteredPinLayer {

    private LeadPins pins;
    private final BiConsumer<Integer, Node> onPin;

    LeadPinLayer(MapView map, BiConsumer<Integer, Node> onPin) {
        super(map, "lead-pin");
        this.onPin = onPin;
        setId("leadLayer");
    }

    void setPins(LeadPins newPins) {
        pins = newPins;
        setIndex(newPins == null ? null : newPins.index());
    }

    LeadPins pins() {
        return pins;
    }

    @Override
    protected Color colour(int key) {
        return PinColours.leadStatus(key);
    }

    @Override
    protected void pinClicked(int pin, Node node) {
        onPin.accept(pin, node);
    }
}
