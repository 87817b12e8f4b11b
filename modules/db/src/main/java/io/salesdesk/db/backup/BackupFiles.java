package io.salesdesk.db.backup;

import io.salesdesk.db.Database;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;

/** Reading a set of HSQLDB database files in a folder without changing them: checksums, schema version, row counts. */
final class BackupFiles {

    /** The database's file name stem, as {@code DatabaseConfig.embedded} names it. */
    static final String STEM = "salesdesk";
    static final String SA_PASSWORD = "sa.password";

    private BackupFiles() {
    }

    /** SHA-256 of each regular file in {@code dbDir}, by file name. */
    static Map<String, String> checksums(Path dbDir) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.list(dbDir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                sums.put(file.getFileName().toString(), sha256(file));
            }
        }
        return sums;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The schema version and row counts of the database files in {@code dbDir}, opened read-only. */
    record Contents(String schemaVersion, Map<String, Long> rowCounts) {
    }

    /**
     * Opens the files read-only in this process (no migration, nothing written), reads the newest
     * applied migration and counts the rows of every table, and shuts the copy down again.
     */
    static Contents inspect(Path dbDir, String cryptKey) throws SQLException, IOException {
        Path passwordFile = dbDir.resolve(SA_PASSWORD);
        String password = Files.exists(passwordFile) ? Files.readString(passwordFile).strip() : "";
        String url = "jdbc:hsqldb:file:" + dbDir.toAbsolutePath().resolve(STEM)
                + ";files_readonly=true;hsqldb.lock_file=false;ifexists=true";
        // An encrypted copy opens with the key of the workspace it came from.
        java.util.Properties properties = cryptKey == null ? new java.util.Properties() : Database.cryptProperties(cryptKey);
        properties.setProperty("user", "SA");
        properties.setProperty("password", password);
        try (Connection c = DriverManager.getConnection(url, properties); Statement s = c.createStatement()) {
            try {
                MigrationVersion newest = null;
                try (ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                        + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL")) {
                    while (rs.next()) {
                        MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                        newest = newest == null || v.isNewerThan(newest.getVersion()) ? v : newest;
                    }
                }
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                tables.sort(Comparator.naturalOrder());
                Map<String, Long> counts = new TreeMap<>();
                for (String table : tables) {
                    // Names come from the catalogue, quoted as stored.
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                        rs.next();
                        counts.put(table, rs.getLong(1));
                    }
                }
                return new Contents(newest == null ? "0" : newest.getVersion(), counts);
            } finally {
                // An in-process database stays open in the JVM until SHUTDOWN.
                s.execute("SHUTDOWN");
            }
        }
    }

    /** Whether a backup's schema is newer than this build knows. */
    static boolean newerThanApp(String schemaVersion) {
        return MigrationVersion.fromVersion(schemaVersion).isNewerThan(Database.SCHEMA_VERSION);
    }
}
