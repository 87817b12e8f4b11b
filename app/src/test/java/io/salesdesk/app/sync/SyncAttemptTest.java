package io.salesdesk.app.sync;

import io.salesdesk.app.EastChinaRep;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerService;

import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;

import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.profile.ConnectionProfile;
import io.salesdesk.sync.LocalHub;
import io.salesdesk.sync.ObservedHub;
import io.salesdesk.sync.ReplicaSettings;
import io.salesdesk.sync.SyncService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One sync as the app and the command line run it: how it ends when the hub is missing or the replica expired. */
class SyncAttemptTest {

    private static final ObservedHub.Progress QUIET = new ObservedHub.Progress() {
        @Override
        public void pushed(int changes) {
        }

        @Override
        public void pulled(int rows, boolean more) {
        }
    };

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-06-01T02:00:00Z"), ZoneOffset.UTC);
    private Database replica;

    @BeforeEach
    void replicaOfAHub() {
        try (Database hub = Database.open(DatabaseConfig.embedded(dir.resolve("hub")))) {
            User rep = EastChinaRep.addTo(hub, clock);
            new CustomerService(hub, clock, new RegionService(hub)).create(rep.asActor(),
                    new CustomerDraft("苏州第一医院", null, Tier.B, "HOSPITAL", "320508", null, null, rep.id()));
            LocalHub local = new LocalHub(hub, clock);
            replica = SyncService.createReplica(local, DatabaseConfig.embedded(dir.resolve("branch")),
                    local.orgUnit("华东大区"), clock, SyncService.DEFAULT_PAGE);
        }
    }

    @AfterEach
    void close() {
        replica.close();
    }

    @Test
    void aHubFolderThatIsNotThereIsOfflineAndNoEmptyHubIsCreated() {
        Path missing = dir.resolve("unplugged-drive");
        ConnectionProfile hub = new ConnectionProfile("总部", ConnectionProfile.Kind.EMBEDDED, missing.toString(), null,
                0, null, null);

        SyncAttempt.Result result = new SyncAttempt(replica, clock, QUIET)
                .run(hub.config(null), () -> HubProbe.reachable(hub));

        assertThat(result.outcome()).isEqualTo(SyncAttempt.Outcome.OFFLINE);
        assertThat(result.message()).contains("连接不到总部数据库").contains(missing.toString());
        assertThat(Files.exists(missing)).isFalse();
    }

    @Test
    void aReplicaAwayPastTheRetentionLimitIsToldToExportAndStartAfresh() {
        Clock later = Clock.offset(clock, LocalHub.DEFAULT_RETENTION.plus(Duration.ofDays(1)));

        SyncAttempt.Result result = new SyncAttempt(replica, later, QUIET)
                .run(DatabaseConfig.embedded(dir.resolve("hub")), () -> true);

        assertThat(result.outcome()).isEqualTo(SyncAttempt.Outcome.EXPIRED);
        assertThat(result.message()).contains("180 天").contains("导出未同步的修改");
        Optional<ReplicaSettings.LastSync> last = replica.transactionResult(cfg -> ReplicaSettings.using(cfg).last());
        assertThat(last.orElseThrow().outcome()).isEqualTo("EXPIRED");
        assertThat(last.orElseThrow().lastGood()).isNull();
    }

}
