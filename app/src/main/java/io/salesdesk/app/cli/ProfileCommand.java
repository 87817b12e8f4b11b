package io.salesdesk.app.cli;

import io.salesdesk.app.common.I18n;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.profile.ConnectionProfile;
import io.salesdesk.db.profile.ConnectionProfiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code salesdesk profile add|list|remove|use}: the connection profiles {@code --profile} names. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Manage connection profiles (embedded folder, HSQLDB server, PostgreSQL).",
        subcommands = {ProfileCommand.Add.class, ProfileCommand.ListProfiles.class, ProfileCommand.Remove.class,
                ProfileCommand.Use.class})
public final class ProfileCommand {

    static ConnectionProfiles profiles() {
        return new ConnectionProfiles(ConnectionProfiles.defaultDir(System.getenv()));
    }

    /** {@code profile add NAME}: adds or replaces a profile; the password comes from a prompt or a variable. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add or replace a connection profile.")
    static final class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--kind", required = true, description = "EMBEDDED, HSQLDB_SERVER or POSTGRESQL.")
        ConnectionProfile.Kind kind;

        @Option(names = "--dir", paramLabel = "DIR", description = "Data folder (EMBEDDED).")
        Path dir;

        @Option(names = "--host", description = "Server host.")
        String host;

        @Option(names = "--port", description = "Server port (default 9001 for HSQLDB, 5432 for PostgreSQL).")
        Integer port;

        @Option(names = "--db", description = "Database name (default salesdesk).")
        String database = "salesdesk";

        @Option(names = "--user", description = "Database user.")
        String user;

        @Option(names = "--password", interactive = true, arity = "0",
                description = "Ask for the password (typed without echo).")
        char[] password;

        @Option(names = "--password-from", paramLabel = "VAR",
                description = "Environment variable with the password (--password-env is the sign-in password's).")
        String passwordEnv;

        @Option(names = "--start-with", description = "Open this profile when no --profile or --data-dir is given.")
        boolean startWith;

        @Override
        public Integer call() {
            String secret = password != null ? new String(password) : null;
            if (passwordEnv != null) {
                secret = System.getenv(passwordEnv);
                if (secret == null) {
                    throw new SalesDeskException("error.server.passwordEnv", passwordEnv);
                }
            }
            boolean embedded = kind == ConnectionProfile.Kind.EMBEDDED;
            ConnectionProfile profile = new ConnectionProfile(name, kind,
                    dir == null ? null : dir.toAbsolutePath().toString(), embedded ? null : host,
                    embedded ? 0 : port == null ? kind.defaultPort() : port, embedded ? null : database,
                    embedded ? null : user);
            ConnectionProfiles profiles = profiles();
            profiles.save(profile, embedded ? null : secret);
            if (startWith) {
                profiles.setStartWith(name);
            }
            spec.commandLine().getOut().println(I18n.get("cli.profile.saved", name, profile.target()));
            return 0;
        }
    }

    /** {@code profile list}: name, kind, where it points; the start-with profile marked with *. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the connection profiles.")
    static final class ListProfiles implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ConnectionProfiles profiles = profiles();
            Optional<String> start = profiles.startWith();
            List<ConnectionProfile> all = profiles.all();
            PrintWriter out = spec.commandLine().getOut();
            if (all.isEmpty()) {
                out.println(I18n.get("cli.profile.none"));
            }
            for (ConnectionProfile p : all) {
                out.println((start.filter(p.name()::equals).isPresent() ? "* " : "  ") + p.name() + "\t"
                        + p.kind() + "\t" + p.target());
            }
            return 0;
        }
    }

    /** {@code profile remove NAME}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a connection profile.")
    static final class Remove implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            if (!profiles().remove(name)) {
                throw new SalesDeskException("error.profile.unknown", name);
            }
            spec.commandLine().getOut().println(I18n.get("cli.profile.removed", name));
            return 0;
        }
    }

    /** {@code profile use NAME}: the profile the app opens next time it starts; {@code --none}: the default folder. */
    @Command(name = "use", mixinStandardHelpOptions = true,
            description = "Open this profile when the app starts without --profile or --data-dir.")
    static final class Use implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", arity = "0..1")
        String name;

        @Option(names = "--none", description = "Start with the default data folder again.")
        boolean none;

        @Override
        public Integer call() {
            if (none || name == null) {
                // The way back when the profile to start with points at a server that is gone.
                profiles().setStartWith(null);
                spec.commandLine().getOut().println(I18n.get("cli.profile.startWithNone"));
                return 0;
            }
            profiles().setStartWith(name);
            spec.commandLine().getOut().println(I18n.get("cli.profile.startWith", name));
            return 0;
        }
    }
}
