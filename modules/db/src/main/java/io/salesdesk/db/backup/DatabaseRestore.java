package io.salesdesk.db.backup;

import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.crypt.WorkspaceKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code salesdesk restore}: a backup replaces the workspace's database only after it has proved
 * itself: the archive reads without error, every file matches its checksum, the copy opens, its schema
 * is not newer than this app and every table holds the rows the manifest promises. The current database
 * is moved aside, never deleted, and put back if the restored one does not open.
 */
public final class DatabaseRestore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private DatabaseRestore() {
    }

    /**
     * What a restore did.
     *
     * @param manifest the restored backup's manifest
     * @param previous where the database before the restore now is ({@code null} if there was none)
     */
    public record Result(BackupManifest manifest, Path previous) {
    }

    /**
     * Checks the backup {@code archive} by unpacking it into {@code scratch/db} and reading the copy.
     *
     * @throws SalesDeskException saying what is wrong with the backup
     */
    public static BackupManifest verify(Path archive, Path scratch) {
        return verify(archive, scratch, null).manifest();
    }

    /** A verified backup and, for an encrypted one, the key its passphrase unlocked. */
    public record Verified(BackupManifest manifest, String cryptKey) {
    }

    /**
     * As {@link #verify(Path, Path)}, for a backup that may be encrypted: its key header is in the
     * archive and {@code passphrase} unlocks it.
     *
     * @throws SalesDeskException {@code error.crypt.passphraseNeeded} for an encrypted backup without a
     *                            passphrase, {@code error.crypt.wrongPassphrase} for a wrong one
     */
    public static Verified verify(Path archive, Path scratch, char[] passphrase) {
        Path dbCopy = scratch.resolve("db");
        BackupManifest manifest;
        Set<String> unpacked = new HashSet<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(DatabaseBackup.MANIFEST);
            if (manifestEntry == null) {
                throw unreadable(archive, "no " + DatabaseBackup.MANIFEST);
            }
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = DatabaseBackup.JSON.readValue(in, BackupManifest.class);
            }
            if (manifest.format() != BackupManifest.FORMAT || manifest.files() == null || manifest.rowCounts() == null) {
                throw unreadable(archive, "format " + manifest.format());
            }
            Files.createDirectories(dbCopy);
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.startsWith(DatabaseBackup.DB_FOLDER)) {
                    continue;
                }
                String file = name.substring(DatabaseBackup.DB_FOLDER.length());
                // Only plain file names: an entry must not write outside the scratch folder.
                if (file.isEmpty() || file.contains("/") || file.contains("\\") || file.startsWith(".")) {
                    throw unreadable(archive, name);
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, dbCopy.resolve(file));
                }
                unpacked.add(file);
            }
        } catch (IOException e) {
            // ZipFile refuses a truncated archive; a damaged entry fails its CRC or inflation here.
            throw unreadable(archive, e.getMessage());
        }
        try {
            for (Map.Entry<String, String> expected : manifest.files().entrySet()) {
                if (!unpacked.contains(expected.getKey())
                        || !expected.getValue().equals(BackupFiles.sha256(dbCopy.resolve(expected.getKey())))) {
                    throw new SalesDeskException("error.backup.checksum", archive, expected.getKey());
                }
            }
            if (!unpacked.equals(manifest.files().keySet())) {
                throw unreadable(archive, "files " + unpacked);
            }
            if (BackupFiles.newerThanApp(manifest.schemaVersion())) {
                throw new SalesDeskException("error.backup.schemaTooNew", archive, manifest.schemaVersion(),
                        Database.SCHEMA_VERSION);
            }
            String key = null;
            if (WorkspaceKey.isEncrypted(dbCopy)) {
                if (passphrase == null) {
                    throw new SalesDeskException("error.crypt.passphraseNeeded", archive);
                }
                key = WorkspaceKey.unlock(dbCopy, passphrase).hsqldbKey();
            }
            BackupFiles.Contents contents = BackupFiles.inspect(dbCopy, key);
            if (!contents.schemaVersion().equals(manifest.schemaVersion())) {
                throw unreadable(archive, "schema " + contents.schemaVersion());
            }
            for (Map.Entry<String, Long> expected : manifest.rowCounts().entrySet()) {
                Long found = contents.rowCounts().get(expected.getKey());
                if (!Objects.equals(found, expected.getValue())) {
                    throw new SalesDeskException("error.backup.rowCounts", archive, expected.getKey(),
                            expected.getValue(), found == null ? 0 : found);
                }
            }
            return new Verified(manifest, key);
        } catch (IOException | SQLException e) {
            throw unreadable(archive, e.getMessage());
        }
    }

    /** Whether the backup {@code archive} is of an encrypted workspace (and restores only with its passphrase). */
    public static boolean isEncrypted(Path archive) {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            return zip.getEntry(DatabaseBackup.DB_FOLDER + WorkspaceKey.HEADER) != null;
        } catch (IOException e) {
            // verify says what is wrong with it.
            return false;
        }
    }

    private static SalesDeskException unreadable(Path archive, String why) {
        return new SalesDeskException("error.backup.unreadable", archive, why);
    }

    /**
     * Verifies {@code archive} and, only if it passes, makes it the database of the workspace in
     * {@code dataDir}, which must not be open.
     */
    public static Result restore(Path archive, Path dataDir, Clock clock) {
        return restore(archive, dataDir, clock, null);
    }

    /** As {@link #restore(Path, Path, Clock)}; {@code passphrase} unlocks an encrypted backup (else null). */
    public static Result restore(Path archive, Path dataDir, Clock clock, char[] passphrase) {
        Path folder = dataDir.toAbsolutePath();
        String stamp = STAMP.format(clock.instant());
        Path scratch = folder.resolve(".restore-" + stamp);
        Path current = folder.resolve("db");
        Path previous = folder.resolve("db-before-restore-" + stamp);
        Database.DataDirLock lock = Database.DataDirLock.acquire(folder);
        boolean moved = false;
        try {
            Verified verified = verify(archive, scratch, passphrase);
            BackupManifest manifest = verified.manifest();
            try {
                if (Files.exists(current)) {
                    Files.move(current, previous);
                    moved = true;
                }
                Files.move(scratch.resolve("db"), current);
            } catch (IOException e) {
                putBack(current, previous, moved);
                throw new SalesDeskException(e, "error.backup.restoreFailed", archive, e.getMessage());
            }
            lock.release();
            lock = null;
            try {
                // Opening migrates a backup from an older SalesDesk, and proves the restored files work.
                DatabaseConfig restored = DatabaseConfig.embedded(folder);
                Database.open(verified.cryptKey() == null ? restored : restored.withCryptKey(verified.cryptKey())).close();
            } catch (RuntimeException e) {
                putBack(current, previous, moved);
                throw new SalesDeskException(e, "error.backup.restoreFailed", archive, e.getMessage());
            }
            return new Result(manifest, moved ? previous : null);
        } finally {
            if (lock != null) {
                lock.release();
            }
            DatabaseBackup.deleteQuietly(scratch);
        }
    }

    // The restored copy goes (the backup it came from is untouched), the previous database comes back.
    private static void putBack(Path current, Path previous, boolean moved) {
        if (!moved) {
            return;
        }
        DatabaseBackup.deleteQuietly(current);
        try {
            Files.move(previous, current);
        } catch (IOException e) {
            throw new SalesDeskException(e, "error.backup.putBack", previous, current);
        }
    }
}
