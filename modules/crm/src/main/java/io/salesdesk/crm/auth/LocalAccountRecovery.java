package io.salesdesk.crm.auth;

import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import java.time.Clock;

/**
 * {@code salesdesk user reset-password} and {@code unlock}: the way back in for an administrator who
 * forgot their password or is locked out, with nobody left to reset it in the app.
 *
 * <p>The proof of authority is access to the workspace's files: whoever can open the embedded
 * database directly (and, if it is encrypted, knows its passphrase) could read and change every row
 * anyway. A shared database is refused: there, access to the client machine proves nothing, so an
 * administrator resets the password in the app, or this runs on the server machine against its data
 * folder. Both are recorded in the audit trail with reason SYSTEM and no acting user.
 */
public final class LocalAccountRecovery {

    /** The audit trail's detail for changes made here. */
    public static final String DETAIL = "salesdesk user (local data folder)";

    private final Database db;
    private final Clock clock;
    private final PasswordHasher hasher;

    public LocalAccountRecovery(Database db, Clock clock, PasswordHasher hasher) {
        requireLocal(db.config());
        this.db = db;
        this.clock = clock;
        this.hasher = hasher;
    }

    /** Refuses a database that is not the embedded one in a data folder opened by this process. */
    public static void requireLocal(DatabaseConfig config) {
        if (config.mode() != DatabaseConfig.Mode.EMBEDDED) {
            throw new SalesDeskException("error.recovery.notLocal", config.mode());
        }
    }

    /**
     * Gives {@code login} a new password (checked by {@link PasswordPolicy}) and lifts any lockout.
     *
     * @throws SalesDeskException {@code password.atHeadOffice} on a branch replica, whose passwords
     *                            are the head office's (unlock still works there: lockouts are local)
     */
    public User resetPassword(String login, char[] password) {
        if (db.transactionResult(cfg -> CredentialRepository.using(cfg, clock).onReplica())) {
            throw new SalesDeskException("password.atHeadOffice");
        }
        User user = user(login);
        PasswordPolicy.check(user.username(), password);
        String hash = hasher.hash(password);
        db.transaction(cfg -> CredentialRepository.using(cfg, clock)
                .setPassword(null, reason(), user.id(), hash, false));
        return user;
    }

    /** Lifts {@code login}'s lockout and failure count. */
    public User unlock(String login) {
        User user = user(login);
        db.transaction(cfg -> CredentialRepository.using(cfg, clock).unlock(null, reason(), user.id()));
        return user;
    }

    private User user(String login) {
        return db.transactionResult(cfg -> UserRepository.using(cfg, clock).byUsername(login))
                .orElseThrow(() -> new SalesDeskException("cli.noSuchUser", login));
    }

    private static ChangeReason reason() {
        return ChangeReason.of(ChangeReason.Kind.SYSTEM, DETAIL);
    }
}
