package io.salesdesk.db.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.crypt.WorkspaceKey;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jooq.exception.DataAccessException;

/**
 * An online backup of the embedded database: HSQLDB's {@code BACKUP DATABASE ... BLOCKING AS FILES}
 * into a scratch folder, the copy opened read-only to count its rows, then one zip holding the files
 * and a {@link BackupManifest}. The zip appears under its final name only when complete.
 */
public final class DatabaseBackup {

    static final String MANIFEST = "manifest.json";
    static final String DB_FOLDER = "db/";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private DatabaseBackup() {
    }

    /** The backup archive made here, with what its manifest says. */
    public record Result(Path archive, BackupManifest manifest) {
    }

    /**
     * Backs up the open embedded database {@code db} into {@code toDir}.
     *
     * @param label a word in the file name: manual, daily, ...
     * @throws SalesDeskException for PostgreSQL and HSQLDB servers, whose backups are the server's job
     */
    public static Result create(Database db, Path toDir, String label, Clock clock) {
        DatabaseConfig config = db.config();
        if (config.isPostgres()) {
            throw new SalesDeskException("error.backup.postgres");
        }
        if (config.mode() != DatabaseConfig.Mode.EMBEDDED) {
            throw new SalesDeskException("error.backup.notEmbedded");
        }
        try {
            return db.dsl().connectionResult(c -> create(c, config, toDir, label, clock));
        } catch (DataAccessException e) {
            throw e.getCause() instanceof SalesDeskException domain ? domain : e;
        }
    }

    /**
     * Backs up the database behind {@code connection} (an embedded one in {@code dataDir}); also used
     * by {@link Database} before it migrates, when no {@link Database} exists yet. The backup of an
     * encrypted workspace holds its encrypted files and key header, so it stays encrypted and restores
     * with the passphrase.
     */
    public static Result create(Connection connection, DatabaseConfig config, Path toDir, String label, Clock clock) {
        Path dataDir = config.dataDir();
        Path scratch = null;
        try {
            Files.createDirectories(toDir);
            scratch = Files.createTempDirectory(toDir, ".backup-");
            Path dbCopy = scratch.resolve("db");
            Files.createDirectories(dbCopy);
            try (Statement s = connection.createStatement()) {
                // BLOCKING: writes wait the few seconds the copy takes, so the copy is one consistent state.
                s.execute("BACKUP DATABASE TO '" + dbCopy.toAbsolutePath().toString().replace("'", "''")
                        + "/' BLOCKING AS FILES");
            }
            Path password = dataDir.resolve("db").resolve(BackupFiles.SA_PASSWORD);
            if (Files.exists(password)) {
                Files.copy(password, dbCopy.resolve(BackupFiles.SA_PASSWORD));
            }
            Path keyHeader = dataDir.resolve("db").resolve(WorkspaceKey.HEADER);
            if (config.cryptKey() != null && Files.exists(keyHeader)) {
                Files.copy(keyHeader, dbCopy.resolve(WorkspaceKey.HEADER));
            }
            BackupFiles.Contents contents = BackupFiles.inspect(dbCopy, config.cryptKey());
            Instant now = clock.instant();
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, now.toString(),
                    contents.schemaVersion(), contents.rowCounts(), BackupFiles.checksums(dbCopy));
            Path archive = toDir.resolve("salesdesk-" + label + "-" + STAMP.format(now) + ".zip");
            Path part = toDir.resolve(archive.getFileName() + ".part");
            try {
                writeZip(part, dbCopy, manifest);
                Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                // A disk that filled up half-way leaves no half backup behind.
                Files.deleteIfExists(part);
            }
            return new Result(archive, manifest);
        } catch (IOException | SQLException e) {
            throw new SalesDeskException(e, "error.backup.write", toDir, e.getMessage());
        } finally {
            deleteQuietly(scratch);
        }
    }

    private static void writeZip(Path zip, Path dbCopy, BackupManifest manifest) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (String name : manifest.files().keySet()) {
                out.putNextEntry(new ZipEntry(DB_FOLDER + name));
                Files.copy(dbCopy.resolve(name), out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(MANIFEST));
            out.write(JSON.writeValueAsBytes(manifest));
            out.closeEntry();
        }
    }

    /** Removes a scratch folder; a failure only leaves a hidden folder behind, so it is not an error. */
    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(DatabaseBackup.class).warn("Could not remove {}", dir, e);
        }
    }
}
