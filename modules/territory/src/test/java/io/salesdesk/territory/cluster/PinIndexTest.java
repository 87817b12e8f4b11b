package io.salesdesk.territory.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PinIndexTest {

    /** Roughly East China: 上海, 江苏, 浙江. */
    private static final GeoBox EAST_CHINA = new GeoBox(116, 27, 123, 35.5);

    private static PinIndex randomPins(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] lon = new double[n];
        double[] lat = new double[n];
        int[] colour = new int[n];
        for (int i = 0; i < n; i++) {
            lon[i] = 117 + random.nextDouble() * 5;
            lat[i] = 28 + random.nextDouble() * 6;
            colour[i] = random.nextInt(4);
        }
        return PinIndex.build(lon, lat, colour);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 6, 8, 10, 12, 16})
    void everyPinInTheViewIsShownOnceAloneOrInACluster(int zoom) {
        PinIndex index = randomPins(20_000, 7);

        PinClusters view = index.clusters(zoom, EAST_CHINA);

        assertThat(view.pinsShown()).isEqualTo(20_000);
        assertThat(view.pinsOutside()).isZero();
    }

    @Test
    void fiftyThousandPinsNeverMakeMoreThanTheCapOfNodes() {
        PinIndex index = randomPins(50_000, 11);

        for (int zoom = 2; zoom <= 18; zoom++) {
            PinClusters view = index.clusters(zoom, EAST_CHINA);
            assertThat(view.size()).as("zoom %d", zoom).isLessThanOrEqualTo(PinIndex.DEFAULT_MAX_NODES);
            assertThat(view.pinsShown()).as("zoom %d", zoom).isEqualTo(50_000);
        }
    }

    @Test
    void aSmallerCapIsKeptByGrowingTheCells() {
        PinIndex index = randomPins(5_000, 3);

        PinClusters view = index.clusters(14, EAST_CHINA, 32, 50);

        assertThat(view.size()).isLessThanOrEqualTo(50);
        assertThat(view.pinsShown()).isEqualTo(5_000);
    }

    @Test
    void pinsFarApartStayAloneAndCloseOnesMergeWithTheMajorityColour() {
        double[] lon = {121.47, 121.4701, 121.4702, 120.15};
        double[] lat = {31.23, 31.2301, 31.2302, 30.28};
        int[] colour = {2, 1, 2, 0};
        PinIndex index = PinIndex.build(lon, lat, colour);

        PinClusters view = index.clusters(8, EAST_CHINA);

        assertThat(view.size()).isEqualTo(2);
        int hangzhou = view.isCluster(0) ? 1 : 0;
        int shanghai = 1 - hangzhou;
        assertThat(view.pin(hangzhou)).isEqualTo(3);
        assertThat(view.lon(hangzhou)).isEqualTo(120.15);
        assertThat(view.count(shanghai)).isEqualTo(3);
        assertThat(view.colour(shanghai)).isEqualTo(2);
        assertThat(view.lon(shanghai)).isCloseTo(121.4701, Offset.offset(1e-6));
        GeoBox bounds = view.bounds(shanghai);
        assertThat(bounds.west()).isCloseTo(121.47, Offset.offset(1e-9));
        assertThat(bounds.east()).isCloseTo(121.4702, Offset.offset(1e-9));
    }

    @Test
    void atAHighZoomNeighbouringPinsSeparate() {
        PinIndex index = PinIndex.build(new double[] {121.47, 121.48}, new double[] {31.23, 31.23}, new int[] {0, 0});

        assertThat(index.clusters(6, EAST_CHINA).size()).isEqualTo(1);
        assertThat(index.clusters(15, EAST_CHINA).size()).isEqualTo(2);
    }

    @Test
    void theSameInputGivesTheSameViewNodeForNode() {
        PinClusters a = randomPins(30_000, 5).clusters(9, EAST_CHINA);
        PinClusters b = randomPins(30_000, 5).clusters(9, EAST_CHINA);

        assertThat(a.size()).isEqualTo(b.size());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.count(i)).isEqualTo(b.count(i));
            assertThat(a.lon(i)).isEqualTo(b.lon(i));
            assertThat(a.lat(i)).isEqualTo(b.lat(i));
            assertThat(a.colour(i)).isEqualTo(b.colour(i));
            assertThat(a.pin(i)).isEqualTo(b.pin(i));
        }
    }

    @Test
    void theViewportLeavesOutPinsOutsideIt() {
        PinIndex index = randomPins(10_000, 9);
        GeoBox north = new GeoBox(116, 31, 123, 35.5);
        int expected = 0;
        for (int i = 0; i < index.size(); i++) {
            if (north.contains(index.lon(i), index.lat(i))) {
                expected++;
            }
        }

        PinClusters view = index.clusters(7, north);

        assertThat(view.pinsShown()).isEqualTo(expected);
        assertThat(view.pinsOutside()).isEqualTo(10_000 - expected);
        for (int i = 0; i < view.size(); i++) {
            assertThat(view.lat(i)).isGreaterThanOrEqualTo(31);
        }
    }

    @Test
    void pinsWithoutALocationAreCountedButNeverShown() {
        double[] lon = {121.47, Double.NaN, 120.15};
        double[] lat = {31.23, Double.NaN, 30.28};
        PinIndex index = PinIndex.build(lon, lat, new int[] {0, 1, 0});

        assertThat(index.located()).isEqualTo(2);
        assertThat(index.unlocated()).isEqualTo(1);
        assertThat(index.clusters(10, GeoBox.WORLD).pinsShown()).isEqualTo(2);
    }

    @Test
    void aRectangleSelectsExactlyThePinsInsideIt() {
        PinIndex index = randomPins(20_000, 13);
        GeoBox box = GeoBox.spanning(120.6, 31.5, 119.9, 30.9);

        int[] selected = index.inside(box);

        int expected = 0;
        for (int i = 0; i < index.size(); i++) {
            if (box.contains(index.lon(i), index.lat(i))) {
                expected++;
            }
        }
        assertThat(selected).hasSize(expected).isSorted();
        for (int p : selected) {
            assertThat(box.contains(index.lon(p), index.lat(p))).isTrue();
        }
    }

    @Test
    void aLassoSelectsThePinsInsideItsOutlineOnly() {
        double[] lon = {120.1, 120.7, 120.2, 120.8};
        double[] lat = {30.1, 30.1, 30.7, 30.8};
        PinIndex index = PinIndex.build(lon, lat, new int[] {0, 0, 0, 0});
        // A triangle with its corners at (120, 30), (121, 30) and (120, 31): the last pin lies in
        // its bounding box but beyond the diagonal edge.
        double[] lassoLon = {120, 121, 120};
        double[] lassoLat = {30, 30, 31};

        int[] selected = index.inside(lassoLon, lassoLat);

        assertThat(selected).containsExactly(0, 1, 2);
        assertThat(index.inside(new double[] {120, 120.5, 120}, new double[] {30, 30, 30.5})).containsExactly(0);
    }

    @Test
    void anEmptyIndexShowsNothing() {
        PinIndex index = PinIndex.build(new double[0], new double[0], new int[0]);

        assertThat(index.clusters(5, GeoBox.WORLD).size()).isZero();
        assertThat(index.inside(GeoBox.WORLD)).isEmpty();
        assertThat(index.bounds()).isNull();
    }
}
