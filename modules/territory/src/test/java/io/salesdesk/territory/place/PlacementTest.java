package io.salesdesk.territory.place;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.crm.Region;
import io.salesdesk.crm.RegionService;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlacementTest {

    private static final List<Region> REGIONS = RegionService.bundled();
    private static final Placement PLACEMENT = new Placement(REGIONS);
    private static final String XIHU = "330106";
    private static final String ZHEJIANG = "330000";

    @Test
    void sameCustomerLandsOnTheSamePointEveryTime() {
        UUID id = UUID.fromString("0192f0c4-7b1e-7c3a-9d2e-5f4a3b2c1d0e");

        MapPosition first = PLACEMENT.place(id, XIHU, null, null).orElseThrow();
        MapPosition again = new Placement(REGIONS).place(id, XIHU, null, null).orElseThrow();

        assertThat(again).isEqualTo(first);
        assertThat(first.explicit()).isFalse();
    }

    @Test
    void customersOfOneCountySpreadAroundItsCentroidWithinAFewKilometres() {
        Region xihu = REGIONS.stream().filter(r -> r.code().equals(XIHU)).findFirst().orElseThrow();
        double maxKm = 0;
        long distinct = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> PLACEMENT.place(new UUID(0x0192f0c47b1e7000L + i, 0x9d2e5f4a3b2c1d0eL), XIHU, null, null)
                        .orElseThrow())
                .distinct().count();
        for (int i = 0; i < 200; i++) {
            MapPosition p = PLACEMENT.place(new UUID(0x0192f0c47b1e7000L + i, i), XIHU, null, null).orElseThrow();
            maxKm = Math.max(maxKm, km(p, xihu));
        }

        assertThat(distinct).isEqualTo(200);
        assertThat(maxKm).isGreaterThan(0.5).isLessThanOrEqualTo(Placement.COUNTY_KM + 0.01);
    }

    @Test
    void provincesSpreadWiderThanCounties() {
        Region zhejiang = REGIONS.stream().filter(r -> r.code().equals(ZHEJIANG)).findFirst().orElseThrow();
        double maxKm = 0;
        for (int i = 0; i < 200; i++) {
            MapPosition p = PLACEMENT.place(new UUID(i, 42L * i), ZHEJIANG, null, null).orElseThrow();
            maxKm = Math.max(maxKm, km(p, zhejiang));
        }

        assertThat(maxKm).isGreaterThan(Placement.COUNTY_KM).isLessThanOrEqualTo(Placement.PROVINCE_KM + 0.01);
    }

    @Test
    void explicitCoordinatesWin() {
        MapPosition p = PLACEMENT.place(UUID.randomUUID(), XIHU, new BigDecimal("120.123456"),
                new BigDecimal("30.654321")).orElseThrow();

        assertThat(p).isEqualTo(new MapPosition(120.123456, 30.654321, true));
    }

    @Test
    void customerWithoutRegionOrCoordinatesIsNotPlaced() {
        assertThat(PLACEMENT.place(UUID.randomUUID(), null, null, null)).isEmpty();
        assertThat(PLACEMENT.place(UUID.randomUUID(), "999999", null, null)).isEmpty();
        // Half a pair of coordinates is no position: the region decides.
        assertThat(PLACEMENT.place(UUID.randomUUID(), null, new BigDecimal("120"), null)).isEmpty();
    }

    @Test
    void aMunicipalityWithoutItsOwnCentroidIsCentredAmongItsDistricts() {
        MapPosition shanghai = PLACEMENT.centroid("310000").orElseThrow();
        MapPosition district = PLACEMENT.place(UUID.randomUUID(), "310000").orElseThrow();

        assertThat(shanghai.longitude()).isBetween(120.8, 122.2);
        assertThat(shanghai.latitude()).isBetween(30.6, 31.9);
        assertThat(district.explicit()).isFalse();
        assertThat(PLACEMENT.centroid("999999")).isEmpty();
        assertThat(PLACEMENT.centroid(null)).isEmpty();
    }

    private static double km(MapPosition p, Region centre) {
        double dLat = (p.latitude() - centre.latitude().doubleValue()) * 111.32;
        double dLon = (p.longitude() - centre.longitude().doubleValue()) * 111.32
                * Math.cos(Math.toRadians(centre.latitude().doubleValue()));
        return Math.hypot(dLat, dLon);
    }
}
