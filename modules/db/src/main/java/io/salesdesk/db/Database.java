package io.salesdesk.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.backup.BackupRotation;
import io.salesdesk.db.backup.DatabaseBackup;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.hsqldb.jdbc.JDBCPool;
import io.salesdesk.db.jooq.DefaultSchema;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.TransactionalCallable;
import org.jooq.TransactionalRunnable;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of the connection pool: opens the database, brings its schema up to date and runs
 * work in transactions.
 *
 * <p>Repositories are created per transaction from the {@link Configuration} handed to the work
 * (the Keywhiz pattern), so every repository a service touches shares the transaction.
 */
public final class Database implements AutoCloseable {

    /**
     * The version of the newest migration this build ships; {@code MigrationFilesTest} keeps it in
     * step with the files under {@code db/migration}.
     */
    public static final String SCHEMA_VERSION = "41";

    // The embedded database's row cache, see tuneEmbeddedFiles.
    private static final int CACHE_ROWS = 100_000;
    private static final int CACHE_KILOBYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DatabaseConfig config;
    private final DataSource dataSource;
    private final DSLContext dsl;
    private final DataDirLock lock;
    private final String schemaVersion;
    // The transaction of oneTransaction on this thread, which the thread's other transactions join.
    private final ThreadLocal<Configuration> joinable = new ThreadLocal<>();

    private Database(DatabaseConfig config, DataSource dataSource, DataDirLock lock, String schemaVersion) {
        this.config = config;
        this.dataSource = dataSource;
        this.lock = lock;
        this.schemaVersion = schemaVersion;
        SQLDialect dialect = config.isPostgres() ? SQLDialect.POSTGRES : SQLDialect.HSQLDB;
        // Unquoted names: HSQLDB folds them to upper case, PostgreSQL to lower case, so the code
        // generated from HSQLDB runs on both.
        // OffsetDateTime bound as a JDBC object, not as text: HSQLDB parsed every timestamp string
        // with SimpleDateFormat, the largest single cost of a bulk insert.
        Settings settings = new Settings()
                .withBindOffsetDateTimeType(true)
                .withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withExecuteLogging(false);
        Configuration configuration = new DefaultConfiguration()
                .set(dataSource)
                .set(dialect)
                .set(settings);
        this.dsl = DSL.using(configuration);
    }

    /**
     * Opens the database, creating and migrating it as needed.
     *
     * @throws DatabaseAlreadyOpenException if another process has the data folder open
     * @throws SchemaTooNewException        if a newer SalesDesk wrote the database
     */
    public static Database open(DatabaseConfig config) {
        if (config.cryptKey() == null && config.isEncrypted()) {
            // Without its key HSQLDB would take the encrypted script for a damaged one.
            throw new SalesDeskException("error.crypt.passphraseNeeded", config.dataDir());
        }
        DataDirLock lock = config.dataDir() == null ? null : DataDirLock.acquire(config.dataDir());
        DataSource dataSource = null;
        try {
            dataSource = createDataSource(config);
            String version = migrate(config, dataSource);
            if (config.mode() == DatabaseConfig.Mode.EMBEDDED) {
                tuneEmbeddedFiles(dataSource);
            }
            return new Database(config, dataSource, lock, version);
        } catch (RuntimeException e) {
            closeQuietly(dataSource, config);
            if (lock != null) {
                lock.release();
            }
            throw e;
        }
    }

    private static DataSource createDataSource(DatabaseConfig config) {
        switch (config.mode()) {
            case EMBEDDED:
            case MEMORY:
                JDBCPool pool = new JDBCPool(8);
                pool.setUrl(config.url());
                if (config.cryptKey() != null) {
                    // As connection properties, not in the URL, which is logged and shown. Set before
                    // user and password, which setProperties would otherwise replace.
                    pool.setProperties(cryptProperties(config.cryptKey()));
                }
                pool.setUser(config.user());
                pool.setPassword(config.password());
                return pool;
            default:
                HikariConfig hikari = new HikariConfig();
                hikari.setJdbcUrl(config.url());
                hikari.setUsername(config.user());
                hikari.setPassword(config.password());
                hikari.setMaximumPoolSize(8);
                hikari.setPoolName("salesdesk");
                try {
                    return new HikariDataSource(hikari);
                } catch (HikariPool.PoolInitializationException e) {
                    // A wrong password or a server that is not running: the driver's words, without a stack trace.
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    throw new SalesDeskException(e, "error.db.connect", config.url(), cause.getMessage());
                }
        }
    }

