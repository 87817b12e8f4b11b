package io.salesdesk.db.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.WorkspaceSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Enumeration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups a user can trust: a restore brings back exactly the backup, and a bad backup changes nothing. */
class DatabaseBackupTest {

    @TempDir
    Path dir;

    final Clock clock = Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void aRestoreBringsBackTheBackupAndKeepsTheDatabaseItReplaced() {
        Path workspace = dir.resolve("workspace");
        DatabaseBackup.Result backup;
        try (Database db = Database.open(DatabaseConfig.embedded(workspace))) {
            put(db, "苏州客户");
            backup = DatabaseBackup.create(db, dir.resolve("backups"), "manual", clock);
            put(db, "after the backup");
        }
        assertThat(backup.manifest().schemaVersion()).isEqualTo(Database.SCHEMA_VERSION);
        assertThat(backup.manifest().rowCounts()).containsEntry("WORKSPACE_SETTING", 1L);

        DatabaseRestore.Result restored = DatabaseRestore.restore(backup.archive(), workspace, clock);

        assertThat(read(workspace)).hasValue("苏州客户");
        assertThat(restored.previous()).isDirectory();
        assertThat(restored.previous().resolve("salesdesk.script")).exists();
    }

    @Test
    void aTruncatedBackupIsRefusedAndTheCurrentDatabaseIsUntouched() throws IOException {
        Path workspace = dir.resolve("workspace");
        Path archive = backupThenChange(workspace);
        byte[] bytes = Files.readAllBytes(archive);
        Files.write(archive, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertRefused(archive, workspace, "error.backup.unreadable");
    }

    @Test
    void aBitFlippedInsideTheArchiveIsRefused() throws IOException {
        Path workspace = dir.resolve("workspace");
        Path archive = backupThenChange(workspace);
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 3] ^= 0x10;
        Files.write(archive, bytes);

        assertRefused(archive, workspace, "error.backup.unreadable", "error.backup.checksum");
    }

    @Test
    void aDatabaseFileThatDoesNotMatchItsChecksumIsRefused() throws IOException {
        Path workspace = dir.resolve("workspace");
        Path archive = rewrite(backupThenChange(workspace), "db/salesdesk.script",
                text -> text + "SET DATABASE COLLATION \"SQL_TEXT\" PAD SPACE\n");

        assertRefused(archive, workspace, "error.backup.checksum");
    }

    @Test
    void rowsMissingFromWhatTheManifestPromisesAreRefused() throws IOException {
        Path workspace = dir.resolve("workspace");
        Path archive = rewrite(backupThenChange(workspace), DatabaseBackup.MANIFEST,
                text -> text.replace("\"WORKSPACE_SETTING\" : 1", "\"WORKSPACE_SETTING\" : 2"));

        assertRefused(archive, workspace, "error.backup.rowCounts");
    }

    @Test
    void aBackupFromANewerSalesDeskIsRefused() throws IOException {
        Path workspace = dir.resolve("workspace");
        Path archive = rewrite(backupThenChange(workspace), DatabaseBackup.MANIFEST,
                text -> text.replace("\"schemaVersion\" : \"" + Database.SCHEMA_VERSION + "\"",
                        "\"schemaVersion\" : \"99\""));

        assertRefused(archive, workspace, "error.backup.schemaTooNew");
    }

    @Test
    void theDailyBackupIsMadeOnceADayAndOnlyTheNewestAreKept() throws IOException {
        try (Database db = Database.open(DatabaseConfig.embedded(dir))) {
            for (int day = 0; day < 4; day++) {
                Clock today = Clock.offset(clock, Duration.ofDays(day));
                assertThat(BackupRotation.runIfDue(db, today, 2)).isPresent();
                assertThat(BackupRotation.runIfDue(db, Clock.offset(today, Duration.ofHours(20)), 2)).isEmpty();
            }
        }
        try (Stream<Path> files = Files.list(BackupRotation.folder(dir))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("salesdesk-daily-20261130-080000.zip", "salesdesk-daily-20261201-080000.zip");
        }
    }

    @Test
    void aKeepSettingThatIsNotANumberFallsBackToSevenInsteadOfStoppingTheBackups() {
        try (Database db = Database.open(DatabaseConfig.embedded(dir))) {
            db.transaction(cfg -> WorkspaceSettings.using(cfg).put(BackupRotation.KEEP_SETTING, "seven"));

            assertThat(BackupSchedule.keep(db)).isEqualTo(BackupRotation.DEFAULT_KEEP);
        }
    }

    @Test
    void aWorkspaceIsBackedUpBeforeItsSchemaIsMigrated() throws IOException {
        DatabaseConfig config = DatabaseConfig.embedded(dir);
        Flyway.configure().dataSource(config.url(), config.user(), config.password())
                .locations("classpath:db/migration/common", "classpath:db/migration/hsqldb")
                .target("30").load().migrate();
        // Flyway leaves the in-process database open; close it as an app of that version would.
        try (var c = java.sql.DriverManager.getConnection(config.url(), config.user(), config.password());
             var s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }

        Database.open(config).close();

        try (Stream<Path> files = Files.list(BackupRotation.folder(dir))) {
            Path backup = files.filter(p -> p.getFileName().toString().startsWith("salesdesk-pre-migration-v30-"))
                    .findFirst().orElseThrow();
            assertThat(DatabaseRestore.verify(backup, dir.resolve("check")).schemaVersion()).isEqualTo("30");
        }
    }

    private Path backupThenChange(Path workspace) {
        try (Database db = Database.open(DatabaseConfig.embedded(workspace))) {
            put(db, "苏州客户");
            Path archive = DatabaseBackup.create(db, dir.resolve("backups"), "manual", clock).archive();
            put(db, "after the backup");
            return archive;
        }
    }

    private void assertRefused(Path archive, Path workspace, String... keys) throws IOException {
        assertThatThrownBy(() -> DatabaseRestore.restore(archive, workspace, clock))
                .isInstanceOfSatisfying(SalesDeskException.class, e -> assertThat(e.messageKey()).isIn((Object[]) keys));
        assertThat(read(workspace)).as("the current database is untouched").hasValue("after the backup");
        try (Stream<Path> left = Files.list(workspace)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("db-before-restore") || name.startsWith(".restore"));
        }
    }

    private static void put(Database db, String value) {
        db.transaction(cfg -> WorkspaceSettings.using(cfg).put("test.value", value));
    }

    private static Optional<String> read(Path workspace) {
        try (Database db = Database.open(DatabaseConfig.embedded(workspace))) {
            return db.transactionResult(cfg -> WorkspaceSettings.using(cfg).get("test.value"));
        }
    }

    /** A copy of the archive with one entry's text changed, everything else as it was. */
    private Path rewrite(Path archive, String entryName, UnaryOperator<String> change) throws IOException {
        Path tampered = dir.resolve("tampered.zip");
        try (ZipFile zip = new ZipFile(archive.toFile());
             OutputStream file = Files.newOutputStream(tampered);
             ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] content;
                try (InputStream in = zip.getInputStream(entry)) {
                    content = in.readAllBytes();
                }
                if (entry.getName().equals(entryName)) {
                    String before = new String(content, StandardCharsets.UTF_8);
                    String after = change.apply(before);
                    assertThat(after).as("the tampering changed something").isNotEqualTo(before);
                    content = after.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        return tampered;
    }
}
