package io.salesdesk.app.map.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import com.gluonhq.maps.MapView;
import com.gluonhq.maps.tile.TileRetrieverProvider;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.salesdesk.app.UiTestWorkspace;

/** A Gluon MapView with no tile server set shows the basemap SalesDesk draws itself. */
@ExtendWith(ApplicationExtension.class)
class SalesDeskTileRetrieverUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @Start
    void start(Stage stage) {
        MapView map = new MapView();
        map.setZoom(7);
        map.setCenter(30.27, 120.15);
        stage.setScene(new Scene(map, 640, 480));
        stage.show();
    }

    @Test
    void gluonMapsAsksSalesDeskForItsTilesAndGetsTheDrawnBasemapOffline() throws Exception {
        assertThat(TileRetrieverProvider.getInstance().load()).isInstanceOf(SalesDeskTileRetriever.class);
        assertThat(SalesDeskTiles.engine().online()).isFalse();
        // The tile under Hangzhou at zoom 7 is drawn and kept in memory once the map asked for it.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> SalesDeskTiles.basemap().cached(7, 106, 52) != null);
        assertThat(SalesDeskTiles.basemap().cached(7, 106, 52).getWidth()).isEqualTo(256);
    }
}
