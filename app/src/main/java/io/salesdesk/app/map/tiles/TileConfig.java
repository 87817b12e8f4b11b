package io.salesdesk.app.map.tiles;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import io.salesdesk.territory.geo.TileSettings;

/**
 * Everything the tile retriever needs, fixed for one workspace: the settings turned into a cache
 * folder, a User-Agent and timeouts.
 *
 * @param cacheDir      where viewed tiles are kept ({@code tiles/z/x/y.png}); {@code null} = no disk cache
 * @param urlTemplate   the tile server's template; empty = offline basemap, no network at all
 * @param userAgent     sent with every request
 * @param cacheLimitBytes how many bytes the disk cache may hold
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout   how long to wait for a whole tile
 * @param clock         time for the backoff and the cache's access times
 */
public record TileConfig(Path cacheDir, String urlTemplate, String userAgent, long cacheLimitBytes,
                         Duration connectTimeout, Duration readTimeout, Clock clock) {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(4);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(8);

    public TileConfig {
        urlTemplate = urlTemplate == null ? "" : urlTemplate.strip();
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(clock, "clock");
    }

    /** Offline basemap without a disk cache: what the map uses before a workspace is open. */
    static TileConfig offline() {
        return new TileConfig(null, "", userAgent(""), TileSettings.DEFAULTS.cacheLimitBytes(), CONNECT_TIMEOUT,
                READ_TIMEOUT, Clock.systemUTC());
    }

    /** The configuration of a workspace whose data folder is {@code dataDir}. */
    public static TileConfig of(Path dataDir, TileSettings settings) {
        return new TileConfig(dataDir == null ? null : dataDir.resolve("tiles"), settings.urlTemplate(),
                userAgent(settings.contact()), settings.cacheLimitBytes(), CONNECT_TIMEOUT, READ_TIMEOUT,
                Clock.systemUTC());
    }

    /** "SalesDesk/0.1.0 (+it@example.com)", as tile usage policies ask: who runs it and how to reach them. */
    static String userAgent(String contact) {
        String version = TileConfig.class.getPackage().getImplementationVersion();
        String product = "SalesDesk/" + (version == null ? "development" : version);
        return contact == null || contact.isBlank() ? product : product + " (+" + contact.strip() + ")";
    }

    /** Whether tiles are fetched at all. */
    boolean online() {
        return !urlTemplate.isEmpty();
    }

    /** The tile's address: {z}, {x}, {y} filled in, {s} one of a, b, c spread over the tiles. */
    String url(int zoom, long x, long y) {
        return urlTemplate.replace("{z}", Integer.toString(zoom)).replace("{x}", Long.toString(x))
                .replace("{y}", Long.toString(y)).replace("{s}", String.valueOf("abc".charAt((int) ((x + y) % 3))));
    }
}
