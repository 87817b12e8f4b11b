package io.salesdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replica's 同步 settings: automatic every 5 minutes until changed; the last good sync survives failures. */
class ReplicaSettingsTest {

    @TempDir
    Path dir;

    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aNewReplicaSyncsByItselfEveryFiveMinutesAndHasNoHubYet() {
        db.transaction(cfg -> {
            ReplicaSettings s = ReplicaSettings.using(cfg);
            assertThat(s.automatic()).isTrue();
            assertThat(s.intervalMinutes()).isEqualTo(5);
            assertThat(s.hubProfile()).isEmpty();
            assertThat(s.last()).isEmpty();
        });
    }

    @Test
    void anOfflineAttemptKeepsTheTimeOfTheLastGoodSync() {
        Instant good = Instant.parse("2026-11-20T02:00:00Z");
        Instant offline = Instant.parse("2026-11-21T02:00:00Z");
        db.transaction(cfg -> {
            ReplicaSettings s = ReplicaSettings.using(cfg);
            s.setHubProfile("总部");
            s.setAutomatic(false);
            s.setIntervalMinutes(0);
            s.recordLast(new ReplicaSettings.LastSync(good, "DONE", 3, 4, 1, good));
            s.recordLast(new ReplicaSettings.LastSync(offline, "OFFLINE", 0, 0, 0, null));
        });
        db.transaction(cfg -> {
            ReplicaSettings s = ReplicaSettings.using(cfg);
            assertThat(s.hubProfile()).contains("总部");
            assertThat(s.automatic()).isFalse();
            assertThat(s.intervalMinutes()).isEqualTo(1);
            ReplicaSettings.LastSync last = s.last().orElseThrow();
            assertThat(last.outcome()).isEqualTo("OFFLINE");
            assertThat(last.at()).isEqualTo(offline);
            assertThat(last.lastGood()).isEqualTo(good);
        });
    }
}
