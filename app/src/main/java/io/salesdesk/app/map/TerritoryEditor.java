package io.salesdesk.app.map;

import atlantafx.base.theme.Styles;
import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.territory.geo.Boundaries;
import io.salesdesk.territory.geo.RegionShape;
import io.salesdesk.territory.territory.Territory;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 编辑辖区: the map's territory editing mode. With a territory chosen, a click on the map adds the
 * prefecture-level city under the pointer to it, or takes it out if the territory holds it already;
 * with Alt held, the whole province. Refusals (another territory holds the region, someone changed
 * the territory meanwhile) are said quietly in the page's message line. Only managers and
 * company-wide roles see the mode; everyone may open the territory table, read-only.
 */
final class TerritoryEditor {

    private static final Logger LOG = LoggerFactory.getLogger(TerritoryEditor.class);
    /** Further than this (pixels) between press and release, the mouse dragged the map. */
    private static final double CLICK_SLOP = 4;

    private final AppContext context;
    private final MapView map;
    private final Boundaries boundaries;
    private final Node mapArea;
    private final Runnable onChanged;
    private final Consumer<UUID> onChosen;
    private Supplier<List<TerritoryShapes.Drawn>> drawn = List::of;
    private final ToggleButton edit = new ToggleButton(I18n.get("map.territory.edit"), new FontIcon(Feather.EDIT_2));
    private final ComboBox<Territory> chooser;
    private final Button create = new Button(I18n.get("map.territory.new"), new FontIcon(Feather.PLUS));
    private final Button table = new Button(I18n.get("map.territory.table"), new FontIcon(Feather.LIST));
    private final Label message = new Label();
    private final HBox controls;
    private List<Territory> territories = List.of();
    private double pressX = Double.NaN;
    private double pressY = Double.NaN;
    private boolean busy;

