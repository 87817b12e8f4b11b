package io.salesdesk.app.common;

import java.util.List;

import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import io.salesdesk.crm.Region;
import io.salesdesk.crm.RegionService;

/**
 * Province, city and county, each list filled from the one before; all three may stay empty. Used
 * for a lead's region, a rep's territories and the regions a warehouse serves.
 */
public final class RegionPicker extends HBox {

    private final RegionService regions;
    private final ComboBox<Region> province;
    private final ComboBox<Region> city;
    private final ComboBox<Region> county;

    /** The three lists get the ids {@code idPrefix + "Province"}, {@code "City"} and {@code "County"}. */
    public RegionPicker(RegionService regions, String idPrefix) {
        super(8);
        this.regions = regions;
        province = Pickers.optional(FXCollections.observableArrayList(regions.provinces()), Region::name,
                I18n.get("form.province"));
        city = Pickers.optional(FXCollections.observableArrayList(), Region::name, I18n.get("form.city"));
        county = Pickers.optional(FXCollections.observableArrayList(), Region::name, I18n.get("form.county"));
        province.setId(idPrefix + "Province");
        city.setId(idPrefix + "City");
        county.setId(idPrefix + "County");
        for (ComboBox<Region> box : List.of(province, city, county)) {
            box.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(box, Priority.ALWAYS);
        }
        cascade(province, city);
        cascade(city, county);
        getChildren().addAll(province, city, county);
    }

    /** The narrowest region chosen, or null when none is. */
    public String code() {
        Region chosen = county.getValue() != null ? county.getValue()
                : city.getValue() != null ? city.getValue() : province.getValue();
        return chosen == null ? null : chosen.code();
    }

    /** Empties all three lists' choices, ready for the next region. */
    public void clear() {
        province.setValue(null);
    }

    /** Calls {@code listener} whenever the chosen region changes. */
    public void onChange(Runnable listener) {
        for (ComboBox<Region> box : List.of(province, city, county)) {
            box.valueProperty().addListener((obs, old, now) -> listener.run());
        }
    }

    private void cascade(ComboBox<Region> parent, ComboBox<Region> child) {
        child.setDisable(true);
        parent.valueProperty().addListener((obs, old, now) -> {
            child.setValue(null);
            List<Region> children = now == null ? List.of() : regions.children(now.code());
            child.getItems().setAll(Pickers.withNone(children));
            child.setDisable(children.isEmpty());
        });
    }
}
