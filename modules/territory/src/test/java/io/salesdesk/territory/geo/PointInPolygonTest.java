package io.salesdesk.territory.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PointInPolygonTest {

    /** An L-shaped ring: the square 0..2 × 0..2 without its north-east quarter. */
    private static final double[] L_SHAPE = {0, 0, 2, 0, 2, 1, 1, 1, 1, 2, 0, 2};

    @ParameterizedTest
    @CsvSource(textBlock = """
            0.5, 0.5, true
            1.5, 0.5, true
            0.5, 1.5, true
            1.5, 1.5, false
            -0.1, 0.5, false
            2.5, 0.5, false
            0.5, 2.5, false
            """)
    void aPointIsInsideTheRingOnlyWhereTheShapeIs(double lon, double lat, boolean inside) {
        assertThat(PointInPolygon.contains(L_SHAPE, lon, lat)).isEqualTo(inside);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0.5, 0.5, true
            2.0, 2.0, false
            """)
    void aRingThatRepeatsItsFirstPointAtTheEndGivesTheSameAnswer(double lon, double lat, boolean inside) {
        double[] closed = {0, 0, 3, 0, 3, 1, 0, 1, 0, 0};
        assertThat(PointInPolygon.contains(closed, lon, lat)).isEqualTo(inside);
    }
}
