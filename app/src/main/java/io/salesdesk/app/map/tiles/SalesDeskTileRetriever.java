package io.salesdesk.app.map.tiles;

import java.util.concurrent.CompletableFuture;

import com.gluonhq.maps.tile.TileRetriever;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;

/**
 * The tiles of every Gluon {@code MapView}, registered in
 * {@code META-INF/services/com.gluonhq.maps.tile.TileRetriever}. Gluon makes it once, with no
 * arguments, and calls it on the FX thread: it hands the work to {@link SalesDeskTiles}, whose
 * configuration the app sets when a workspace opens.
 */
public final class SalesDeskTileRetriever implements TileRetriever {

    @Override
    public CompletableFuture<Image> loadTile(int zoom, long i, long j) {
        TileEngine engine = SalesDeskTiles.engine();
        BasemapTiles basemap = SalesDeskTiles.basemap();
        if (!engine.online()) {
            Image drawn = basemap.cached(zoom, i, j);
            if (drawn != null) {
                return CompletableFuture.completedFuture(drawn);
            }
        }
        return engine.tile(zoom, i, j).thenApply(tile -> tile.origin() == TileEngine.Origin.BASEMAP
                ? basemap.image(zoom, i, j)
                : SwingFXUtils.toFXImage(tile.image(), null));
    }
}
