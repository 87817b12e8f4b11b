package io.salesdesk.app.cli;

import io.salesdesk.app.common.I18n;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.User;
import io.salesdesk.crm.auth.LocalAccountRecovery;
import io.salesdesk.crm.auth.PasswordHasher;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code salesdesk user reset-password LOGIN --password-env VAR} and {@code salesdesk user unlock LOGIN}:
 * a locked-out administrator's way back in, on the embedded workspace's own data folder only
 * ({@link LocalAccountRecovery}).
 */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Recover a user's access on this computer's workspace (the data folder is the proof of authority).",
        subcommands = {UserCommand.ResetPassword.class, UserCommand.Unlock.class})
public final class UserCommand {

    @ParentCommand
    SalesDeskCommand root;

    /** The workspace's database, refused before anything opens if it is a shared one. */
    Database openLocal() {
        DatabaseConfig located = root.locatedConfig();
        LocalAccountRecovery.requireLocal(located);
        return Database.open(root.databaseConfig());
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Give LOGIN a new password from the variable named by --password-env, and lift any lockout.")
    static final class ResetPassword implements Callable<Integer> {

        @ParentCommand
        UserCommand user;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "LOGIN", description = "The login whose password is reset.")
        String login;

        @Override
        public Integer call() {
            String passwordEnv = user.root.passwordEnv;
            if (passwordEnv == null) {
                throw new SalesDeskException("cli.user.passwordEnvNeeded");
            }
            String password = System.getenv(passwordEnv);
            if (password == null) {
                throw new SalesDeskException("cli.passwordEnvMissing", passwordEnv);
            }
            char[] chars = password.toCharArray();
            try (Database db = user.openLocal()) {
                User changed = new LocalAccountRecovery(db, Clock.systemUTC(), PasswordHasher.standard())
                        .resetPassword(login, chars);
                spec.commandLine().getOut().println(I18n.get("cli.user.reset", changed.username(), changed.displayName()));
                return 0;
            } finally {
                Arrays.fill(chars, '\0');
            }
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true,
            description = "Lift LOGIN's lockout after too many wrong passwords.")
    static final class Unlock implements Callable<Integer> {

        @ParentCommand
        UserCommand user;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "LOGIN", description = "The login to unlock.")
        String login;

        @Override
        public Integer call() {
            try (Database db = user.openLocal()) {
                User unlocked = new LocalAccountRecovery(db, Clock.systemUTC(), PasswordHasher.standard()).unlock(login);
                spec.commandLine().getOut().println(I18n.get("cli.user.unlocked", unlocked.username(), unlocked.displayName()));
                return 0;
            }
        }
    }
}
