package io.salesdesk.territory.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled boundaries: what they hold and which region a point falls in. */
class BoundariesTest {

    private final Boundaries boundaries = Boundaries.bundled();

    @Test
    void theBundledFilesHoldEveryProvinceTheCitiesAndTheOutline() {
        assertThat(boundaries.provinces()).hasSize(34);
        assertThat(boundaries.cities()).hasSizeGreaterThan(360);
        assertThat(boundaries.outline()).singleElement().extracting(RegionShape::code).isEqualTo("100000");
        RegionShape hangzhou = boundaries.byCode("330100").orElseThrow();
        assertThat(hangzhou.name()).isEqualTo("杭州");
        assertThat(hangzhou.level()).isEqualTo(BoundaryLevel.CITY);
        assertThat(hangzhou.box().contains(hangzhou.labelLon(), hangzhou.labelLat())).isTrue();
        assertThat(boundaries.byCode("330000").orElseThrow().name()).isEqualTo("浙江");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            杭州 西湖,       120.13, 30.26, 330100
            上海 人民广场,    121.47, 31.23, 310000
            北京 天安门,      116.40, 39.91, 110000
            广州 天河,        113.33, 23.14, 440100
            乌鲁木齐,         87.62,  43.82, 650100
            海口,            110.33, 20.03, 460100
            """)
    void aPointFallsInItsCityOrMunicipality(String place, double lon, double lat, String code) {
        assertThat(boundaries.regionAt(lon, lat)).map(RegionShape::code).contains(code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            东海,       125.0, 29.0
            东京,       139.69, 35.69
            首尔,       126.98, 37.57
            """)
    void aPointAtSeaOrAbroadFallsInNoRegion(String place, double lon, double lat) {
        assertThat(boundaries.regionAt(lon, lat)).isEmpty();
    }

    @Test
    void aTileOverZhejiangMeetsItsCitiesAndNotXinjiang() {
        GeoBox tile = WebMercator.tileBox(7, WebMercator.tileX(120.15, 7), WebMercator.tileY(30.27, 7));
        assertThat(boundaries.intersecting(BoundaryLevel.CITY, tile)).extracting(RegionShape::code)
                .contains("330100", "330500", "320500").doesNotContain("650100");
    }
}
