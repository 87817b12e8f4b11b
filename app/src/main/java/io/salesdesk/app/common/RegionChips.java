package io.salesdesk.app.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.crm.RegionService;

/**
 * Regions as removable chips over a province / city / county picker with an add button: a rep's
 * territories, the regions a warehouse serves. A place inside one already listed adds nothing; a
 * wider place replaces the narrower ones it holds, so the list never says the same place twice.
 */
public final class RegionChips extends VBox {

    private final RegionService regions;
    private final String idPrefix;
    private final String noneText;
    private final RegionPicker picker;
    private final FlowPane chips = new FlowPane(6, 6);
    private final List<String> codes = new ArrayList<>();

    /**
     * @param idPrefix the chips get {@code idPrefix + "Territories"}, the add button
     *                 {@code idPrefix + "AddTerritory"}, each remove button {@code idPrefix + "RemoveTerritory-" + code}
     * @param picker   the picker to choose from, with its own ids
     * @param addText  the add button's text
     * @param noneText what shows while no region is listed
     */
    public RegionChips(RegionService regions, String idPrefix, RegionPicker picker, String addText, String noneText) {
        super(8);
        this.regions = regions;
        this.idPrefix = idPrefix;
        this.noneText = noneText;
        this.picker = picker;
        chips.setId(idPrefix + "Territories");
        chips.setPrefWrapLength(440);
        Button add = new Button(addText, new FontIcon(Feather.PLUS));
        add.setId(idPrefix + "AddTerritory");
        add.setMinWidth(Button.USE_PREF_SIZE);
        add.setDisable(true);
        picker.onChange(() -> add.setDisable(picker.code() == null));
        add.setOnAction(e -> add());
        HBox row = new HBox(8, picker, add);
        HBox.setHgrow(picker, Priority.ALWAYS);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(chips, row);
        showChips();
    }

    /** The regions listed, by code. */
    public List<String> codes() {
        return List.copyOf(codes);
    }

    public void setCodes(Collection<String> listed) {
        codes.clear();
        codes.addAll(listed);
        codes.sort(null);
        showChips();
    }

    private void add() {
        String code = picker.code();
        if (code == null) {
            return;
        }
        if (codes.stream().noneMatch(c -> code.startsWith(trimmed(c)))) {
            codes.removeIf(c -> c.startsWith(trimmed(code)));
            codes.add(code);
            codes.sort(null);
            showChips();
        }
        picker.clear();
    }

    /** The code without the zeros that stand for "the whole province / city". */
    private static String trimmed(String code) {
        return code.endsWith("0000") ? code.substring(0, 2) : code.endsWith("00") ? code.substring(0, 4) : code;
    }

    private void showChips() {
        chips.getChildren().clear();
        if (codes.isEmpty()) {
            Label none = new Label(noneText);
            none.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.WARNING);
            chips.getChildren().add(none);
            return;
        }
        for (String code : codes) {
            Label name = new Label(regions.fullName(code));
            Button remove = new Button(null, new FontIcon(Feather.X));
            remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
            remove.setId(idPrefix + "RemoveTerritory-" + code);
            remove.setOnAction(e -> {
                codes.remove(code);
                showChips();
            });
            HBox chip = new HBox(2, name, remove);
            chip.setAlignment(Pos.CENTER_LEFT);
            chip.getStyleClass().add("territory-chip");
            chips.getChildren().add(chip);
        }
    }
}
