package io.salesdesk.db.crypt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.WorkspaceSettings;
import io.salesdesk.db.backup.BackupRotation;
import io.salesdesk.db.backup.DatabaseBackup;
import io.salesdesk.db.backup.DatabaseRestore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stolen laptop gives a thief nothing readable: an encrypted workspace holds no data in clear, and only its passphrase opens it. */
class WorkspaceEncryptionTest {

    // ASCII: HSQLDB writes other characters as escapes in its script, which a byte search would miss anyway.
    private static final String CUSTOMER = "Suzhou Kangrui Medical 4711";
    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();

    @TempDir
    Path dir;

    Clock clock = Clock.fixed(Instant.parse("2026-11-29T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void afterEncryptingNoFileOfTheDataFolderHoldsTheCustomerInClear() throws IOException {
        Path workspace = plainWorkspaceWithABackup();
        assertThat(filesHolding(workspace, CUSTOMER)).as("the plain workspace, as a control").isNotEmpty();

        WorkspaceEncryption.Result result = WorkspaceEncryption.encrypt(workspace, PASSPHRASE,
                WorkspaceKey.Cost.FAST_FOR_TESTS, clock);

        assertThat(result.rows()).containsEntry("WORKSPACE_SETTING", 1L);
        assertThat(filesHolding(workspace, CUSTOMER)).isEmpty();
        assertThat(result.backup()).exists();
        assertThat(Files.readString(workspace.resolve("db").resolve(WorkspaceKey.HEADER))).doesNotContain(
                WorkspaceKey.unlock(workspace.resolve("db"), PASSPHRASE).hsqldbKey());
        assertThat(read(workspace, PASSPHRASE)).hasValue(CUSTOMER);
    }

    @Test
    void anEncryptedWorkspaceOpensOnlyWithItsPassphraseAndAWrongOneTouchesNothing() throws IOException {
        Path workspace = plainWorkspaceWithABackup();
        WorkspaceEncryption.encrypt(workspace, PASSPHRASE, WorkspaceKey.Cost.FAST_FOR_TESTS, clock);
        Map<String, Long> sizesBefore = sizes(workspace.resolve("db"));

        assertThatThrownBy(() -> Database.open(DatabaseConfig.embedded(workspace)))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.crypt.passphraseNeeded"));
        assertThatThrownBy(() -> WorkspaceKey.unlock(DatabaseConfig.embedded(workspace), "wrong horse battery".toCharArray()))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.crypt.wrongPassphrase"));

        assertThat(sizes(workspace.resolve("db"))).isEqualTo(sizesBefore);
        assertThat(read(workspace, PASSPHRASE)).hasValue(CUSTOMER);
    }

    @Test
    void aBackupOfAnEncryptedWorkspaceStaysEncryptedAndRestoresWithThePassphrase() throws IOException {
        Path workspace = plainWorkspaceWithABackup();
        WorkspaceEncryption.encrypt(workspace, PASSPHRASE, WorkspaceKey.Cost.FAST_FOR_TESTS, clock);
        Path archive;
        try (Database db = Database.open(WorkspaceKey.unlock(DatabaseConfig.embedded(workspace), PASSPHRASE))) {
            archive = DatabaseBackup.create(db, dir.resolve("elsewhere"), "manual", clock).archive();
            db.transaction(cfg -> WorkspaceSettings.using(cfg).put("test.value", "changed after the backup"));
        }
        assertThat(entriesHolding(archive, CUSTOMER)).isFalse();

        assertThatThrownBy(() -> DatabaseRestore.restore(archive, workspace, Clock.offset(clock, java.time.Duration.ofSeconds(1))))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.crypt.passphraseNeeded"));
        DatabaseRestore.restore(archive, workspace, Clock.offset(clock, java.time.Duration.ofSeconds(2)), PASSPHRASE);

        assertThat(read(workspace, PASSPHRASE)).hasValue(CUSTOMER);
    }

    @Test
    void decryptingGivesBackAPlainWorkspaceWithTheSameRows() {
        Path workspace = plainWorkspaceWithABackup();
        WorkspaceEncryption.encrypt(workspace, PASSPHRASE, WorkspaceKey.Cost.FAST_FOR_TESTS, clock);

        assertThatThrownBy(() -> WorkspaceEncryption.decrypt(workspace, "not the passphrase".toCharArray(),
                Clock.offset(clock, java.time.Duration.ofSeconds(1))))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.crypt.wrongPassphrase"));
        WorkspaceEncryption.Result result = WorkspaceEncryption.decrypt(workspace, PASSPHRASE,
                Clock.offset(clock, java.time.Duration.ofSeconds(2)));

        assertThat(DatabaseConfig.embedded(workspace).isEncrypted()).isFalse();
        assertThat(result.rows()).containsEntry("WORKSPACE_SETTING", 1L);
        assertThat(read(workspace, null)).hasValue(CUSTOMER);
    }

    @Test
    void aShortPassphraseIsRefusedBeforeAnythingChanges() {
        Path workspace = plainWorkspaceWithABackup();

        assertThatThrownBy(() -> WorkspaceEncryption.encrypt(workspace, "short".toCharArray(),
                WorkspaceKey.Cost.FAST_FOR_TESTS, clock))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.crypt.passphraseShort"));
        assertThat(read(workspace, null)).hasValue(CUSTOMER);
    }

    private Path plainWorkspaceWithABackup() {
        Path workspace = dir.resolve("workspace");
        try (Database db = Database.open(DatabaseConfig.embedded(workspace))) {
            db.transaction(cfg -> WorkspaceSettings.using(cfg).put("test.value", CUSTOMER));
            DatabaseBackup.create(db, BackupRotation.folder(workspace), "daily", clock);
        }
        return workspace;
    }

    private static Optional<String> read(Path workspace, char[] passphrase) {
        try (Database db = Database.open(WorkspaceKey.unlock(DatabaseConfig.embedded(workspace), passphrase))) {
            return db.transactionResult(cfg -> WorkspaceSettings.using(cfg).get("test.value"));
        }
    }

    /** Files under {@code root} whose bytes (a zip's entries unpacked) contain {@code text}. */
    private static List<Path> filesHolding(Path root, String text) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                boolean holds = file.toString().endsWith(".zip") ? entriesHolding(file, text)
                        : contains(Files.readAllBytes(file), text);
                if (holds) {
                    found.add(file);
                }
            }
        }
        return found;
    }

    private static boolean entriesHolding(Path zip, String text) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                try (InputStream in = file.getInputStream(entries.nextElement())) {
                    if (contains(in.readAllBytes(), text)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean contains(byte[] bytes, String text) {
        // ISO-8859-1 maps every byte to one char, so indexOf finds the ASCII text at any offset.
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

    private static Map<String, Long> sizes(Path folder) throws IOException {
        Map<String, Long> sizes = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                sizes.put(f.getFileName().toString(), Files.size(f) + Files.getLastModifiedTime(f).toMillis());
            }
        }
        return sizes;
    }
}
