package io.salesdesk.app.map;

import atlantafx.base.theme.Styles;
import com.gluonhq.maps.MapView;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.I18n;
import io.salesdesk.core.Actor;
import io.salesdesk.territory.geo.Boundaries;
import io.salesdesk.territory.geo.BoundaryLevel;
import io.salesdesk.territory.pain.ChoroplethClasses;
import io.salesdesk.territory.pain.PainPoints;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The panel of the 技术痛点 / pain-point layer: which tag the map counts, the legend of its classes
 * and the region last clicked. Reads the per-region tag counts in the background and hands the
 * layer the counts of the chosen tag per province and per city.
 */
final class PainPointPanel extends VBox {

    private final AppContext context;
    private final PainPointLayer layer;
    private final ComboBox<String> tag = new ComboBox<>();
    private final VBox classes = new VBox(4);
    private final Label picked = new Label();
    private final Label empty = new Label(I18n.get("map.pain.noTags"));
    private Boundaries boundaries;
    private PainPoints data;

    PainPointPanel(AppContext context, MapView map) {
        super(8);
        this.context = context;
        this.layer = new PainPointLayer(map, (name, count) -> picked.setText(I18n.get("map.pain.region", name,
                count)), this::updateLegend);
        setId("mapPainPanel");
        getStyleClass().addAll("map-legend", "map-pain-panel");
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        Label title = new Label(I18n.get("map.pain.title"));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        tag.setId("mapPainTag");
        tag.setPromptText(I18n.get("map.pain.tag.prompt"));
        tag.setOnAction(e -> showTag());
        picked.setId("mapPainPicked");
        picked.getStyleClass().add(Styles.TEXT_SMALL);
        empty.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        empty.setWrapText(true);
        empty.setMaxWidth(200);
        getChildren().addAll(title, tag, empty, classes, picked);
        setActive(false);
    }

    PainPointLayer layer() {
        return layer;
    }

    /** Shows or hides the layer and this panel; the first showing reads the data. */
    void setActive(boolean active) {
        setVisible(active);
        setManaged(active);
        layer.setVisible(active);
        if (active && data == null) {
            load();
        }
        layer.redraw();
    }

    /** Reads the tag counts afresh (after a reload of the map). */
    void load() {
        if (!isVisible()) {
            data = null;
            return;
        }
        Actor actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> {
            Boundaries shapes = Boundaries.bundled();
            return new Loaded(shapes, PainPoints.of(context.customerLocations().tagCountsByRegion(actor)));
        }).onSuccess(loaded -> {
            boundaries = loaded.boundaries();
            data = loaded.data();
            String before = tag.getValue();
            tag.getItems().setAll(data.tags());
            empty.setVisible(data.tags().isEmpty());
            empty.setManaged(data.tags().isEmpty());
            boolean keep = before != null && data.tags().contains(before);
            tag.setValue(keep ? before : data.tags().isEmpty() ? null : data.tags().get(0));
            showTag();
        }).executeWith(context.executor());
    }

    private record Loaded(Boundaries boundaries, PainPoints data) {
    }

    private void showTag() {
        if (data == null || boundaries == null) {
            return;
        }
        String chosen = tag.getValue();
        picked.setText("");
        if (chosen == null) {
            layer.show(boundaries, Map.of(), Map.of());
        } else {
            layer.show(boundaries,
                    data.byRegion(chosen, BoundaryLevel.PROVINCE, code -> boundaries.byCode(code).isPresent()),
                    data.byRegion(chosen, BoundaryLevel.CITY, code -> boundaries.byCode(code).filter(
                            s -> s.level() == BoundaryLevel.CITY).isPresent()));
        }
        updateLegend();
    }

    private void updateLegend() {
        classes.getChildren().clear();
        ChoroplethClasses shown = layer.classes();
        List<ChoroplethClasses.Range> ranges = shown.ranges();
        if (ranges.isEmpty()) {
            return;
        }
        Label heading = new Label(I18n.get(layer.level() == BoundaryLevel.CITY ? "map.pain.byCity"
                : "map.pain.byProvince"));
        heading.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        classes.getChildren().add(heading);
        for (int i = 0; i < ranges.size(); i++) {
            Rectangle swatch = new Rectangle(16, 12);
            swatch.getStyleClass().addAll("map-pain-swatch", "map-pain-class-" + i);
            Label label = new Label(I18n.get("map.pain.class", ranges.get(i).label()));
            label.getStyleClass().add(Styles.TEXT_SMALL);
            HBox row = new HBox(6, swatch, label);
            row.getStyleClass().add("map-pain-legend-row");
            classes.getChildren().add(row);
        }
    }
}
