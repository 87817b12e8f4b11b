package io.salesdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.crm.Customer;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.db.crypt.WorkspaceKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A branch replica created encrypted (as {@code salesdesk sync --create} does by default) holds its customers unreadably and syncs as any other. */
class EncryptedReplicaTest {

    // ASCII, so a byte search would find it in plain files.
    private static final String NAME = "Suzhou First Hospital 4711";
    private static final char[] PASSPHRASE = "branch office laptop".toCharArray();

    @TempDir
    Path dir;

    final Clock clock = Clock.fixed(Instant.parse("2026-11-29T02:00:00Z"), ZoneOffset.UTC);

    @Test
    void anEncryptedReplicaHoldsNoCustomerInClearAndSyncsWithItsPassphrase() throws IOException {
        Path replicaDir = dir.resolve("replica");
        try (Database hubDb = TestDatabases.hsqldb(dir.resolve("hub"))) {
            SyncFixture org = new SyncFixture(hubDb, clock);
            Customer customer = org.create(hubDb, org.wang, NAME);
            LocalHub hub = new LocalHub(hubDb, clock);
            DatabaseConfig config = DatabaseConfig.embedded(replicaDir);
            WorkspaceKey key = WorkspaceKey.create(PASSPHRASE, WorkspaceKey.Cost.FAST_FOR_TESTS);
            key.writeHeader(config.dbDir());

            try (Database replica = SyncService.createReplica(hub, config.withCryptKey(key.hsqldbKey()), org.east.id(),
                    clock, SyncService.DEFAULT_PAGE)) {
                assertThat(SyncFixture.customers(replica)).extracting(Customer::name).containsExactly(NAME);
            }
            assertThat(filesHolding(replicaDir, NAME)).isEmpty();

            try (Database replica = Database.open(WorkspaceKey.unlock(DatabaseConfig.embedded(replicaDir), PASSPHRASE))) {
                org.edit(replica, org.wang, customer.id(), d -> new io.salesdesk.crm.CustomerDraft(d.name(), d.creditCode(),
                        d.tier(), d.industry(), d.regionCode(), d.address(), "0512-65223637", d.ownerId()));
                new SyncService(replica, clock).sync(hub);
            }
            assertThat(SyncFixture.field(hubDb, customer.id(), "phone")).isEqualTo("0512-65223637");
            assertThat(filesHolding(replicaDir, NAME)).isEmpty();
        }
    }

    private static List<Path> filesHolding(Path root, String text) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(text);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
