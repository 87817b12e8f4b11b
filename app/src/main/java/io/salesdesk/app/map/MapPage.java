package io.salesdesk.app.map;

import atlantafx.base.theme.Styles;
import com.gluonhq.maps.MapView;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.ledgers.WorkspaceLedgers;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.ExportBar;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Navigation;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.board.task.CustomerTasks;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.User;
import io.salesdesk.ledger.crm.CustomerExport;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.territory.cluster.GeoBox;
import io.salesdesk.territory.cluster.PinClusters;
import io.salesdesk.territory.cluster.PinIndex;
import io.salesdesk.territory.geo.Boundaries;
import io.salesdesk.territory.layer.BulkOwnerChange;
import io.salesdesk.territory.layer.ColourBy;
import io.salesdesk.territory.layer.CustomerPins;
import io.salesdesk.territory.layer.DemandKind;
import io.salesdesk.territory.layer.LonLat;
import io.salesdesk.territory.layer.MapLayerService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * 地图: the customers, open leads and reps the viewer sees on a map of their region, with a heat
 * layer of demand over a period. Pins crowd into numbered clusters that open as one zooms in; a
 * click on a pin shows its card; Shift-drag (a rectangle) or Alt/Ctrl-drag (a lasso) selects
 * customers for a bulk owner change or an Excel export. Each layer is one class and loads in the
 * background with one query; the map itself needs no network to open.
 */
public final class MapPage extends BorderPane {

    /** Where the map starts before the viewer's region is known: East China. */
    private static final double START_LAT = 31.0;
    private static final double START_LON = 120.5;
    private static final double START_ZOOM = 7;
    private static final double HOME_ZOOM = 8;

    private final AppContext context;
    private final EventBus bus;
    private final MapLayerService layers;
    private final MapView map = new MapView();
    private final CustomerPinLayer customerLayer;
    private final LeadPinLayer leadLayer;
    private final RepBaseLayer repLayer = new RepBaseLayer();
    private final HeatLayer heatLayer;
    private final TerritoryLayer territoryLayer = new TerritoryLayer(map, Boundaries.bundled());
    private final TerritoryEditor territoryEditor;
    private final SurgeBanner surgeBanner;
    private final MapLegend legend = new MapLegend();
    private final PinCard card;
    private final SelectionBar selectionBar;
    private final SelectionTool selectionTool;
    private final Label status = new Label();
    private final ToggleButton showCustomers = layerToggle("mapLayerCustomers", "map.layer.customers", Feather.USERS);
    private final ToggleButton showLeads = layerToggle("mapLayerLeads", "map.layer.leads", Feather.USER_PLUS);
    private final ToggleButton showReps = layerToggle("mapLayerReps", "map.layer.reps", Feather.HOME);
    private final ToggleButton showHeat = layerToggle("mapLayerHeat", "map.layer.heat", Feather.SUN);
    private final ToggleButton showTerritories = layerToggle("mapLayerTerritories", "map.territory.layer",
            Feather.LAYERS);
    private final ToggleButton showPain = layerToggle("mapLayerPain", "map.pain.layer", Feather.ACTIVITY);
    private final ToggleButton movePins = layerToggle("mapMovePins", "map.pins.move", Feather.MAP_PIN);
    private final PainPointPanel painPanel;
    private final PinMoves pinMoves;
    private final NeedsLocationLink needsLocation;
    private final Label pinNote = new Label();
    private final ComboBox<DemandKind> heatKind;
    private final ComboBox<HeatPeriod> heatPeriod;
    private final DatePicker heatFrom = new DatePicker();
    private final DatePicker heatTo = new DatePicker();
    private final List<Customer> selected = new ArrayList<>();
    private PinClusters lastShown;
    private int generation;
    private boolean fitted;