    /**
     * HSQLDB's encrypted files: AES over the script, log, data and (crypt_lobs) lob files; only the
     * small .properties file stays plain.
     */
    public static java.util.Properties cryptProperties(String key) {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("crypt_key", key);
        properties.setProperty("crypt_type", "AES");
        properties.setProperty("crypt_lobs", "true");
        return properties;
    }

    private static String migrate(DatabaseConfig config, DataSource dataSource) {
        // Most starts find the schema current: a plain look at the history table answers that in
        // milliseconds, where setting Flyway up takes over a second of the start-up budget.
        MigrationVersion applied = appliedVersion(dataSource);
        MigrationVersion shipped = MigrationVersion.fromVersion(SCHEMA_VERSION);
        if (applied != null && applied.isNewerThan(SCHEMA_VERSION)) {
            throw new SchemaTooNewException(applied.getVersion(), SCHEMA_VERSION);
        }
        if (shipped.equals(applied)) {
            return SCHEMA_VERSION;
        }
        String vendor = config.isPostgres() ? "postgresql" : "hsqldb";
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load();
        if (applied != null && config.mode() == DatabaseConfig.Mode.EMBEDDED) {
            backUpBeforeMigrating(config, dataSource, applied);
        }
        flyway.migrate();
        MigrationInfo current = flyway.info().current();
        String version = current == null ? "0" : current.getVersion().getVersion();
        LOG.info("Database {} at schema version {}", config.mode(), version);
        return version;
    }

    /**
     * A migration rewrites tables; if one fails half-way on a user's data, or the new version has to be
     * rolled back, this backup (in {@code DATA_DIR/backups}, never removed automatically) is the way back.
     */
    private static void backUpBeforeMigrating(DatabaseConfig config, DataSource dataSource, MigrationVersion applied) {
        try (Connection c = dataSource.getConnection()) {
            DatabaseBackup.Result backup = DatabaseBackup.create(c, config,
                    BackupRotation.folder(config.dataDir()), "pre-migration-v" + applied.getVersion(), Clock.systemUTC());
            LOG.info("Backed up schema version {} to {} before migrating", applied.getVersion(), backup.archive());
        } catch (SQLException e) {
            throw new SalesDeskException(e, "error.backup.write", config.dataDir(), e.getMessage());
        }
    }

