package io.salesdesk.db.crypt;

import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.backup.BackupRotation;
import io.salesdesk.db.backup.DatabaseBackup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jooq.exception.DataAccessException;

/**
 * {@code salesdesk encrypt} and {@code salesdesk decrypt}: the workspace's database copied row by row
 * into a new database with the other kind of files, then swapped in.
 *
 * <p>HSQLDB cannot encrypt a database in place, so the copy is made through JDBC into a fresh database
 * at the same schema version beside the old one. The old files go only after a verified backup was
 * made, the new database opened and every table's row count matched; until then nothing in the
 * workspace changed. After encrypting, the plain backups and the plain customer-list cache in the data
 * folder are removed too: they are the same data in clear.
 */
public final class WorkspaceEncryption {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final int BATCH = 1000;

    private WorkspaceEncryption() {
    }

    /**
     * What a conversion did.
     *
     * @param backup  a verified backup: after decrypting, the one made before; after encrypting, a fresh
     *                encrypted one (the one made before was plain and is among {@code removed})
     * @param rows    rows copied, by table
     * @param removed plain copies of the data removed after encrypting (backups, cache)
     */
    public record Result(Path backup, Map<String, Long> rows, List<Path> removed) {
        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Encrypts the plain workspace in {@code dataDir} with a key from {@code passphrase}. */
    public static Result encrypt(Path dataDir, char[] passphrase, WorkspaceKey.Cost cost, Clock clock) {
        DatabaseConfig plain = DatabaseConfig.embedded(dataDir);
        if (plain.isEncrypted()) {
            throw new SalesDeskException("error.crypt.alreadyEncrypted", dataDir);
        }
        WorkspaceKey key = WorkspaceKey.create(passphrase, cost);
        Result result = convert(plain, key, "before-encrypt", clock);
        List<Path> removed = new ArrayList<>();
        removePlainCopies(plain.dataDir(), removed);
        // The plain backups are gone, so the workspace gets an encrypted one at once.
        Path backup;
        try (Database encrypted = Database.open(plain.withCryptKey(key.hsqldbKey()))) {
            backup = DatabaseBackup.create(encrypted, BackupRotation.folder(plain.dataDir()), "after-encrypt", clock).archive();
        }
        return new Result(backup, result.rows(), removed);
    }

    /** Decrypts the encrypted workspace in {@code dataDir}, whose passphrase is {@code passphrase}. */
    public static Result decrypt(Path dataDir, char[] passphrase, Clock clock) {
        DatabaseConfig encrypted = DatabaseConfig.embedded(dataDir);
        if (!encrypted.isEncrypted()) {
            throw new SalesDeskException("error.crypt.notEncrypted", dataDir);
        }
        WorkspaceKey key = WorkspaceKey.unlock(encrypted.dbDir(), passphrase);
        return convert(encrypted.withCryptKey(key.hsqldbKey()), null, "before-decrypt", clock);
    }

