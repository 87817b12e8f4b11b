package io.salesdesk.app.cli;

import io.salesdesk.app.Workspace;
import io.salesdesk.db.DatabaseConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the data is: options shared by every command (a picocli mixin). */
public final class DatabaseOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data folder of the embedded database (default: $SALESDESK_HOME or the OS data folder).")
    Path dataDir;

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "A shared database instead of the embedded one: jdbc:hsqldb:hsql://host/salesdesk or jdbc:postgresql://host/db.")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "User of the shared database.")
    String dbUser;

    @Option(names = "--db-password-env", paramLabel = "VAR",
            description = "Name of the environment variable that holds the shared database's password (never typed on the command line).")
    String dbPasswordEnv;

    /** The database these options point at. */
    public DatabaseConfig config() {
        if (dbUrl != null && !dbUrl.isBlank()) {
            String password = dbPasswordEnv == null ? null : System.getenv(dbPasswordEnv);
            return DatabaseConfig.server(dbUrl, dbUser, password);
        }
        return DatabaseConfig.embedded(Workspace.dataDir(dataDir, System.getenv()));
    }
}
