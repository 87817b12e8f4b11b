package io.salesdesk.app.map.tiles;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.Workspace;
import io.salesdesk.app.common.I18n;
import io.salesdesk.territory.geo.Boundaries;
import io.salesdesk.territory.geo.TileSettings;
import io.salesdesk.territory.geo.TileSettingsService;

/**
 * The map's tiles for the whole app: where they come from (configured when a workspace opens and
 * when the settings change) and a status for the map's status line. Gluon Maps makes its
 * {@link SalesDeskTileRetriever} through ServiceLoader with no arguments, hence this static holder.
 *
 * <pre>
 * SalesDeskTiles.configure(dataDir, settings);           // the workspace's settings
 * statusLabel.textProperty().bind(Bindings.createStringBinding(
 *         () -&gt; SalesDeskTiles.status().get().text(), SalesDeskTiles.status()));
 * </pre>
 *
 * <p>Tiles load on two threads of their own rather than the app's background executor: Gluon asks
 * for a screenful at once, and a slow tile server would otherwise hold up every other page's work.
 */
public final class SalesDeskTiles {

    private static final Logger LOG = LoggerFactory.getLogger(SalesDeskTiles.class);
    private static final ReadOnlyObjectWrapper<TileStatus> STATUS = new ReadOnlyObjectWrapper<>(TileStatus.OFFLINE);
    private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(2, new TileThreads());

    private static final class Holder {
        static final TileEngine ENGINE = create();
        static final BasemapTiles BASEMAP = new BasemapTiles(() -> new BasemapRenderer(Boundaries.bundled()));

        private static TileEngine create() {
            TileEngine engine = new TileEngine(TileConfig.offline(), EXECUTOR);
            engine.addStatusListener(SalesDeskTiles::showStatus);
            return engine;
        }
    }

    private SalesDeskTiles() {
    }

    /**
     * Uses the workspace's tile settings from the next tile on: the disk cache under
     * {@code dataDir/tiles} ({@code null}: none, tiles are fetched or drawn every time).
     */
    public static void configure(Path dataDir, TileSettings settings) {
        TileConfig config = TileConfig.of(dataDir, settings);
        Holder.ENGINE.configure(config);
        LOG.info("Map tiles: {}", config.online() ? config.urlTemplate() + " as " + config.userAgent()
                : "offline basemap");
    }

    /**
     * Reads the workspace's tile settings in the background and applies them: the app calls this
     * when a workspace opens. With a database server, the cache goes to this computer's data folder.
     */
    public static CompletableFuture<Void> configure(AppContext context) {
        return CompletableFuture.runAsync(() -> {
            Path dataDir = context.dataDir() != null ? context.dataDir() : Workspace.dataDir(null, System.getenv());
            configure(dataDir, new TileSettingsService(context.database()).settings());
            // The drawn basemap needs the bundled boundaries; reading them now, on a tile thread,
            // lets the map open on its basemap at once instead of after the first tile's wait.
            EXECUTOR.execute(Boundaries::bundled);
        }, context.executor()).exceptionally(e -> {
            LOG.warn("Map tile settings could not be read; the map draws its own basemap", e);
            return null;
        });
    }

    /** How the map gets its tiles now; changes on the FX thread. */
    public static ReadOnlyObjectProperty<TileStatus> status() {
        Holder.ENGINE.status(); // makes the engine, so the status is the configured one
        return STATUS.getReadOnlyProperty();
    }

    /**
     * The credit the map must show in a corner for its background: the OpenStreetMap credit when
     * its tiles come from an openstreetmap.org server, the boundary data's when the map draws its
     * own basemap, else empty (an organisation's own server: its provider's terms say what to show).
     */
    public static String attribution() {
        TileConfig config = Holder.ENGINE.config();
        if (!config.online()) {
            return I18n.get("map.tiles.attribution.basemap");
        }
        return config.urlTemplate().toLowerCase(Locale.ROOT).contains("openstreetmap")
                ? "© OpenStreetMap contributors" : "";
    }

    /** Deletes this computer's cached tiles, off the FX thread. */
    public static CompletableFuture<Void> clearCache() {
        return Holder.ENGINE.clearCache();
    }

    /** The bytes of cached tiles on this computer (reads the disk: call off the FX thread). */
    public static long cacheSize() {
        return Holder.ENGINE.cacheSize();
    }

    static TileEngine engine() {
        return Holder.ENGINE;
    }

    static BasemapTiles basemap() {
        return Holder.BASEMAP;
    }

    private static void showStatus(TileStatus now) {
        try {
            Platform.runLater(() -> STATUS.set(now));
        } catch (IllegalStateException e) {
            STATUS.set(now); // no FX toolkit (the command line): nobody is watching
        }
    }

    /** Daemon threads, so an open map never keeps the app from exiting. */
    private static final class TileThreads implements java.util.concurrent.ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "salesdesk-tiles-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
