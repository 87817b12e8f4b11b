package io.salesdesk.db;

import io.salesdesk.core.SalesDeskException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.hsqldb.persist.HsqlProperties;
import org.hsqldb.server.Server;
import org.hsqldb.server.ServerAcl;
import org.hsqldb.server.ServerConstants;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A workspace's embedded database served to a team over the network ({@code salesdesk server}): an
 * HSQLDB server on the same files, reached as {@code jdbc:hsqldb:hsql://HOST:PORT/salesdesk}.
 *
 * <p>Clients sign in as one named database user with a password. SA, whose password is empty on a
 * personal workspace, gets a random one kept in the data folder ({@link LocalAdminPassword}) before the
 * folder is first served, so the network cannot sign in as SA while this machine still opens the files
 * in-process (embedded mode, backups). The data folder stays locked while the server runs, so the desktop app cannot open the same
 * files beside it.
 */
public final class DatabaseServer implements AutoCloseable {

    /** The name clients put at the end of the URL. */
    public static final String DATABASE_NAME = "salesdesk";

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseServer.class);
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private final Server server;
    private final Database.DataDirLock lock;
    private final String url;
    private boolean stopped;

    private DatabaseServer(Server server, Database.DataDirLock lock, String url) {
        this.server = server;
        this.lock = lock;
        this.url = url;
    }

    /**
     * How the server listens and whom it lets in.
     *
     * @param port     TCP port, 0 is not allowed (clients need to know it)
     * @param user     the database user clients sign in as
     * @param password that user's password, not empty
     * @param tls      whether connections are encrypted (the JVM's {@code javax.net.ssl.keyStore} holds the key)
     */
    public record Options(int port, String user, String password, boolean tls) {
    }

    /**
     * Migrates the workspace in {@code dataDir}, makes sure the clients' user exists with the given
     * password, and serves the database until {@link #close()}.
     *
     * @throws SalesDeskException if the user or password is unusable or the port cannot be opened
     */
    public static DatabaseServer start(Path dataDir, Options options) {
        if (options.user() == null || !USER_NAME.matcher(options.user()).matches()
                || options.user().equalsIgnoreCase("SA")) {
            throw new SalesDeskException("error.server.user", String.valueOf(options.user()));
        }
        if (options.password() == null || options.password().isEmpty()) {
            throw new SalesDeskException("error.server.password");
        }
        DatabaseConfig embedded = DatabaseConfig.embedded(dataDir);
        try (Database db = Database.open(embedded)) {
            prepareUsers(db, options.user(), options.password());
            if (embedded.password().isEmpty()) {
                LocalAdminPassword.create(dataDir.toAbsolutePath().resolve("db"), db);
            }
        }
        // Between the close above and this lock a desktop app could in theory open the folder; the
        // lock then fails with the usual "already open" message, which is the right answer.
        Database.DataDirLock lock = Database.DataDirLock.acquire(embedded.dataDir());
        try {
            Server server = new Server();
            HsqlProperties properties = new HsqlProperties();
            properties.setProperty("server.database.0", embedded.url().substring("jdbc:hsqldb:".length()));
            properties.setProperty("server.dbname.0", DATABASE_NAME);
            properties.setProperty("server.port", options.port());
            properties.setProperty("server.tls", options.tls());
            // Only the database named above: a client may not create new ones by naming them.
            properties.setProperty("server.remote_open", false);
            properties.setProperty("server.no_system_exit", true);
            server.setProperties(properties);
            server.setSilent(true);
            server.setLogWriter(null);
            server.setErrWriter(null);
            server.start();
            if (server.getState() != ServerConstants.SERVER_STATE_ONLINE) {
                Throwable error = server.getServerError();
                server.shutdown();
                throw new SalesDeskException(error, "error.server.start", options.port(),
                        error == null ? server.getStateDescriptor() : error.getMessage());
            }
            String url = "jdbc:hsqldb:" + (options.tls() ? "hsqls" : "hsql") + "://" + hostName() + ":"
                    + options.port() + "/" + DATABASE_NAME;
            LOG.info("Serving {} at {}", dataDir, url);
            return new DatabaseServer(server, lock, url);
        } catch (IOException | ServerAcl.AclFormatException e) {
            lock.release();
            throw new SalesDeskException(e, "error.server.start", options.port(), e.getMessage());
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /** Creates the clients' user (or sets its password) with rights to migrate, and keeps SA off the network. */
    private static void prepareUsers(Database db, String user, String password) {
        // Quoted, so the name is exactly what clients type (HSQLDB compares user names as written).
        String name = "\"" + user + "\"";
        try {
            db.dsl().connection(c -> {
                boolean exists;
                try (PreparedStatement find = c.prepareStatement(
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SYSTEM_USERS WHERE USER_NAME = ?")) {
                    find.setString(1, user);
                    try (ResultSet rs = find.executeQuery()) {
                        rs.next();
                        exists = rs.getInt(1) > 0;
                    }
                }
                // The name is checked against USER_NAME and the password quoted: DDL takes no parameters.
                String quoted = "'" + password.replace("'", "''") + "'";
                try (Statement s = c.createStatement()) {
                    s.execute(exists ? "ALTER USER " + name + " SET PASSWORD " + quoted
                            : "CREATE USER " + name + " PASSWORD " + quoted);
                    // DBA: a newer SalesDesk client migrates the shared schema when it first connects.
                    s.execute("GRANT DBA TO " + name);
                }
            });
        } catch (DataAccessException e) {
            throw new SalesDeskException(e, "error.server.user", user);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** The JDBC URL clients use, with this machine's host name. */
    public String url() {
        return url;
    }

    /** Shuts the database down cleanly (a checkpoint, so the files are consistent) and stops listening. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            server.shutdownWithCatalogs(org.hsqldb.Database.CLOSEMODE_NORMAL);
        } finally {
            lock.release();
        }
        LOG.info("Server at {} stopped", url);
    }
}