    /** Copies the database of {@code from} into a new one encrypted with {@code to} (or plain when null) and swaps it in. */
    private static Result convert(DatabaseConfig from, WorkspaceKey to, String label, Clock clock) {
        Path dataDir = from.dataDir();
        String stamp = STAMP.format(clock.instant());
        Path scratch = dataDir.resolve(".convert-" + stamp);
        Path oldDb = dataDir.resolve("db-converted-" + stamp);
        Path backup;
        Map<String, Long> rows;
        try (Database source = Database.open(from)) {
            backup = DatabaseBackup.create(source, BackupRotation.folder(dataDir), label, clock).archive();
            Path scratchDb = scratch.resolve("db");
            Files.createDirectories(scratchDb);
            Path saPassword = from.dbDir().resolve("sa.password");
            if (Files.exists(saPassword)) {
                // A new HSQLDB database takes the first connection's password for SA: the same as before.
                Files.copy(saPassword, scratchDb.resolve("sa.password"));
            }
            DatabaseConfig target = DatabaseConfig.embedded(scratch);
            if (to != null) {
                to.writeHeader(scratchDb);
                target = target.withCryptKey(to.hsqldbKey());
            }
            try (Database copy = Database.open(target)) {
                if (!copy.schemaVersion().equals(source.schemaVersion())) {
                    throw new SalesDeskException("error.crypt.convertFailed", dataDir,
                            "schema " + copy.schemaVersion() + " <> " + source.schemaVersion());
                }
                rows = copyRows(source, copy);
            }
        } catch (IOException e) {
            deleteTree(scratch);
            throw new SalesDeskException(e, "error.crypt.convertFailed", dataDir, e.getMessage());
        } catch (RuntimeException e) {
            deleteTree(scratch);
            throw e;
        }
        try {
            // The copy is proved before the old files go: it opens again on its own and counts the same rows.
            DatabaseConfig check = DatabaseConfig.embedded(scratch);
            try (Database reopened = Database.open(to == null ? check : check.withCryptKey(to.hsqldbKey()))) {
                Map<String, Long> counted = reopened.dsl().connectionResult(WorkspaceEncryption::countRows);
                if (!counted.equals(rows)) {
                    throw new SalesDeskException("error.crypt.convertFailed", dataDir, "row counts " + counted + " <> " + rows);
                }
            }
            Database.DataDirLock lock = Database.DataDirLock.acquire(dataDir);
            try {
                Files.move(from.dbDir(), oldDb);
                try {
                    Files.move(scratch.resolve("db"), from.dbDir());
                } catch (IOException e) {
                    Files.move(oldDb, from.dbDir());
                    throw e;
                }
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            deleteTree(scratch);
            throw new SalesDeskException(e, "error.crypt.convertFailed", dataDir, e.getMessage());
        } catch (RuntimeException e) {
            deleteTree(scratch);
            throw e;
        }
        deleteTree(oldDb);
        deleteTree(scratch);
        return new Result(backup, rows, List.of());
    }

    /** Every row of every table (the migration history too) from {@code source} into the empty tables of {@code copy}. */
    private static Map<String, Long> copyRows(Database source, Database copy) {
        try {
            return source.dsl().connectionResult(from -> copy.dsl().connectionResult(to -> copyRows(from, to)));
        } catch (DataAccessException e) {
            throw e.getCause() instanceof SalesDeskException domain ? domain : e;
        }
    }

    private static Map<String, Long> copyRows(Connection from, Connection to) throws SQLException {
        List<String> tables = tables(from);
        boolean autoCommit = to.getAutoCommit();
        to.setAutoCommit(false);
        try (Statement s = to.createStatement()) {
            // Rows arrive table by table, so a reference may come before the row it points at.
            s.execute("SET DATABASE REFERENTIAL INTEGRITY FALSE");
            for (String table : tables) {
                // The new database's migrations seeded some rows; the copy brings the real ones.
                s.executeUpdate("DELETE FROM " + quote(table));
            }
            for (String table : tables) {
                copyTable(from, to, table);
            }
            to.commit();
            s.execute("SET DATABASE REFERENTIAL INTEGRITY TRUE");
        } catch (SQLException | RuntimeException e) {
            to.rollback();
            throw e;
        } finally {
            to.setAutoCommit(autoCommit);
        }
        Map<String, Long> before = countRows(from);
        Map<String, Long> after = countRows(to);
        if (!before.equals(after)) {
            throw new SalesDeskException("error.crypt.convertFailed", "", "row counts " + after + " <> " + before);
        }
        return after;
    }

    private static void copyTable(Connection from, Connection to, String table) throws SQLException {
        try (Statement read = from.createStatement(); ResultSet rs = read.executeQuery("SELECT * FROM " + quote(table))) {
            ResultSetMetaData meta = rs.getMetaData();
            int columns = meta.getColumnCount();
            StringBuilder names = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
                names.append(i > 1 ? ", " : "").append(quote(meta.getColumnName(i)));
                marks.append(i > 1 ? ", " : "").append('?');
            }
            try (PreparedStatement write = to.prepareStatement(
                    "INSERT INTO " + quote(table) + " (" + names + ") VALUES (" + marks + ")")) {
                int pending = 0;
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        write.setObject(i, rs.getObject(i), meta.getColumnType(i));
                    }
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    write.executeBatch();
                }
            }
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        tables.sort(Comparator.naturalOrder());
        return tables;
    }

    private static Map<String, Long> countRows(Connection c) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement s = c.createStatement()) {
            for (String table : tables(c)) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + quote(table))) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    // Names come from the catalogue, quoted as stored.
    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /**
     * The data in clear outside the database: the backups in the data folder (the one just made
     * included), databases kept aside by a restore, and the customer-list cache.
     */
    private static void removePlainCopies(Path dataDir, List<Path> removed) {
        List<Path> plain = new ArrayList<>();
        Path backups = BackupRotation.folder(dataDir);
        try {
            if (Files.isDirectory(backups)) {
                try (Stream<Path> files = Files.list(backups)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".zip")).forEach(plain::add);
                }
            }
            try (Stream<Path> files = Files.list(dataDir)) {
                files.filter(f -> f.getFileName().toString().startsWith("db-before-restore-")).forEach(plain::add);
            }
            Path cache = dataDir.resolve("cache").resolve("customer-list.bin");
            if (Files.exists(cache)) {
                plain.add(cache);
            }
        } catch (IOException e) {
            throw new SalesDeskException(e, "error.dataDirUnusable", dataDir, e.getMessage());
        }
        for (Path p : plain) {
            deleteTree(p);
            removed.add(p);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new SalesDeskException(e, "error.dataDirUnusable", dir, e.getMessage());
        }
    }

}
