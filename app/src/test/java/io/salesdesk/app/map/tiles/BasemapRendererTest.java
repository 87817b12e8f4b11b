package io.salesdesk.app.map.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.salesdesk.territory.geo.Boundaries;
import io.salesdesk.territory.geo.WebMercator;

/** The basemap the app draws itself when no tile can be had. */
class BasemapRendererTest {

    private static final BasemapRenderer RENDERER = new BasemapRenderer(Boundaries.bundled());

    @Test
    void aTileOverHangzhouAtZoom7ShowsLandBordersAndNames() throws IOException {
        long x = WebMercator.tileX(120.15, 7);
        long y = WebMercator.tileY(30.27, 7);
        BufferedImage tile = RENDERER.render(7, x, y);
        keepForALook(tile, "basemap-7-" + x + "-" + y + ".png");

        assertThat(tile.getWidth()).isEqualTo(256);
        PixelCounts counts = PixelCounts.of(tile);
        assertThat(counts.land).as("land pixels").isGreaterThan(20_000);
        assertThat(counts.borders).as("border and text pixels").isGreaterThan(800);
        assertThat(counts.dark).as("dark text pixels of the city names").isGreaterThan(100);
    }

    @Test
    void aTileOfOpenSeaIsAllSea() {
        // Zoom 7 over the Pacific, east of Japan.
        BufferedImage tile = RENDERER.render(7, WebMercator.tileX(160, 7), WebMercator.tileY(30, 7));
        PixelCounts counts = PixelCounts.of(tile);
        assertThat(counts.sea).isEqualTo(256 * 256);
    }

    @Test
    void theWholeCountryAndAStreetLevelTileAreDrawnToo() throws IOException {
        BufferedImage country = RENDERER.render(3, 6, 3);
        keepForALook(country, "basemap-3-6-3.png");
        assertThat(PixelCounts.of(country).land).isGreaterThan(5_000);
        assertThat(PixelCounts.of(country).sea).as("the South China Sea and the Pacific").isGreaterThan(20_000);
        // Zoom 14 inside Hangzhou: land with perhaps a border, drawn without tracing the whole country.
        BufferedImage street = RENDERER.render(14, WebMercator.tileX(120.15, 14), WebMercator.tileY(30.27, 14));
        assertThat(PixelCounts.of(street).land).isGreaterThan(30_000);
    }

    private static void keepForALook(BufferedImage tile, String name) throws IOException {
        Path dir = Path.of("target", "basemap");
        Files.createDirectories(dir);
        ImageIO.write(tile, "png", dir.resolve(name).toFile());
    }

    private static final class PixelCounts {
        int land;
        int sea;
        int borders;
        int dark;

        static PixelCounts of(BufferedImage image) {
            PixelCounts c = new PixelCounts();
            int landRgb = BasemapRenderer.LAND.getRGB() & 0xFFFFFF;
            int seaRgb = BasemapRenderer.SEA.getRGB() & 0xFFFFFF;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y) & 0xFFFFFF;
                    if (rgb == landRgb) {
                        c.land++;
                    } else if (rgb == seaRgb) {
                        c.sea++;
                    } else {
                        c.borders++;
                        int r = rgb >> 16 & 0xFF;
                        int g = rgb >> 8 & 0xFF;
                        int b = rgb & 0xFF;
                        if (r + g + b < 3 * 110) {
                            c.dark++;
                        }
                    }
                }
            }
            return c;
        }
    }
}
