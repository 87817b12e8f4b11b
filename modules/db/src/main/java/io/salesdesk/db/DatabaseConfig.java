package io.salesdesk.db;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the database lives and how to reach it.
 *
 * @param mode     embedded file, in-memory (tests), HSQLDB server or PostgreSQL
 * @param url      JDBC URL
 * @param user     database user
 * @param password database password (never logged)
 * @param dataDir  the data folder for embedded mode, otherwise {@code null}
 * @param cryptKey HSQLDB's AES key (hex) of an encrypted embedded workspace, otherwise {@code null}; never logged
 */
public record DatabaseConfig(Mode mode, String url, String user, String password, Path dataDir, String cryptKey) {

    /** The database modes SalesDesk runs on. */
    public enum Mode {
        EMBEDDED, MEMORY, HSQLDB_SERVER, POSTGRESQL
    }

    public DatabaseConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(url, "url");
    }

    /** A database whose files are not encrypted. */
    public DatabaseConfig(Mode mode, String url, String user, String password, Path dataDir) {
        this(mode, url, user, password, dataDir, null);
    }

    /** This embedded workspace opened with the key of its encrypted files ({@code WorkspaceKey.hsqldbKey}). */
    public DatabaseConfig withCryptKey(String key) {
        if (mode != Mode.EMBEDDED) {
            throw new IllegalStateException("Only an embedded workspace is encrypted, not " + mode);
        }
        return new DatabaseConfig(mode, url, user, password, dataDir, key);
    }

    /** The folder of the embedded database's files ({@code DATA_DIR/db}), or null for other modes. */
    public Path dbDir() {
        return dataDir == null ? null : dataDir.resolve("db");
    }

    /** Whether this is an embedded workspace whose files are encrypted (its key header is there). */
    public boolean isEncrypted() {
        return mode == Mode.EMBEDDED && io.salesdesk.db.crypt.WorkspaceKey.isEncrypted(dbDir());
    }

    /** One person on one machine: an HSQLDB file database under {@code dataDir/db}. */
    public static DatabaseConfig embedded(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("db").resolve("salesdesk");
        // write_delay=false: every commit reaches the disk before the call returns.
        // default_table_type=cached: rows live on disk, so opening a large workspace does not
        // read every row into memory first.
        // lock_file=false: Database holds an OS file lock on the data folder instead. HSQLDB's own
        // lock file would refuse a restart for several seconds after a crash (its heartbeat).
        String url = "jdbc:hsqldb:file:" + file + ";hsqldb.write_delay=false;hsqldb.default_table_type=cached"
                + ";hsqldb.tx=mvcc;hsqldb.lock_file=false";
        return new DatabaseConfig(Mode.EMBEDDED, url, "SA", LocalAdminPassword.read(file.getParent()),
                dataDir.toAbsolutePath());
    }

    /** A private in-memory database, for tests that need no file. */
    public static DatabaseConfig memory(String name) {
        return new DatabaseConfig(Mode.MEMORY, "jdbc:hsqldb:mem:" + name + ";hsqldb.tx=mvcc", "SA", "", null);
    }

    /** A shared database server, HSQLDB or PostgreSQL, told apart by the URL. */
    public static DatabaseConfig server(String url, String user, String password) {
        Mode mode = url.startsWith("jdbc:postgresql:") ? Mode.POSTGRESQL : Mode.HSQLDB_SERVER;
        return new DatabaseConfig(mode, url, user, password, null);
    }

    public boolean isPostgres() {
        return mode == Mode.POSTGRESQL;
    }

    /** Whether only this process opens the database (embedded or in memory): nobody else sees its data meanwhile. */
    public boolean isInProcess() {
        return mode == Mode.EMBEDDED || mode == Mode.MEMORY;
    }

    @Override
    public String toString() {
        return "DatabaseConfig[" + mode + ", " + url + "]";
    }
}
