package io.salesdesk.app.cli;

import io.salesdesk.app.Workspace;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.crypt.WorkspaceKey;
import io.salesdesk.db.profile.ConnectionProfiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
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

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "A connection profile (see salesdesk profile list).")
    String profile;

    @Option(names = "--passphrase-env", scope = ScopeType.INHERIT, paramLabel = "VAR",
            description = "The environment variable holding the data passphrase of an encrypted workspace (never typed on the command line; without it you are asked).")
    String passphraseEnv;

    /**
     * The database these options point at, ready to open: an encrypted workspace unlocked with the
     * passphrase from {@code --passphrase-env} or typed at the prompt.
     */
    public DatabaseConfig config() {
        DatabaseConfig located = located();
        if (!located.isEncrypted()) {
            return located;
        }
        return WorkspaceKey.unlock(located, Passphrases.existing(passphraseEnv, System.getenv(), System.console()));
    }

    /**
     * The database these options point at, an encrypted workspace still locked unless
     * {@code --passphrase-env} was given: the window asks for the passphrase itself.
     */
    public DatabaseConfig configForWindow() {
        DatabaseConfig located = located();
        return passphraseEnv == null ? located : config();
    }

    /**
     * The database these options point at: the named profile, else the URL, else the data folder
     * given; with none of them the profile marked to start with, else the default data folder.
     */
    public DatabaseConfig located() {
        if (profile != null && !profile.isBlank()) {
            return ProfileCommand.profiles().config(profile);
        }
        if (dbUrl != null && !dbUrl.isBlank()) {
            String password = dbPasswordEnv == null ? null : System.getenv(dbPasswordEnv);
            return DatabaseConfig.server(dbUrl, dbUser, password);
        }
        Map<String, String> env = System.getenv();
        if (dataDir == null && env.get("SALESDESK_HOME") == null) {
            ConnectionProfiles profiles = ProfileCommand.profiles();
            Optional<String> start = profiles.startWith();
            if (start.isPresent()) {
                return profiles.config(start.get());
            }
        }
        return DatabaseConfig.embedded(Workspace.dataDir(dataDir, env));
    }
}
