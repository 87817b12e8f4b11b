package io.salesdesk.territory.heat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.salesdesk.territory.cluster.GeoBox;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HeatPointsTest {

    private static final GeoBox EAST_CHINA = new GeoBox(116, 27, 123, 35.5);
    private static final long DAY = 86_400;
    private static final long NOW = 1_795_000_000L;

    @Test
    void theGridSumsTheWeightsOfThePointsInThePeriodAndTheView() {
        SplittableRandom random = new SplittableRandom(1);
        int n = 10_000;
        double[] lon = new double[n];
        double[] lat = new double[n];
        double[] weight = new double[n];
        long[] time = new long[n];
        double expected = 0;
        int expectedPoints = 0;
        GeoBox view = new GeoBox(119, 29, 122, 32);
        for (int i = 0; i < n; i++) {
            lon[i] = 117 + random.nextDouble() * 5;
            lat[i] = 28 + random.nextDouble() * 6;
            weight[i] = 1 + random.nextInt(3);
            time[i] = NOW - random.nextLong(60 * DAY);
            if (view.contains(lon[i], lat[i]) && time[i] >= NOW - 30 * DAY && time[i] < NOW) {
                expected += weight[i];
                expectedPoints++;
            }
        }
        HeatPoints heat = HeatPoints.of(lon, lat, weight, time);

        HeatGrid grid = heat.grid(8, view, NOW - 30 * DAY, NOW);

        double sum = 0;
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.columns(); c++) {
                sum += grid.value(c, r);
            }
        }
        assertThat(sum).isCloseTo(expected, within(1e-6));
        assertThat(grid.total()).isCloseTo(expected, within(1e-6));
        assertThat(grid.points()).isEqualTo(expectedPoints);
    }

    @Test
    void theHottestCellHasIntensityOneAndOthersTheirShare() {
        double[] lon = {121.47, 121.4701, 121.4702, 120.15};
        double[] lat = {31.23, 31.2301, 31.2302, 30.28};
        HeatPoints heat = HeatPoints.of(lon, lat, new double[] {1, 1, 2, 1}, new long[] {NOW, NOW, NOW, NOW});

        HeatGrid grid = heat.grid(8, EAST_CHINA, NOW - DAY, NOW + 1);

        double highest = 0;
        double lowestNonZero = 1;
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.columns(); c++) {
                double intensity = grid.intensity(c, r);
                highest = Math.max(highest, intensity);
                if (intensity > 0) {
                    lowestNonZero = Math.min(lowestNonZero, intensity);
                }
            }
        }
        assertThat(grid.max()).isEqualTo(4);
        assertThat(highest).isEqualTo(1);
        assertThat(lowestNonZero).isEqualTo(0.25);
    }

    @Test
    void thePeriodIncludesItsStartAndExcludesItsEnd() {
        HeatPoints heat = HeatPoints.of(new double[] {121, 121, 121}, new double[] {31, 31, 31},
                new double[] {1, 1, 1}, new long[] {NOW - 7 * DAY, NOW - DAY, NOW});

        assertThat(heat.grid(6, EAST_CHINA, NOW - 7 * DAY, NOW).total()).isEqualTo(2);
        assertThat(heat.grid(6, EAST_CHINA, NOW - DAY, NOW + 1).total()).isEqualTo(2);
        assertThat(heat.grid(6, EAST_CHINA, NOW + 1, NOW + DAY).total()).isZero();
    }

    @Test
    void pointsWithoutALocationAreLeftOut() {
        HeatPoints heat = HeatPoints.of(new double[] {121, Double.NaN}, new double[] {31, Double.NaN},
                new double[] {1, 1}, new long[] {NOW, NOW});

        assertThat(heat.size()).isEqualTo(1);
        assertThat(heat.grid(6, EAST_CHINA, 0, NOW + 1).total()).isEqualTo(1);
    }

    @Test
    void aCellsBoundsHoldTheCellsPoints() {
        HeatPoints heat = HeatPoints.of(new double[] {120.15}, new double[] {30.28}, new double[] {1},
                new long[] {NOW});

        HeatGrid grid = heat.grid(10, EAST_CHINA, 0, NOW + 1);

        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.columns(); c++) {
                if (grid.value(c, r) > 0) {
                    assertThat(grid.cellBounds(c, r).contains(120.15, 30.28)).isTrue();
                }
            }
        }
        assertThat(grid.max()).isEqualTo(1);
    }
}
