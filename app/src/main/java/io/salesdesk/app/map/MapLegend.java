package io.salesdesk.app.map;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.common.I18n;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.lead.LeadStatus;
import io.salesdesk.territory.layer.ColourBy;
import io.salesdesk.territory.layer.CustomerPins;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** 图例: what the colours of the layers that are on mean. Floats in a corner of the map. */
final class MapLegend extends VBox {

    MapLegend() {
        super(4);
        setId("mapLegend");
        getStyleClass().add("map-legend");
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    }

    /** Rebuilds the legend for the layers shown. */
    void update(ColourBy colourBy, CustomerPins pins, boolean customers, boolean leads, boolean reps, boolean heat) {
        getChildren().clear();
        if (customers) {
            getChildren().add(heading(I18n.get(colourBy == ColourBy.TIER ? "map.legend.byTier" : "map.legend.byOwner")));
            if (colourBy == ColourBy.TIER) {
                for (Tier tier : Tier.values()) {
                    getChildren().add(swatch(PinColours.tier(tier), I18n.get("map.legend.tier", tier.name())));
                }
            } else if (pins != null) {
                List<CustomerPins.Owner> owners = pins.owners();
                int shown = Math.min(owners.size(), PinColours.distinctOwners() + 1);
                for (int k = 0; k < shown; k++) {
                    String name = k == 0 ? I18n.get("map.legend.pool") : owners.get(k).name();
                    getChildren().add(swatch(PinColours.owner(k), name));
                }
                if (owners.size() > shown) {
                    getChildren().add(muted(I18n.get("map.legend.moreOwners", owners.size() - shown)));
                }
            }
            getChildren().add(muted(I18n.get("map.legend.cluster")));
        }
        if (leads) {
            getChildren().add(heading(I18n.get("map.layer.leads")));
            for (int s = 0; s < 4; s++) {
                getChildren().add(swatch(PinColours.leadStatus(s), I18n.get("map.lead.status." + statusName(s))));
            }
        }
        if (reps) {
            Label base = new Label(I18n.get("map.legend.repBase"), new FontIcon(Feather.HOME));
            getChildren().add(base);
        }
        if (heat) {
            Rectangle ramp = new Rectangle(120, 10, new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE,
                    new Stop(0, PinColours.heat(0)), new Stop(0.5, PinColours.heat(0.5)),
                    new Stop(1, PinColours.heat(1))));
            HBox row = new HBox(6, muted(I18n.get("map.legend.heatLow")), ramp, muted(I18n.get("map.legend.heatHigh")));
            row.setAlignment(Pos.CENTER_LEFT);
            getChildren().addAll(heading(I18n.get("map.layer.heat")), row);
        }
        setVisible(!getChildren().isEmpty());
    }

    private static String statusName(int ordinal) {
        return LeadStatus.values()[ordinal].name();
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_BOLD, "map-legend-heading");
        return label;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return label;
    }

    private static Node swatch(Color colour, String text) {
        Circle dot = new Circle(5, colour);
        dot.getStyleClass().add("map-legend-swatch");
        Label label = new Label(text, dot);
        label.setGraphicTextGap(6);
        return label;
    }
}
