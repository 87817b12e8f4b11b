package io.salesdesk.territory.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Longitude/latitude ↔ tile pixels, as tile servers number them. */
class WebMercatorTest {

    @ParameterizedTest(name = "{0},{1} at z{2}")
    @CsvSource(textBlock = """
            120.15,  30.27,  7
            116.40,  39.91, 12
            -74.0,   40.7,   3
            0.0,     0.0,    0
            179.9,  -84.9,  18
            """)
    void aPointComesBackFromItsPixel(double lon, double lat, int zoom) {
        double x = WebMercator.x(lon, zoom);
        double y = WebMercator.y(lat, zoom);
        assertThat(WebMercator.lon(x, zoom)).isCloseTo(lon, within(1e-9));
        assertThat(WebMercator.lat(y, zoom)).isCloseTo(lat, within(1e-9));
    }

    @Test
    void hangzhouLiesInTheTileOsmNumbersForIt() {
        // https://tile.openstreetmap.org/7/106/52.png shows the Yangtze delta with Hangzhou.
        assertThat(WebMercator.tileX(120.15, 7)).isEqualTo(106);
        assertThat(WebMercator.tileY(30.27, 7)).isEqualTo(52);
        GeoBox box = WebMercator.tileBox(7, 106, 52);
        assertThat(box.contains(120.15, 30.27)).isTrue();
        assertThat(box.maxLon() - box.minLon()).isCloseTo(360.0 / 128, within(1e-9));
    }

    @Test
    void theWorldIsSquareAndTheEquatorInTheMiddle() {
        assertThat(WebMercator.worldSize(2)).isEqualTo(1024);
        assertThat(WebMercator.y(0, 2)).isCloseTo(512, within(1e-9));
        assertThat(WebMercator.y(WebMercator.MAX_LATITUDE, 2)).isCloseTo(0, within(1e-6));
        assertThat(WebMercator.y(90, 2)).isCloseTo(0, within(1e-6));
    }
}
