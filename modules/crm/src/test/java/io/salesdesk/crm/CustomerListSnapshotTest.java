package io.salesdesk.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.db.jooq.Tables;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The customer list saved at close is used at the next start only while it is exactly current. */
class CustomerListSnapshotTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    @Test
    void aSnapshotStampedWithTheCurrentHeadIsReadInsteadOfTheTable() {
        try (Database db = TestDatabases.hsqldb(dataDir)) {
            CrmFixture f = new CrmFixture(db, clock);
            f.customer(f.wang, "甲医院");
            f.customer(f.wang, "乙医院");
            f.customers.count(f.wang.asActor(), CustomerQuery.all());
            f.customers.saveListSnapshot();
            // A change that bypasses the audit trail is invisible to the stamp: the snapshot wins,
            // which shows the list came from the file.
            db.dsl().update(Tables.CUSTOMER).set(Tables.CUSTOMER.NAME, "改名医院").execute();
        }
        try (Database db = TestDatabases.hsqldb(dataDir)) {
            CustomerService customers = new CustomerService(db, clock, new RegionService(db));
            var wang = new UserService(db, clock).byUsername("wang").orElseThrow().asActor();
            assertThat(customers.page(wang, CustomerQuery.all(), 0, 10)).extracting(Customer::name)
                    .containsExactly("甲医院", "乙医院");
        }
    }

    @Test
    void aSnapshotIsIgnoredOnceAnyAuditedChangeMovedTheHead() {
        try (Database db = TestDatabases.hsqldb(dataDir)) {
            CrmFixture f = new CrmFixture(db, clock);
            f.customer(f.wang, "甲医院");
            f.customers.count(f.wang.asActor(), CustomerQuery.all());
            f.customers.saveListSnapshot();
            // Another CustomerService (say an import) writes without this one's list knowing.
            new CustomerService(db, clock, f.regions).create(f.wang.asActor(), CrmFixture.draft("丙医院", f.wang.id()));
        }
        try (Database db = TestDatabases.hsqldb(dataDir)) {
            CustomerService customers = new CustomerService(db, clock, new RegionService(db));
            var wang = new UserService(db, clock).byUsername("wang").orElseThrow().asActor();
            assertThat(customers.page(wang, CustomerQuery.all(), 0, 10)).extracting(Customer::name)
                    .containsExactly("丙医院", "甲医院");
        }
    }

    @Test
    void writesThroughTheServiceKeepTheSnapshotValid() {
        try (Database db = TestDatabases.hsqldb(dataDir)) {
            CrmFixture f = new CrmFixture(db, clock);
            f.customers.count(f.wang.asActor(), CustomerQuery.all());
            f.customer(f.wang, "甲医院");
            f.customers.saveListSnapshot();
            db.dsl().update(Tables.CUSTOMER).set(Tables.CUSTOMER.NAME, "改名医院").execute();
        }
        try (Database db = TestDatabases.hsqldb(dataDir)) {
            CustomerService customers = new CustomerService(db, clock, new RegionService(db));
            var wang = new UserService(db, clock).byUsername("wang").orElseThrow().asActor();
            assertThat(customers.page(wang, CustomerQuery.all(), 0, 10)).extracting(Customer::name)
                    .as("the list written after our own create still matched the head").containsExactly("甲医院");
        }
    }
}