    /**
     * Settings of the embedded database's files.
     *
     * <p>HSQLDB checkpoints from a timer thread when its log passes 50 MB; a checkpoint that meets
     * our SHUTDOWN at close deadlocks inside HSQLDB (seen after a 50,000-row import). With no size
     * limit the log is checkpointed only by SHUTDOWN, on the closing thread; every commit is still
     * on disk in the log.
     *
     * <p>The row cache (default 50,000 rows / 10 MB) is smaller than the customer table of a
     * 100,000-customer workspace with its indexes, so it is raised to 100,000 rows / 64 MB. It was
     * once a million rows / 512 MB, sized to hold one import transaction; a large import on the
     * embedded database is now written in chunks (docs/decisions.md, decision 1), so rows of
     * committed chunks can leave the heap, and a larger cache only holds memory (a 100,000-row
     * import's live heap: about 265 MB with this cache, over 800 MB with the old one).
     *
     * <p>The data file is read without memory mapping: mapped pages count against the process's
     * memory (about 200 MB during that import), HSQLDB maps files only up to 256 MB anyway, and
     * reads go through the operating system's file cache either way.
     * Cache settings take effect when the database is next opened.
     */
    private static void tuneEmbeddedFiles(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET FILES LOG SIZE 0");
            s.execute("SET FILES NIO FALSE");
            s.execute("SET FILES CACHE ROWS " + CACHE_ROWS);
            s.execute("SET FILES CACHE SIZE " + CACHE_KILOBYTES);
        } catch (SQLException e) {
            throw new SalesDeskException(e, "error.dataDirUnusable", "", e.getMessage());
        }
    }

    /** The newest successfully applied migration, or null for a new database. */
    private static MigrationVersion appliedVersion(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                     + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL")) {
            MigrationVersion newest = null;
            while (rs.next()) {
                MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                if (newest == null || v.isNewerThan(newest.getVersion())) {
                    newest = v;
                }
            }
            return newest;
        } catch (SQLException e) {
            // No history table yet: a new database, which Flyway creates.
            return null;
        }
    }

    /**
     * Runs work in one transaction; it commits when the work returns and rolls back if it throws.
     * Inside {@link #oneTransaction} on the same thread it is a savepoint of that transaction instead.
     */
    public void transaction(TransactionalRunnable work) {
        Configuration outer = joinable.get();
        if (outer != null) {
            DSL.using(outer).transaction(work);
        } else {
            dsl.transaction(work);
        }
    }

    /** Runs work in one transaction and returns its result (joining {@link #oneTransaction} as above). */
    public <T> T transactionResult(TransactionalCallable<T> work) {
        Configuration outer = joinable.get();
        return outer != null ? DSL.using(outer).transactionResult(work) : dsl.transactionResult(work);
    }

    /**
     * Runs work in one transaction that every {@link #transaction} started by the same thread meanwhile
     * joins, so that work calling several services (each opening its own transaction) commits or rolls
     * back as a whole: installing a scenario template adds fields, rules, boards and flows through their
     * services, and a failure half-way must leave nothing. Only this method makes transactions join;
     * everywhere else each {@link #transaction} stays its own.
     */
    public <T> T oneTransaction(TransactionalCallable<T> work) {
        if (joinable.get() != null) {
            return transactionResult(work);
        }
        return dsl.transactionResult(cfg -> {
            joinable.set(cfg);
            try {
                return work.run(cfg);
            } finally {
                joinable.remove();
            }
        });
    }

    /** For reads that need no transaction of their own (each statement auto-commits). */
    public DSLContext dsl() {
        return dsl;
    }

    public DatabaseConfig config() {
        return config;
    }

    /**
     * Live rows per table (soft-deleted rows left out where the table has {@code deleted_at}),
     * in table-name order; for {@code salesdesk info} and support.
     */
    public Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            Field<?> deletedAt = table.field("DELETED_AT");
            Condition live = deletedAt == null ? DSL.noCondition() : deletedAt.isNull();
            counts.put(table.getName().toLowerCase(Locale.ROOT), (long) dsl.fetchCount(table, live));
        }
        return counts;
    }

    /** The Flyway version the schema is at, e.g. {@code "1"}. */
    public String schemaVersion() {
        return schemaVersion;
    }

    @Override
    public void close() {
        closeQuietly(dataSource, config);
        if (lock != null) {
            lock.release();
        }
    }

    private static void closeQuietly(DataSource dataSource, DatabaseConfig config) {
        if (dataSource == null) {
            return;
        }
        try {
            if (dataSource instanceof JDBCPool pool) {
                if (config.isInProcess()) {
                    // A clean SHUTDOWN checkpoints the log, so the next start need not replay it.
                    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                        s.execute("SHUTDOWN");
                    }
                }
                pool.close(0);
            } else if (dataSource instanceof HikariDataSource hikari) {
                hikari.close();
            }
        } catch (SQLException e) {
            LOG.warn("Closing the database failed", e);
        }
    }

    /**
     * An OS-level lock on the data folder, taken before HSQLDB opens its files, so a second
     * SalesDesk on the same folder gets a clear message instead of a database error.
     */
    public static final class DataDirLock {

        private final FileChannel channel;
        private final FileLock fileLock;

        private DataDirLock(FileChannel channel, FileLock fileLock) {
            this.channel = channel;
            this.fileLock = fileLock;
        }

        public static DataDirLock acquire(Path dataDir) {
            try {
                Files.createDirectories(dataDir);
                FileChannel channel = FileChannel.open(dataDir.resolve("salesdesk.lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    channel.close();
                    throw new DatabaseAlreadyOpenException(dataDir);
                }
                return new DataDirLock(channel, lock);
            } catch (IOException e) {
                throw new SalesDeskException(e, "error.dataDirUnusable", dataDir, e.getMessage());
            }
        }

        public void release() {
            List<IOException> failures = new ArrayList<>();
            try {
                fileLock.release();
            } catch (IOException e) {
                failures.add(e);
            }
            try {
                channel.close();
            } catch (IOException e) {
                failures.add(e);
            }
            failures.forEach(e -> LOG.warn("Releasing the data folder lock failed", e));
        }
    }
}
