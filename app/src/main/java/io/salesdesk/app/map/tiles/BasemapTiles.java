package io.salesdesk.app.map.tiles;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;

/**
 * The self-drawn basemap tiles as JavaFX images, the most recently used ones kept in memory
 * (256 KB each), so panning back and forth does not draw them again.
 */
final class BasemapTiles {

    static final int KEPT = 160;

    private final Supplier<BasemapRenderer> makeRenderer;
    private BasemapRenderer renderer;
    private final Map<Long, Image> recent = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Image> eldest) {
            return size() > KEPT;
        }
    };

    /** The renderer is made on first drawing (it reads the boundaries), never on the FX thread. */
    BasemapTiles(Supplier<BasemapRenderer> makeRenderer) {
        this.makeRenderer = makeRenderer;
    }

    private synchronized BasemapRenderer renderer() {
        if (renderer == null) {
            renderer = makeRenderer.get();
        }
        return renderer;
    }

    /** The tile if it is in memory, else {@code null}; cheap enough for the FX thread. */
    Image cached(int zoom, long x, long y) {
        synchronized (recent) {
            return recent.get(key(zoom, x, y));
        }
    }

    /** The tile, drawn now if it is not in memory: call off the FX thread. */
    Image image(int zoom, long x, long y) {
        Image cached = cached(zoom, x, y);
        if (cached != null) {
            return cached;
        }
        Image drawn = SwingFXUtils.toFXImage(renderer().render(zoom, x, y), null);
        synchronized (recent) {
            recent.put(key(zoom, x, y), drawn);
        }
        return drawn;
    }

    private static long key(int zoom, long x, long y) {
        // x and y are below 2^zoom ≤ 2^22: 5 bits of zoom and 29 bits each fit a long.
        return ((long) zoom << 58) | (x << 29) | y;
    }
}
