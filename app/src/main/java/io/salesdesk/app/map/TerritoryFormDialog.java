package io.salesdesk.app.map;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.core.Actor;
import io.salesdesk.territory.territory.Territory;
import io.salesdesk.territory.territory.TerritoryOwner;
import io.salesdesk.territory.territory.TerritoryService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * 新建辖区 / 编辑辖区: a territory's name, owner (a team or a rep) and colour on the map. A new one
 * starts with a colour no other territory uses; an edited one writes only what changed (rename,
 * recolour, new owner), each through {@link TerritoryService} with its change history.
 */
final class TerritoryFormDialog extends FormDialog<Territory> {

    /** Colours that stay apart on the light basemap and under the pins (Tableau 10). */
    private static final List<String> PALETTE = List.of("#4C78A8", "#F58518", "#54A24B", "#E45756", "#72B7B2",
            "#EECA3B", "#B279A2", "#FF9DA6", "#9D755D", "#BAB0AC");

    private final AppContext context;
    private final Territory editing;
    private final TextField name = new TextField();
    private final ComboBox<TerritoryOwnerChoice> owner;
    private final ColorPicker colour;

    /**
     * @param editing the territory to edit, null for a new one
     * @param owners  who it can be given to (read in the background)
     * @param others  every territory, for a colour not yet used
     */
    TerritoryFormDialog(AppContext context, Territory editing, List<TerritoryOwnerChoice> owners,
                        List<Territory> others) {
        super(I18n.get(editing == null ? "map.territory.new.title" : "map.territory.editOne.title"),
                "mapTerritorySave");
        this.context = context;
        this.editing = editing;
        ((Button) getDialogPane().lookupButton(saveType)).setText(I18n.get(editing == null
                ? "map.territory.new.save" : "action.save"));
        List<TerritoryOwnerChoice> choices = new ArrayList<>(owners);
        TerritoryOwnerChoice current = null;
        if (editing != null) {
            TerritoryOwner present = new TerritoryOwner(editing.ownerOrgUnitId(), editing.ownerUserId());
            current = choices.stream().filter(c -> c.sameOwner(present)).findFirst().orElse(null);
            if (current == null) {
                current = TerritoryOwnerChoice.of(editing);
                choices.add(0, current);
            }
        }
        owner = Pickers.of(choices, TerritoryOwnerChoice::label, I18n.get("map.territory.owner.prompt"));
        owner.setId("mapTerritoryOwner");
        owner.setMaxWidth(Double.MAX_VALUE);
        owner.setValue(current);
        name.setId("mapTerritoryName");
        name.setPromptText(I18n.get("map.territory.name.prompt"));
        colour = new ColorPicker(editing != null ? TerritoryLayer.colour(editing.colour())
                : Color.web(unusedColour(others)));
        colour.setId("mapTerritoryColour");
        if (editing != null) {
            name.setText(editing.name());
        }
        VBox form = new VBox(12, field("name", I18n.get("map.territory.name"), name),
                field("owner", I18n.get("map.territory.owner"), owner),
                field("colour", I18n.get("map.territory.colour"), colour));
        form.setPrefWidth(420);
        setForm(form);
        setOnShown(e -> name.requestFocus());
    }

    static String unusedColour(List<Territory> others) {
        Set<String> used = others.stream().map(t -> t.colour().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        return PALETTE.stream().filter(c -> !used.contains(c)).findFirst()
                .orElse(PALETTE.get(others.size() % PALETTE.size()));
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02X%02X%02X", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    @Override
    protected void save() {
        TerritoryOwnerChoice chosen = owner.getValue();
        if (chosen == null) {
            fieldNamed("owner").showProblem(I18n.get("territory.owner.required"));
            return;
        }
        String newName = name.getText();
        String newColour = hex(colour.getValue());
        Actor actor = context.currentUser().asActor();
        TerritoryService service = context.territories();
        getDialogPane().setDisable(true);
        BackgroundTask.wrap(() -> {
            if (editing == null) {
                return service.create(actor, newName, chosen.owner(), newColour);
            }
            Territory t = editing;
            if (!t.name().equals(newName == null ? "" : newName.strip())) {
                t = service.rename(actor, t.id(), t.version(), newName);
            }
            if (!t.colour().equalsIgnoreCase(newColour)) {
                t = service.recolour(actor, t.id(), t.version(), newColour);
            }
            if (!chosen.sameOwner(new TerritoryOwner(t.ownerOrgUnitId(), t.ownerUserId()))) {
                t = service.changeOwner(actor, t.id(), t.version(), chosen.owner());
            }
            return t;
        }).onFinished(() -> getDialogPane().setDisable(false))
                .onSuccess(this::finish)
                .onFailure(this::showFailure)
                .executeWith(context.executor());
    }
}