    /**
     * @param clickHost an ancestor of the map whose event filters run before the map's own (and the selection tool's)
     * @param mapArea   the node holding the map and what floats on it; clicks elsewhere are not the editor's
     * @param onChanged told after a change was saved: the page reloads the territories
     * @param onChosen  told the territory being edited (null when the mode ends)
     */
    TerritoryEditor(AppContext context, MapView map, Node clickHost, Node mapArea, Boundaries boundaries,
                    Runnable onChanged, Consumer<UUID> onChosen) {
        this.context = context;
        this.map = map;
        this.mapArea = mapArea;
        this.boundaries = boundaries;
        this.onChanged = onChanged;
        this.onChosen = onChosen;
        chooser = Pickers.of(List.of(), Territory::name, I18n.get("map.territory.choose"));
        chooser.setId("mapTerritoryChooser");
        chooser.setPrefWidth(180);
        chooser.setOnAction(e -> onChosen.accept(editing() ? chosenId() : null));
        edit.setId("mapTerritoryEdit");
        edit.setFocusTraversable(false);
        edit.setTooltip(new Tooltip(I18n.get("map.territory.edit.hint")));
        edit.setOnAction(e -> modeChanged());
        create.setId("mapTerritoryNew");
        create.setOnAction(e -> openForm(null));
        table.setId("mapTerritoryTable");
        table.setOnAction(e -> openTable());
        message.setId("mapTerritoryMessage");
        message.getStyleClass().add("map-territory-message");
        message.setWrapText(true);
        boolean editor = mayEdit(context.currentUser().asActor());
        edit.setVisible(editor);
        edit.setManaged(editor);
        controls = new HBox(6, chooser, create);
        controls.setAlignment(Pos.CENTER_LEFT);
        modeChanged();
        clickHost.addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
        clickHost.addEventFilter(MouseEvent.MOUSE_RELEASED, this::released);
        clickHost.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (editing() && e.getButton() == MouseButton.PRIMARY && onMap(e)) {
                e.consume(); // no pin cards or cluster zooms while editing
            }
        });
    }

    /** Whether the viewer may change territories (as {@code TerritoryService} decides). */
    static boolean mayEdit(Actor actor) {
        return actor.role() == Role.MANAGER || actor.role().seesEverything();
    }

    /** The toolbar group: the mode toggle, the chooser and 新建 while editing, and the table. */
    Node toolbar() {
        HBox box = new HBox(6, edit, controls, table);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Where the table reads the territories with their regions in words (as the layer last loaded them). */
    void setDrawn(Supplier<List<TerritoryShapes.Drawn>> source) {
        drawn = source;
    }

    /** The line under the map where the editor says what it did or why it could not. */
    Label messageLine() {
        return message;
    }

    boolean editing() {
        return edit.isSelected();
    }

    /** The territories as last loaded; the chosen one stays chosen by id. */
    void setTerritories(List<Territory> loaded) {
        UUID keep = chosenId();
        territories = List.copyOf(loaded);
        chooser.getItems().setAll(territories);
        chooser.setValue(territories.stream().filter(t -> t.id().equals(keep)).findFirst().orElse(null));
    }

    private UUID chosenId() {
        return chooser.getValue() == null ? null : chooser.getValue().id();
    }

    private void modeChanged() {
        boolean on = editing();
        controls.setVisible(on);
        controls.setManaged(on);
        if (on && chooser.getValue() == null && !territories.isEmpty()) {
            chooser.setValue(territories.get(0));
        }
        say(on ? I18n.get("map.territory.edit.hint") : "", false);
        onChosen.accept(on ? chosenId() : null);
    }

    /** Whether the event is on the map itself, not on the legend or the selection bar floating over it. */
    private boolean onMap(MouseEvent e) {
        if (!(e.getTarget() instanceof Node target)) {
            return false;
        }
        for (Node n = target; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains("map-legend")) {
                return false;
            }
            if (n == mapArea) {
                return true;
            }
        }
        return false;
    }

    private void pressed(MouseEvent e) {
        if (!editing() || e.getButton() != MouseButton.PRIMARY || !onMap(e)) {
            return;
        }
        pressX = e.getSceneX();
        pressY = e.getSceneY();
        if (e.isAltDown()) {
            e.consume(); // Alt is the whole province here, not the lasso
        }
    }

    private void released(MouseEvent e) {
        if (!editing() || e.getButton() != MouseButton.PRIMARY || Double.isNaN(pressX)) {
            return;
        }
        boolean click = Math.hypot(e.getSceneX() - pressX, e.getSceneY() - pressY) <= CLICK_SLOP;
        pressX = Double.NaN;
        if (e.isAltDown()) {
            e.consume();
        }
        if (!click) {
            return;
        }
        Point2D local = map.sceneToLocal(e.getSceneX(), e.getSceneY());
        if (local == null || !map.getLayoutBounds().contains(local)) {
            return;
        }
        MapPoint at = map.getMapPosition(local.getX(), local.getY());
        toggleRegionAt(at.getLongitude(), at.getLatitude(), e.isAltDown());
    }

    /**
     * Adds the region at the point to the chosen territory, or removes it if the territory holds
     * it; {@code wholeProvince} takes the province instead of the city.
     */
    void toggleRegionAt(double lon, double lat, boolean wholeProvince) {
        Territory chosen = chooser.getValue();
        if (chosen == null) {
            say(I18n.get("map.territory.chooseFirst"), true);
            return;
        }
        Optional<RegionShape> region = boundaries.regionAt(lon, lat);
        if (region.isEmpty()) {
            say(I18n.get("map.territory.noRegion"), true);
            return;
        }
        if (busy) {
            return;
        }
        String code = wholeProvince ? region.get().code().substring(0, 2) + "0000" : region.get().code();
        boolean remove = chosen.regionCodes().contains(code);
        // A city or province taken whole replaces the territory's own counties (cities) inside it.
        String prefix = code.endsWith("0000") ? code.substring(0, 2) : code.substring(0, 4);
        List<String> inside = chosen.regionCodes().stream().filter(c -> !c.equals(code) && c.startsWith(prefix))
                .toList();
        Actor actor = context.currentUser().asActor();
        busy = true;
        // Region names are read in the background too, as the service reads them for its messages.
        BackgroundTask.wrap(() -> {
            String name = context.regions().fullName(code);
            if (remove) {
                return new Saved(context.territories().removeRegions(actor, chosen.id(), chosen.version(),
                        List.of(code)), name);
            }
            Territory added = context.territories().addRegions(actor, chosen.id(), chosen.version(), List.of(code));
            return new Saved(inside.isEmpty() ? added
                    : context.territories().removeRegions(actor, added.id(), added.version(), inside), name);
        }).onFinished(() -> busy = false).onSuccess(saved -> {
            replace(saved.territory());
            say(I18n.get(remove ? "map.territory.removed" : "map.territory.added", saved.regionName(),
                    saved.territory().name()), false);
            onChanged.run();
        }).onFailure(error -> refused(error, code)).executeWith(context.executor());
    }

    private record Saved(Territory territory, String regionName) {
    }

    private void replace(Territory saved) {
        territories = territories.stream().map(t -> t.id().equals(saved.id()) ? saved : t).toList();
        chooser.getItems().setAll(territories);
        chooser.setValue(saved);
    }

    private void refused(Throwable error, String regionCode) {
        if (error instanceof ValidationException validation) {
            say(String.join(" ", validation.problems().stream()
                    .map(p -> I18n.get(p.messageKey(), p.arguments().toArray())).toList()), true);
        } else if (error instanceof SalesDeskException) {
            LOG.info("Territory change refused for {}: {}", regionCode, error.getMessage());
            say(I18n.message(error), true);
            onChanged.run(); // someone else's change: show the territories as they are now
        } else {
            LOG.error("Territory change failed", error);
            say(I18n.message(error), true);
        }
    }

    void say(String text, boolean problem) {
        message.setText(text);
        message.getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED);
        message.getStyleClass().add(problem ? Styles.DANGER : Styles.TEXT_MUTED);
        message.setVisible(!text.isEmpty());
        message.setManaged(!text.isEmpty());
    }

    private void openForm(Territory editing) {
        Actor actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> TerritoryOwnerChoice.choices(context.users().visibleOwners(actor)))
                .onSuccess(owners -> new TerritoryFormDialog(context, editing, owners, territories).showAndWait()
                        .ifPresent(saved -> {
                            if (editing == null) {
                                territories = new java.util.ArrayList<>(territories);
                                territories.add(saved);
                                chooser.getItems().setAll(territories);
                                chooser.setValue(saved);
                                onChosen.accept(saved.id());
                                say(I18n.get("map.territory.created", saved.name()), false);
                            } else {
                                replace(saved);
                            }
                            onChanged.run();
                        }))
                .executeWith(context.executor());
    }

    private void openTable() {
        new TerritoryTableDialog(context, drawn.get(), mayEdit(context.currentUser().asActor()), this::openFormFor,
                onChanged).show();
    }

    private void openFormFor(Territory territory) {
        openForm(territory);
    }
}
