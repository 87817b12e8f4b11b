package io.salesdesk.db.profile;

import io.salesdesk.db.DatabaseConfig;
import java.nio.file.Path;

/**
 * A named way to reach a workspace: an embedded data folder on this machine, an HSQLDB server started
 * by {@code salesdesk server}, or a PostgreSQL database. The password is not part of it: it is kept
 * encrypted by {@link ConnectionProfiles}.
 *
 * @param name     what the user calls it, e.g. "总部" or "HQ"
 * @param kind     where the database lives
 * @param dataDir  the data folder (embedded only)
 * @param host     server host (servers only)
 * @param port     server port (servers only)
 * @param database database name on the server (servers only)
 * @param user     database user (servers only)
 */
public record ConnectionProfile(String name, Kind kind, String dataDir, String host, int port, String database,
                                String user) {

    /** Where a profile's database lives. */
    public enum Kind {
        EMBEDDED, HSQLDB_SERVER, POSTGRESQL;

        /** The port a server of this kind listens on unless told otherwise. */
        public int defaultPort() {
            return this == POSTGRESQL ? 5432 : this == HSQLDB_SERVER ? 9001 : 0;
        }
    }

    /** The JDBC URL of a server profile; for an embedded one, the URL {@link DatabaseConfig#embedded} builds. */
    public String url() {
        return switch (kind) {
            case EMBEDDED -> DatabaseConfig.embedded(Path.of(dataDir)).url();
            case HSQLDB_SERVER -> "jdbc:hsqldb:hsql://" + host + ":" + port + "/" + database;
            case POSTGRESQL -> "jdbc:postgresql://" + host + ":" + port + "/" + database;
        };
    }

    /** How to open this profile's database, with the password (ignored for embedded folders). */
    public DatabaseConfig config(String password) {
        return kind == Kind.EMBEDDED ? DatabaseConfig.embedded(Path.of(dataDir))
                : DatabaseConfig.server(url(), user, password);
    }

    /** Where it points, for lists: the folder, or user@host:port/database. */
    public String target() {
        return kind == Kind.EMBEDDED ? dataDir : user + "@" + host + ":" + port + "/" + database;
    }
}
