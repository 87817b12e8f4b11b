package io.salesdesk.app.inbox;

import io.salesdesk.app.EastChinaRep;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;

import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerService;

import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;

import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.sync.LocalHub;
import io.salesdesk.sync.SyncService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The timers on a branch replica leave the pool's return rules to the head office: the replica may
 * not have the follow-ups others logged there yet, and a return made on both sides came back as a
 * sync conflict nobody had caused.
 */
class ReplicaTimersTest {

    @TempDir
    Path dir;

    private final Clock created = Clock.fixed(Instant.parse("2026-01-05T02:00:00Z"), ZoneOffset.UTC);
    private final Clock monthsLater = Clock.offset(created, Duration.ofDays(200));

    @Test
    void aReplicaReturnsNoUnworkedCustomerToThePoolWhileTheHeadOfficeDoes() {
        Customer customer;
        User rep;
        try (Database hub = Database.open(DatabaseConfig.embedded(dir.resolve("hub")))) {
            rep = EastChinaRep.addTo(hub, created);
            customer = new CustomerService(hub, created, new RegionService(hub)).create(rep.asActor(),
                    new CustomerDraft("苏州第一医院", null, Tier.B, "HOSPITAL", "320508", null, null, rep.id()));
            LocalHub local = new LocalHub(hub, created);
            SyncService.createReplica(local, DatabaseConfig.embedded(dir.resolve("branch")), local.orgUnit("华东大区"),
                    created, SyncService.DEFAULT_PAGE).close();
        }

        try (Database branch = Database.open(DatabaseConfig.embedded(dir.resolve("branch")))) {
            AppContext context = new AppContext(branch, monthsLater, Runnable::run, rep);
            assertThat(context.timers().runDue().returned()).isEmpty();
            assertThat(context.customers().open(rep.asActor(), customer.id()).orElseThrow().customer().ownerId())
                    .isEqualTo(rep.id());
        }
        try (Database hub = Database.open(DatabaseConfig.embedded(dir.resolve("hub")))) {
            AppContext context = new AppContext(hub, monthsLater, Runnable::run, rep);
            assertThat(context.timers().runDue().returned()).extracting(r -> r.customerId()).containsExactly(customer.id());
        }
    }

}