    public MapPage(AppContext context, EventBus bus) {
        this.context = context;
        this.bus = bus;
        setId("mapPage");
        getStyleClass().addAll("page", "map-page");
        this.layers = new MapLayerService(context.database(), context.clock(), context.customers(), context.users());
        this.card = new PinCard(bus, context.clock());
        customerLayer = new CustomerPinLayer(map, this::customerClicked);
        leadLayer = new LeadPinLayer(map, this::leadClicked);
        heatLayer = new HeatLayer(map);
        painPanel = new PainPointPanel(context, map);
        pinMoves = new PinMoves(context, pinNote::setText, () -> load(false));
        needsLocation = new NeedsLocationLink(bus);
        PinDrag drag = new PinDrag(map, pinMoves::mayMove, pinMoves::save);
        drag.enabledProperty().bind(movePins.selectedProperty());
        movePins.setTooltip(new Tooltip(I18n.get("map.pins.move.tooltip")));
        customerLayer.setDrag(drag);
        customerLayer.setOnShown(view -> {
            lastShown = view;
            updateStatus();
        });
        heatKind = Pickers.of(List.of(DemandKind.values()), k -> I18n.get("map.heat.kind." + k.name()), null);
        heatKind.setId("mapHeatKind");
        heatKind.setValue(DemandKind.INQUIRIES);
        heatPeriod = Pickers.of(List.of(HeatPeriod.values()), p -> I18n.get("map.heat.period." + p.name()), null);
        heatPeriod.setId("mapHeatPeriod");
        heatPeriod.setValue(HeatPeriod.THIS_WEEK);

        map.setZoom(START_ZOOM);
        map.setCenter(START_LAT, START_LON);
        // Territories and the pain-point choropleth at the bottom, then heat, pins and rep bases on
        // top; each layer is its own class.
        map.addLayer(territoryLayer);
        map.addLayer(painPanel.layer());
        map.addLayer(heatLayer);
        map.addLayer(leadLayer);
        map.addLayer(customerLayer);
        map.addLayer(repLayer);
        // Territory names above every pin, so none hides under a cluster.
        map.addLayer(territoryLayer.labelLayer());

        StackPane host = new StackPane(map);
        host.getStyleClass().add("map-host");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(host.widthProperty());
        clip.heightProperty().bind(host.heightProperty());
        host.setClip(clip);
        // The map gives up height first: the legend's height must not push the selection bar and the
        // window's status line off screen on a short window (the clip hides what does not fit).
        host.setMinSize(0, 0);
        selectionTool = new SelectionTool(map, host, this::select);
        host.getChildren().addAll(selectionTool.overlay(), legend, painPanel);
        StackPane.setAlignment(painPanel, Pos.TOP_LEFT);
        StackPane.setMargin(painPanel, new Insets(12));
        StackPane.setAlignment(legend, Pos.BOTTOM_LEFT);
        StackPane.setMargin(legend, new Insets(12));

        territoryEditor = new TerritoryEditor(context, map, this, host, Boundaries.bundled(), this::loadTerritories,
                territoryLayer::setChosen);
        territoryEditor.setDrawn(territoryLayer::territories);
        surgeBanner = new SurgeBanner(context, codes -> {
            territoryLayer.setSurgeRegions(codes);
            updateLegend();
        });
        bus.subscribe(SurgeAlertsRaised.class, e -> surgeBanner.load());
        selectionBar = new SelectionBar(this::assignOwner, this::addToBoard, createExport(), this::clearSelection);
        status.setId("mapStatus");
        status.getStyleClass().addAll(Styles.TEXT_MUTED, "map-status");

        setTop(new VBox(12, createHeader(), surgeBanner, createToolbar()));
        setCenter(host);
        BorderPane.setMargin(host, new Insets(12, 0, 0, 0));
        pinNote.setId("mapPinsNote");
        pinNote.getStyleClass().addAll(Styles.TEXT_SMALL, "map-status");
        HBox statusLine = new HBox(12, status, needsLocation, pinNote);
        statusLine.setAlignment(Pos.CENTER_LEFT);
        setBottom(new VBox(8, selectionBar, territoryEditor.messageLine(), statusLine));
        BorderPane.setMargin(getBottom(), new Insets(8, 0, 0, 0));
        updateLayers();
        load();
    }

