package io.salesdesk.territory.address;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parser as the CRM's address locator, as the app wires it: customer save on a real HSQLDB. */
class AddressLocatorWiringTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    @Test
    void aCustomerSavedWithoutRegionGetsTheParsedOneOnlyWhenTheParserIsSure(@TempDir Path dir) {
        try (Database db = TestDatabases.hsqldb(dir)) {
            SalesOrgFixture f = new SalesOrgFixture(db, clock);
            CustomerService customers = new CustomerService(db, clock, new RegionService(db, AddressParser::new));

            Customer sure = customers.create(f.wang.asActor(), draft("西湖诊所", "杭州西湖区文三路 90 号", null, f));
            Customer ambiguous = customers.create(f.wang.asActor(), draft("朝阳诊所", "朝阳区建国路 88 号", null, f));
            Customer chosen = customers.create(f.wang.asActor(), draft("苏州诊所", "杭州西湖区文三路 1 号",
                    SalesOrgFixture.SUZHOU, f));

            assertThat(sure.regionCode()).isEqualTo(SalesOrgFixture.XIHU);
            assertThat(ambiguous.regionCode()).as("朝阳区 of 北京 or 长春: left for the user").isNull();
            assertThat(chosen.regionCode()).as("a region the user chose is kept").isEqualTo(SalesOrgFixture.SUZHOU);
        }
    }

    private static CustomerDraft draft(String name, String address, String region, SalesOrgFixture f) {
        return new CustomerDraft(name, null, Tier.C, null, region, address, null, f.wang.id());
    }
}
