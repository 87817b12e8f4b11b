package io.salesdesk.app.map.tiles;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where each tile the map asks for comes from: the disk cache, the tile server, or the
 * basemap the app draws itself. Only the tiles asked for are fetched (never a prefetch: public tile
 * servers forbid bulk downloads); a host that refused or failed is left alone for a while, and the
 * status says so. Free of JavaFX, so it is tested with plain JUnit.
 */
final class TileEngine {

    private static final Logger LOG = LoggerFactory.getLogger(TileEngine.class);

    /** Where a tile came from. */
    enum Origin {
        NETWORK, DISK, BASEMAP
    }

    /**
     * One answered tile.
     *
     * @param origin where it came from
     * @param image  the picture; {@code null} for {@link Origin#BASEMAP}, which the caller draws
     */
    record Tile(Origin origin, BufferedImage image) {

        static final Tile BASEMAP = new Tile(Origin.BASEMAP, null);
    }

    /** One configuration with the cache, fetcher and backoff made for it. */
    private record Setup(TileConfig config, TileDiskCache cache, TileFetcher fetcher, HostBackoff backoff) {
    }

    private final Executor executor;
    private final List<Consumer<TileStatus>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<Tile>> inFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean evicting = new AtomicBoolean();
    private volatile Setup setup;
    private volatile TileStatus status = TileStatus.OFFLINE;

    TileEngine(TileConfig config, Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        configure(config);
    }

    /**
     * Uses another configuration from the next tile on. The cache is checked against the server in
     * the background (another server's tiles are cleared) and trimmed to its limit.
     */
    void configure(TileConfig config) {
        TileDiskCache cache = config.cacheDir() == null ? null
                : new TileDiskCache(config.cacheDir(), config.cacheLimitBytes(), config.clock());
        setup = new Setup(config, cache, new TileFetcher(config), new HostBackoff(config.clock()));
        publish(config.online() ? TileStatus.ONLINE : TileStatus.OFFLINE);
        if (cache != null && config.online()) {
            executor.execute(() -> {
                cache.useSource(config.urlTemplate());
                trim(cache);
            });
        }
    }

    TileConfig config() {
        return setup.config();
    }

    boolean online() {
        return setup.config().online();
    }

    TileStatus status() {
        return status;
    }

    void addStatusListener(Consumer<TileStatus> listener) {
        listeners.add(listener);
    }

    /** The tile, found off the calling thread; the same tile asked twice at once is loaded once. */
    CompletableFuture<Tile> tile(int zoom, long x, long y) {
        String key = zoom + "/" + x + "/" + y;
        CompletableFuture<Tile> running = inFlight.get(key);
        if (running != null) {
            return running;
        }
        CompletableFuture<Tile> started = new CompletableFuture<>();
        running = inFlight.putIfAbsent(key, started);
        if (running != null) {
            return running;
        }
        executor.execute(() -> {
            try {
                started.complete(load(zoom, x, y));
            } catch (RuntimeException e) {
                LOG.warn("Tile {} failed; drawing the basemap", key, e);
                started.complete(Tile.BASEMAP);
            } finally {
                inFlight.remove(key);
            }
        });
        return started;
    }

    /** Finds the tile on the calling thread. */
    Tile load(int zoom, long x, long y) {
        Setup s = setup;
        long tiles = 1L << zoom;
        if (zoom < 0 || zoom > 22 || x < 0 || y < 0 || x >= tiles || y >= tiles || !s.config().online()) {
            return Tile.BASEMAP;
        }
        if (s.cache() != null) {
            BufferedImage cached = s.cache().read(zoom, x, y).orElse(null);
            if (cached != null) {
                return new Tile(Origin.DISK, cached);
            }
        }
        URI uri;
        try {
            uri = new URI(s.config().url(zoom, x, y));
        } catch (URISyntaxException e) {
            LOG.warn("The tile address {} is not valid: {}", s.config().url(zoom, x, y), e.getMessage());
            return Tile.BASEMAP;
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        HostBackoff.Pause pause = s.backoff().pausing(host).orElse(null);
        if (pause != null) {
            publish(TileStatus.backingOff(pause.reason(), pause.httpStatus(), pause.until()));
            return Tile.BASEMAP;
        }
        TileFetcher.Answer answer = s.fetcher().fetch(uri);
        if (answer instanceof TileFetcher.Fetched fetched) {
            BufferedImage image = TileDiskCache.decode(fetched.bytes());
            if (image != null) {
                s.backoff().succeeded(host);
                publish(TileStatus.ONLINE);
                if (s.cache() != null) {
                    s.cache().write(zoom, x, y, fetched.bytes());
                    trimLater(s.cache());
                }
                return new Tile(Origin.NETWORK, image);
            }
            answer = new TileFetcher.Failed(TileStatus.Reason.SERVER_ERROR, 200, null);
        }
        if (answer instanceof TileFetcher.Failed failed) {
            HostBackoff.Pause started = s.backoff().failed(host, failed.reason(), failed.httpStatus(), failed.retryAfter());
            LOG.info("Tile server {} answered {} ({}); asking again after {}", host, failed.httpStatus(), failed.reason(),
                    started.until());
            publish(TileStatus.backingOff(failed.reason(), failed.httpStatus(), started.until()));
        }
        return Tile.BASEMAP;
    }

    /** Deletes the cached tiles of this computer, off the calling thread. */
    CompletableFuture<Void> clearCache() {
        TileDiskCache cache = setup.cache();
        return cache == null ? CompletableFuture.completedFuture(null) : CompletableFuture.runAsync(cache::clear, executor);
    }

    /** The bytes the disk cache holds now (reads the disk on first use). */
    long cacheSize() {
        TileDiskCache cache = setup.cache();
        return cache == null ? 0 : cache.size();
    }

    private void trimLater(TileDiskCache cache) {
        if (cache.overLimit() && evicting.compareAndSet(false, true)) {
            executor.execute(() -> trim(cache));
        }
    }

    private void trim(TileDiskCache cache) {
        try {
            if (cache.overLimit()) {
                cache.evict();
            }
        } finally {
            evicting.set(false);
        }
    }

    private void publish(TileStatus now) {
        if (!now.equals(status)) {
            status = now;
            listeners.forEach(l -> l.accept(now));
        }
    }
}
