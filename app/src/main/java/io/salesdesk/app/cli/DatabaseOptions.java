package io.salesdesk.app.cli;

import io.salesdesk.app.Workspace;
import io.salesdesk.db.DatabaseConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Where the data is. Declared once on {@code salesdesk} and inherited by every subcommand, so
 * {@code --data-dir} works before or after the command name.
 */
public final class DatabaseOptions {

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data folder of the embedded database (default: $SALESDESK_HOME or the OS data folder).")
    Path dataDir;

    @Option(names = "--db-url", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL",
            description = "A shared database instead of the embedded one: jdbc:hsqldb:hsql://host/salesdesk or jdbc:postgresql://host/db.")
    String dbUrl;

    @Option(names = "--db-user", scope = ScopeType.INHERIT, paramLabel = "USER", description = "User of the shared database.")
    String dbUser;

    @Option(names = "--db-password-env", scope = ScopeType.INHERIT, paramLabel = "VAR",
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
