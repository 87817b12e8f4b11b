package io.salesdesk.app.settings;

import java.util.Locale;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.map.tiles.SalesDeskTiles;
import io.salesdesk.core.ValidationException;
import io.salesdesk.territory.geo.TileSettings;
import io.salesdesk.territory.geo.TileSettingsService;

/**
 * 地图 / Map: the organisation's tile server (empty: the map draws its own basemap and never goes
 * online), the contact sent with each request, how much this computer caches, and clearing that
 * cache. Company-wide roles edit the server; everyone may clear their own cache.
 */
final class MapTilesSection extends VBox {

    private final AppContext context;
    private final TileSettingsService service;
    private final TextField template = new TextField();
    private final TextField contact = new TextField();
    private final Spinner<Integer> cacheLimit = Spinners.whole("mapTileCacheLimit", TileSettings.MIN_CACHE_MB,
            TileSettings.MAX_CACHE_MB, TileSettings.DEFAULTS.cacheLimitMb());
    private final Label cacheUsed = new Label();
    private final Label status = new Label();

    MapTilesSection(AppContext context) {
        this.context = context;
        this.service = new TileSettingsService(context.database());
        setId("mapTilesSection");
        template.setId("mapTileTemplate");
        template.setPromptText("https://tiles.example.com/{z}/{x}/{y}.png");
        template.setPrefColumnCount(40);
        contact.setId("mapTileContact");
        contact.setPromptText(I18n.get("map.tiles.contact.prompt"));
        Label note = new Label(I18n.get("map.tiles.template.note"));
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        note.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        grid.addRow(0, caption("map.tiles.template"), template);
        grid.add(note, 1, 1);
        grid.addRow(2, caption("map.tiles.contact"), contact);
        grid.addRow(3, caption("map.tiles.cacheLimit"), cacheLimit);
        GridPane.setHgrow(template, Priority.ALWAYS);

        Button clear = new Button(I18n.get("map.tiles.clearCache"));
        clear.setId("clearTileCache");
        clear.setOnAction(e -> clearCache());
        cacheUsed.setId("tileCacheUsed");
        cacheUsed.getStyleClass().add(Styles.TEXT_MUTED);
        HBox cache = new HBox(12, clear, cacheUsed);
        cache.setAlignment(Pos.CENTER_LEFT);

        Button save = new Button(I18n.get("leadRules.save"));
        save.setId("saveMapTiles");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> save());
        status.setId("mapTilesStatus");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.setWrapText(true);
        HBox actions = new HBox(12, status, save);
        actions.setAlignment(Pos.CENTER_RIGHT);

        boolean mayEdit = context.currentUser().role().seesEverything();
        template.setDisable(!mayEdit);
        contact.setDisable(!mayEdit);
        cacheLimit.setDisable(!mayEdit);
        save.setDisable(!mayEdit);
        SettingsPage.fillSection(this, I18n.get("map.tiles.title"), I18n.get("map.tiles.hint"), grid, cache, actions);
        BackgroundTask.wrap(service::settings).onSuccess(this::show).executeWith(context.executor());
        showCacheSize();
    }

    private void show(TileSettings settings) {
        template.setText(settings.urlTemplate());
        contact.setText(settings.contact());
        cacheLimit.getValueFactory().setValue(settings.cacheLimitMb());
    }

    private void save() {
        status.setText("");
        TileSettings edited = new TileSettings(template.getText(), contact.getText(), Spinners.value(cacheLimit));
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> service.save(actor, edited))
                .onSuccess(done -> {
                    status.setText(I18n.get("map.tiles.saved"));
                    SalesDeskTiles.configure(context).thenRun(this::showCacheSize);
                })
                .onFailure(error -> {
                    if (error instanceof ValidationException validation) {
                        status.setText(validation.problems().stream()
                                .map(p -> I18n.get(p.messageKey(), p.arguments().toArray()))
                                .reduce((a, b) -> a + "\n" + b).orElse(""));
                    } else {
                        ErrorDialogs.show(error);
                    }
                })
                .executeWith(context.executor());
    }

    private void clearCache() {
        status.setText("");
        BackgroundTask.wrap(() -> SalesDeskTiles.clearCache().join())
                .onSuccess(done -> {
                    status.setText(I18n.get("map.tiles.cacheCleared"));
                    showCacheSize();
                })
                .executeWith(context.executor());
    }

    private void showCacheSize() {
        BackgroundTask.wrap(SalesDeskTiles::cacheSize)
                .onSuccess(bytes -> cacheUsed.setText(I18n.get("map.tiles.cacheUsed",
                        String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0)))))
                .executeWith(context.executor());
    }

    /** A row's label, never squeezed to "…" by the wide field beside it. */
    private static Label caption(String key) {
        Label label = new Label(I18n.get(key));
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
