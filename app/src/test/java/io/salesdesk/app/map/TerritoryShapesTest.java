package io.salesdesk.app.map;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.territory.geo.Boundaries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which bundled shape the territory layer draws for a region code, and whether whole or in part. */
class TerritoryShapesTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            # code,  shape drawn, partial
            330000,  330000,      false
            330100,  330100,      false
            330106,  330100,      true
            310000,  310000,      false
            310115,  310000,      true
            440305,  440300,      true
            """)
    void aRegionIsDrawnWithItsOwnShapeElseItsCitysElseItsProvincesInPart(String code, String shape,
                                                                         boolean partial) {
        TerritoryShapes.Part part = TerritoryShapes.partOf(code, Boundaries.bundled()).orElseThrow();

        assertThat(part.shape().code()).isEqualTo(shape);
        assertThat(part.partial()).isEqualTo(partial);
    }

    @ParameterizedTest
    @CsvSource({"12345", "abcdef", "990000"})
    void aCodeWithoutAnyShapeDrawsNothing(String code) {
        assertThat(TerritoryShapes.partOf(code, Boundaries.bundled())).isEmpty();
    }
}
