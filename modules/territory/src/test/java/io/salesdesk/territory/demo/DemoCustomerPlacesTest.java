package io.salesdesk.territory.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.core.Role;
import io.salesdesk.crm.CustomerLocation;
import io.salesdesk.crm.CustomerLocationRepository;
import io.salesdesk.crm.RegionTagCount;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCustomerPlacesTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    @Test
    void demoCustomersAllHaveARegionAndSomeCarryTagsAndExplicitCoordinates(@TempDir Path dir) {
        try (Database db = TestDatabases.hsqldb(dir)) {
            new DemoWorkspace(db, clock).create(7, 200);

            DemoCustomerPlaces.Summary summary = new DemoCustomerPlaces(db, clock).create(7);

            assertThat(summary.withoutRegion()).isZero();
            assertThat(summary.tagged()).isBetween(30, 120);
            assertThat(summary.pinned()).isEqualTo(200 / DemoCustomerPlaces.PINNED_EVERY);
            List<CustomerLocation> pins = db.transactionResult(cfg -> CustomerLocationRepository.using(cfg, clock)
                    .locations(UserRepository.using(cfg, clock).firstWithRole(Role.ADMIN).orElseThrow().asActor()));
            assertThat(pins).filteredOn(CustomerLocation::hasCoordinates).hasSize(summary.pinned());
            List<RegionTagCount> counts = db.transactionResult(cfg -> CustomerLocationRepository.using(cfg, clock)
                    .tagCountsByRegion(UserRepository.using(cfg, clock).firstWithRole(Role.ADMIN).orElseThrow()
                            .asActor()));
            assertThat(counts).extracting(RegionTagCount::tag).contains("竞品渗透", "设备老化");
        }
    }

    @Test
    void theSameSeedTagsTheSameCustomers(@TempDir Path first, @TempDir Path second) {
        assertThat(tagsAfterDemo(second)).isEqualTo(tagsAfterDemo(first));
    }

    private List<RegionTagCount> tagsAfterDemo(Path dir) {
        try (Database db = TestDatabases.hsqldb(dir)) {
            new DemoWorkspace(db, clock).create(7, 100);
            new DemoCustomerPlaces(db, clock).create(7);
            return db.transactionResult(cfg -> CustomerLocationRepository.using(cfg, clock)
                    .tagCountsByRegion(UserRepository.using(cfg, clock).firstWithRole(Role.ADMIN).orElseThrow()
                            .asActor()));
        }
    }
}
