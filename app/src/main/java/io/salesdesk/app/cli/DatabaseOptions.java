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
        return unlocked(located());
    }

    /** {@code config} ready to open: if it is an encrypted workspace still locked, unlocked as {@link #config()} does. */
    public DatabaseConfig unlocked(DatabaseConfig config) {
        if (!config.isEncrypted() || config.cryptKey() != null) {
            return config;
        }
        return WorkspaceKey.unlock(config, Passphrases.existing(passphraseEnv, System.getenv(), System.console()));
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
     * Whether the command line or a profile to start with names the database; if not, the window
     * opens the default (or given) data folder and may offer the first-run choices.
     */
    public boolean namesADatabase() {
        return profile != null && !profile.isBlank() || dbUrl != null && !dbUrl.isBlank()
                || dataDir == null && System.getenv("SALESDESK_HOME") == null
                        && ProfileCommand.profiles().startWith().isPresent();
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

    /** The profile named by {@code --profile}, if any. */
    public Optional<String> profile() {
        return Optional.ofNullable(profile).filter(p -> !p.isBlank());
    }

    /**
     * This machine's workspace with {@code --profile} left aside: for {@code salesdesk sync} the profile
     * names the hub, not the workspace. The profile to start with counts unless it is {@code hub}.
     */
    public DatabaseConfig configWithoutProfile(String hub) {
        if (dbUrl != null && !dbUrl.isBlank()) {
            String password = dbPasswordEnv == null ? null : System.getenv(dbPasswordEnv);
            return DatabaseConfig.server(dbUrl, dbUser, password);
        }
        Map<String, String> env = System.getenv();
        if (dataDir == null && env.get("SALESDESK_HOME") == null) {
            ConnectionProfiles profiles = ProfileCommand.profiles();
            Optional<String> start = profiles.startWith().filter(s -> !s.equals(hub));
            if (start.isPresent()) {
                return profiles.config(start.get());
            }
        }
        return DatabaseConfig.embedded(Workspace.dataDir(dataDir, env));
    }
}