    private HBox createHeader() {
        Label title = new Label(I18n.get("map.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button reload = new Button(I18n.get("map.reload"), new FontIcon(Feather.REFRESH_CW));
        reload.setId("mapReload");
        reload.setOnAction(e -> load());
        HBox header = new HBox(16, title, spacer, reload);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("page-header");
        return header;
    }

    private FlowPane createToolbar() {
        ToggleGroup colourGroup = new ToggleGroup();
        ToggleButton byTier = pill("mapColourTier", I18n.get("map.colour.TIER"), colourGroup, Styles.LEFT_PILL);
        ToggleButton byOwner = pill("mapColourOwner", I18n.get("map.colour.OWNER"), colourGroup, Styles.RIGHT_PILL);
        byTier.setSelected(true);
        byTier.setOnAction(e -> colourBy(ColourBy.TIER, byTier));
        byOwner.setOnAction(e -> colourBy(ColourBy.OWNER, byOwner));
        Label colourLabel = muted(I18n.get("map.colour"));

        ToggleGroup modeGroup = new ToggleGroup();
        ToggleButton pan = pill("mapModePan", null, modeGroup, Styles.LEFT_PILL);
        pan.setGraphic(new FontIcon(Feather.MOVE));
        pan.setTooltip(new Tooltip(I18n.get("map.mode.PAN")));
        ToggleButton rect = pill("mapModeRectangle", null, modeGroup, Styles.CENTER_PILL);
        rect.setGraphic(new FontIcon(Feather.SQUARE));
        rect.setTooltip(new Tooltip(I18n.get("map.mode.RECTANGLE")));
        ToggleButton lasso = pill("mapModeLasso", null, modeGroup, Styles.RIGHT_PILL);
        lasso.setGraphic(new FontIcon(Feather.CIRCLE));
        lasso.setTooltip(new Tooltip(I18n.get("map.mode.LASSO")));
        pan.setSelected(true);
        pan.setOnAction(e -> mode(SelectionTool.Mode.PAN, pan));
        rect.setOnAction(e -> mode(SelectionTool.Mode.RECTANGLE, rect));
        lasso.setOnAction(e -> mode(SelectionTool.Mode.LASSO, lasso));

        for (ToggleButton layer : List.of(showCustomers, showLeads, showReps, showHeat, showTerritories, showPain)) {
            layer.setOnAction(e -> updateLayers());
        }
        showTerritories.setSelected(true);
        showCustomers.setSelected(true);
        showReps.setSelected(true);
        showHeat.setSelected(true);

        heatFrom.setId("mapHeatFrom");
        heatTo.setId("mapHeatTo");
        heatFrom.setPromptText(I18n.get("map.heat.from"));
        heatTo.setPromptText(I18n.get("map.heat.to"));
        heatFrom.setPrefWidth(130);
        heatTo.setPrefWidth(130);
        heatKind.setOnAction(e -> loadHeat());
        heatPeriod.setOnAction(e -> {
            boolean custom = heatPeriod.getValue() == HeatPeriod.CUSTOM;
            heatFrom.setVisible(custom);
            heatFrom.setManaged(custom);
            heatTo.setVisible(custom);
            heatTo.setManaged(custom);
            if (custom && heatFrom.getValue() == null) {
                heatTo.setValue(LocalDate.now(context.clock()));
                heatFrom.setValue(LocalDate.now(context.clock()).minusDays(90));
            }
            loadHeat();
        });
        heatFrom.setOnAction(e -> loadHeat());
        heatTo.setOnAction(e -> loadHeat());
        heatFrom.setVisible(false);
        heatFrom.setManaged(false);
        heatTo.setVisible(false);
        heatTo.setManaged(false);

        HBox colour = group(colourLabel, byTier, byOwner);
        HBox layerToggles = group(muted(I18n.get("map.layers")), showCustomers, showLeads, showReps, showHeat,
                showTerritories, showPain);
        HBox heat = group(muted(I18n.get("map.heat")), heatKind, heatPeriod, heatFrom, heatTo);
        HBox select = group(muted(I18n.get("map.mode")), pan, rect, lasso, movePins);
        FlowPane toolbar = new FlowPane(24, 8, colour, layerToggles, heat, select, territoryEditor.toolbar());
        toolbar.getStyleClass().add("map-toolbar");
        return toolbar;
    }

    private ExportBar createExport() {
        return new ExportBar(context, "mapExportSelection", "map.export", () -> {
            Set<UUID> ids = new HashSet<>();
            selected.forEach(c -> ids.add(c.id()));
            Actor actor = context.currentUser().asActor();
            CustomerExport export = WorkspaceLedgers.customerExport(context);
            return out -> export.export(actor, CustomerQuery.all(), ids, out, ImportMonitor.NONE);
        });
    }

    /** Reads every layer afresh, each in the background; results of an older load are dropped. */
    void load() {
        load(true);
    }

    /** {@link #load()}, centring on the viewer's region or (after a dragged pin) keeping the view. */
    private void load(boolean centre) {
        int loading = ++generation;
        User user = context.currentUser();
        Actor actor = user.asActor();
        status.setText(I18n.get("map.status.loading"));
        if (centre) {
            BackgroundTask.wrap(() -> layers.homeOf(user.orgUnitId()))
                    .onSuccess(home -> {
                        if (loading == generation && !fitted) {
                            home.ifPresent(this::centreOn);
                        }
                    }).executeWith(context.executor());
        }
        BackgroundTask.wrap(() -> layers.customerPins(actor)).onSuccess(pins -> {
            if (loading == generation) {
                showCustomerPins(pins);
            }
        }).executeWith(context.executor());
        BackgroundTask.wrap(() -> layers.leadPins(actor)).onSuccess(pins -> {
            if (loading == generation) {
                leadLayer.setPins(pins);
                updateStatus();
            }
        }).executeWith(context.executor());
        BackgroundTask.wrap(() -> layers.repBases(actor)).onSuccess(bases -> {
            if (loading == generation) {
                repLayer.setBases(bases);
                updateStatus();
            }
        }).executeWith(context.executor());
        loadHeat();
        painPanel.load();
        loadTerritories();
        surgeBanner.load();
    }

    /** Reads the territories and resolves their shapes in the background, for the layer, editor and legend. */
    private void loadTerritories() {
        BackgroundTask.wrap(() -> TerritoryShapes.resolve(context.territories().list(), Boundaries.bundled(),
                context.regions())).onSuccess(drawn -> {
                    territoryLayer.setTerritories(drawn);
                    territoryEditor.setTerritories(drawn.stream().map(TerritoryShapes.Drawn::territory).toList());
                    updateLegend();
                }).executeWith(context.executor());
    }

    private void centreOn(LonLat home) {
        map.setZoom(HOME_ZOOM);
        map.setCenter(home.lat(), home.lon());
    }

    private void showCustomerPins(CustomerPins pins) {
        // A selection survives a reload by id: after a bulk change the same customers stay selected.
        Set<UUID> keep = new HashSet<>();
        selected.forEach(c -> keep.add(c.id()));
        customerLayer.setPins(pins);
        fitOnce(customerLayer.index().bounds());
        selected.clear();
        BitSet bits = new BitSet();
        for (int i = 0; i < pins.size() && !keep.isEmpty(); i++) {
            if (keep.contains(pins.customer(i).id())) {
                bits.set(i);
                selected.add(pins.customer(i));
            }
        }
        customerLayer.setSelection(bits);
        selectionBar.show(selected.size());
        updateLegend();
        updateStatus();
    }

    /** The first time customers arrive, the map frames them all (a reload keeps the view). */
    private void fitOnce(GeoBox bounds) {
        if (fitted || bounds == null) {
            return;
        }
        fitted = true;
        if (map.getWidth() > 0 && map.getHeight() > 0) {
            frame(bounds);
            return;
        }
        // Not laid out yet (the page is being built): frame them once the map has its size.
        map.layoutBoundsProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Bounds> value,
                                Bounds was, Bounds now) {
                if (now.getWidth() > 0 && now.getHeight() > 0) {
                    map.layoutBoundsProperty().removeListener(this);
                    frame(bounds);
                }
            }
        });
    }

    private void frame(GeoBox bounds) {
        map.setZoom(MapViewport.zoomToFit(bounds, map.getWidth() * 0.9, map.getHeight() * 0.9, 12));
        map.setCenter(bounds.centreLat(), bounds.centreLon());
    }

    private void loadHeat() {
        DemandKind kind = heatKind.getValue();
        Instant to;
        Instant from;
        if (heatPeriod.getValue() == HeatPeriod.CUSTOM) {
            LocalDate first = heatFrom.getValue();
            LocalDate last = heatTo.getValue();
            if (first == null || last == null || last.isBefore(first)) {
                status.setText(I18n.get("map.heat.badPeriod"));
                heatLayer.setPoints(null, null, null);
                return;
            }
            from = HeatPeriod.startOf(first, context.clock().getZone());
            to = HeatPeriod.endOf(last, context.clock().getZone());
        } else {
            from = heatPeriod.getValue().from(context.clock());
            to = context.clock().instant();
        }
        Actor actor = context.currentUser().asActor();
        int loading = generation;
        BackgroundTask.wrap(() -> layers.demand(actor, kind, from, to)).onSuccess(points -> {
            if (loading == generation) {
                heatLayer.setPoints(points, from, to);
                updateStatus();
            }
        }).executeWith(context.executor());
    }

    private void customerClicked(int pin, Node node) {
        card.showCustomer(customerLayer.pins().customer(pin), node);
    }

    private void leadClicked(int pin, Node node) {
        card.showLead(leadLayer.pins().lead(pin), node);
    }

    private void colourBy(ColourBy colourBy, ToggleButton button) {
        button.setSelected(true);
        customerLayer.setColourBy(colourBy);
        updateLegend();
    }

    private void mode(SelectionTool.Mode mode, ToggleButton button) {
        button.setSelected(true);
        selectionTool.setMode(mode);
    }

    private void updateLayers() {
        customerLayer.setVisible(showCustomers.isSelected());
        leadLayer.setVisible(showLeads.isSelected());
        repLayer.setVisible(showReps.isSelected());
        heatLayer.setVisible(showHeat.isSelected());
        territoryLayer.setShown(showTerritories.isSelected());
        painPanel.setActive(showPain.isSelected());
        customerLayer.refresh();
        leadLayer.refresh();
        heatLayer.refresh();
        updateLegend();
    }

    private void updateLegend() {
        legend.update(customerLayer.colourBy(), customerLayer.pins(), showCustomers.isSelected(),
                showLeads.isSelected(), showReps.isSelected(), showHeat.isSelected());
        TerritoryLegend.appendTo(legend, territoryLayer.territories(), showTerritories.isSelected(),
                !territoryLayer.surgeRegions().isEmpty());
    }

    private void updateStatus() {
        CustomerPins pins = customerLayer.pins();
        if (pins == null) {
            return;
        }
        PinIndex index = customerLayer.index();
        int shown = lastShown == null ? 0 : lastShown.pinsShown();
        int clustered = lastShown == null ? 0 : lastShown.pinsClustered();
        // The customers without a place are counted by the 待定位 link beside this line.
        String text = I18n.get("map.status.customers", shown, clustered);
        if (leadLayer.pins() != null) {
            text += I18n.get("map.status.leads", leadLayer.pins().leads().size());
        }
        text += I18n.get("map.status.reps", repLayer.size());
        status.setText(text);
        needsLocation.update(pins, index);
    }

    /** A rectangle or lasso was drawn: its customers become the selection. */
    private void select(SelectionTool.Area area) {
        PinIndex index = customerLayer.index();
        if (index == null || !showCustomers.isSelected()) {
            return;
        }
        int[] pins = area.isLasso() ? index.inside(area.lassoLon(), area.lassoLat()) : index.inside(area.box());
        selected.clear();
        BitSet bits = new BitSet();
        for (int pin : pins) {
            bits.set(pin);
            selected.add(customerLayer.pins().customer(pin));
        }
        customerLayer.setSelection(bits);
        selectionBar.show(selected.size());
    }

    private void clearSelection() {
        selected.clear();
        customerLayer.setSelection(new BitSet());
        selectionBar.show(0);
    }

    private void assignOwner() {
        if (selected.isEmpty()) {
            return;
        }
        new AssignOwnerDialog(context, selected).showAndWait().ifPresent(outcome -> {
            selectionBar.showOutcome(describe(outcome));
            load();
        });
    }

    private void addToBoard() {
        if (selected.isEmpty()) {
            return;
        }
        new AddToBoardDialog(context, selected).showAndWait().ifPresent(added -> {
            CustomerTasks tasks = added.tasks();
            String text = I18n.get("map.board.done", tasks.created().size(), added.board().name());
            if (!tasks.alreadyOpen().isEmpty()) {
                text += I18n.get("map.board.alreadyOpen", tasks.alreadyOpen().size());
            }
            if (!tasks.withoutOwner().isEmpty()) {
                text += I18n.get("map.board.withoutOwner", tasks.withoutOwner().size(),
                        tasks.withoutOwner().get(0).name());
            }
            selectionBar.showOutcome(text, () -> bus.publish(new Navigation.OpenTaskBoard(added.board().id())));
        });
    }

    private static String describe(BulkOwnerChange.Outcome outcome) {
        String text = I18n.get("map.assign.done", outcome.transferred(), outcome.awaitingApproval(),
                outcome.unchanged());
        if (!outcome.refused().isEmpty()) {
            BulkOwnerChange.Refusal first = outcome.refused().get(0);
            text += I18n.get("map.assign.refused", outcome.refused().size(), first.customer().name(),
                    I18n.message(first.reason()));
        }
        return text;
    }

    /** The area the map shows now. */
    GeoBox viewport() {
        return MapViewport.of(map);
    }

    MapView mapView() {
        return map;
    }

    /** Points of demand the heat layer counts in the view as last painted. */
    int heatPoints() {
        return heatLayer.grid() == null ? 0 : heatLayer.grid().points();
    }

    TerritoryLayer territoryLayer() {
        return territoryLayer;
    }

    TerritoryEditor territoryEditor() {
        return territoryEditor;
    }

    private static ToggleButton layerToggle(String id, String key, Feather icon) {
        ToggleButton toggle = new ToggleButton(I18n.get(key), new FontIcon(icon));
        toggle.setId(id);
        toggle.setFocusTraversable(false);
        return toggle;
    }

    private static ToggleButton pill(String id, String text, ToggleGroup group, String pillClass) {
        ToggleButton button = new ToggleButton(text);
        button.setId(id);
        button.setToggleGroup(group);
        button.getStyleClass().add(pillClass);
        button.setFocusTraversable(false);
        return button;
    }

    private static HBox group(Node... nodes) {
        HBox box = new HBox(6, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }
}
