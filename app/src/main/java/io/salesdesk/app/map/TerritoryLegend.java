package io.salesdesk.app.map;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.common.I18n;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/** The territory layer's part of the legend: each owner (team or rep) with its territory colour. */
final class TerritoryLegend {

    /** More owners than this are summed up in one line. */
    private static final int SHOWN = 8;

    private TerritoryLegend() {
    }

    /** Adds the entries below what the legend shows already, and a surge line while one is outlined. */
    static void appendTo(VBox legend, List<TerritoryShapes.Drawn> territories, boolean shown, boolean surge) {
        if (shown && !territories.isEmpty()) {
            Label heading = new Label(I18n.get("map.territory.layer"));
            heading.getStyleClass().addAll(Styles.TEXT_BOLD, "map-legend-heading");
            legend.getChildren().add(heading);
            Map<String, Color> owners = new LinkedHashMap<>();
            for (TerritoryShapes.Drawn t : territories) {
                String owner = t.territory().ownerName() == null ? t.territory().name() : t.territory().ownerName();
                owners.putIfAbsent(owner, TerritoryLayer.colour(t.territory().colour()));
            }
            int k = 0;
            for (Map.Entry<String, Color> e : owners.entrySet()) {
                if (k++ == SHOWN) {
                    legend.getChildren().add(small(I18n.get("map.territory.legend.more", owners.size() - SHOWN)));
                    break;
                }
                legend.getChildren().add(swatch(e.getValue(), e.getKey()));
            }
        }
        if (surge) {
            Rectangle red = new Rectangle(14, 10, Color.TRANSPARENT);
            red.setStroke(Color.web("#e03131"));
            red.setStrokeWidth(2);
            Label label = new Label(I18n.get("map.surge.legend"), red);
            label.setGraphicTextGap(6);
            legend.getChildren().add(label);
        }
        legend.setVisible(!legend.getChildren().isEmpty());
    }

    private static Label swatch(Color colour, String text) {
        Rectangle box = new Rectangle(14, 10, Color.color(colour.getRed(), colour.getGreen(), colour.getBlue(), 0.45));
        box.setStroke(colour.darker());
        Label label = new Label(text, box);
        label.setGraphicTextGap(6);
        label.getStyleClass().add("map-territory-legend");
        return label;
    }

    private static Label small(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return label;
    }
}
