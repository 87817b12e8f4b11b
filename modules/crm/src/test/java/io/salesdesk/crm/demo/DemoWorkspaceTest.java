package io.salesdesk.crm.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoWorkspaceTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    @Test
    void createsTheEastChinaOrganisationWithCustomersInItsProvinces(@TempDir Path dir) {
        try (Database db = TestDatabases.hsqldb(dir)) {
            DemoWorkspace.Summary summary = new DemoWorkspace(db, clock).create(7, 300);

            assertThat(summary.customers()).isEqualTo(300);
            assertThat(summary.activities()).isGreaterThan(600);
            UserService users = new UserService(db, clock);
            assertThat(users.all().stream().filter(u -> u.role() == Role.REP)).hasSize(12);
            assertThat(users.all().stream().filter(u -> u.role() == Role.MANAGER)).hasSize(3);
            User manager = users.defaultUser(DemoWorkspace.DEFAULT_USER).orElseThrow();
            assertThat(manager.username()).isEqualTo("manager.sh");

            CustomerService customers = new CustomerService(db, clock, new RegionService(db));
            List<Customer> all = customers.page(users.byUsername("admin").orElseThrow().asActor(), CustomerQuery.all(), 0, 300);
            assertThat(all).allSatisfy(c -> assertThat(c.regionCode()).matches("3[123]\\d{4}"));
            assertThat(all).allSatisfy(c -> assertThat(c.regionName()).matches("(上海市|江苏省|浙江省).*"));
            assertThat(customers.count(manager.asActor(), CustomerQuery.all()))
                    .as("the Shanghai manager sees Shanghai's customers only").isBetween(60, 180);
            assertThat(customers.dueFollowUps(manager.asActor(), clock.instant().atZone(ZoneOffset.UTC).toLocalDate()))
                    .as("some follow-ups are due, as in any real team").isNotEmpty();
        }
    }

    @Test
    void theSameSeedMakesTheSameCustomers(@TempDir Path first, @TempDir Path second) {
        assertThat(customerNames(first, 11)).isEqualTo(customerNames(second, 11));
    }

    @Test
    void refusesToFillAWorkspaceThatHoldsData(@TempDir Path dir) {
        try (Database db = TestDatabases.hsqldb(dir)) {
            DemoWorkspace demo = new DemoWorkspace(db, clock);
            demo.create(1, 10);
            assertThatThrownBy(() -> demo.create(1, 10)).isInstanceOfSatisfying(SalesDeskException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("demo.notEmpty"));
        }
    }

    private List<String> customerNames(Path dir, long seed) {
        try (Database db = TestDatabases.hsqldb(dir)) {
            new DemoWorkspace(db, clock).create(seed, 100);
            CustomerService customers = new CustomerService(db, clock, new RegionService(db));
            User admin = new UserService(db, clock).byUsername("admin").orElseThrow();
            return customers.page(admin.asActor(), CustomerQuery.all(), 0, 100).stream()
                    .map(c -> c.name() + "|" + c.tier() + "|" + c.regionCode() + "|" + c.nextFollowUpOn()).toList();
        }
    }
}
