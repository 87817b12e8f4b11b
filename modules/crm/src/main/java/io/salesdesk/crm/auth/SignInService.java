package io.salesdesk.crm.auth;

import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-in with a password, lockout after repeated wrong passwords, and password changes.
 *
 * <p>An unknown user, a deactivated one, one without a password and a wrong password all get the
 * same message ({@code signin.failed}) after the same Argon2id work, so neither the text nor the
 * time tells a guesser whether a login exists. Five wrong passwords in a row lock the account for
 * fifteen minutes; the message then says when to try again.
 */
public final class SignInService {

    /** Wrong passwords in a row that lock an account. */
    public static final int MAX_FAILURES = 5;
    /** How long a locked account refuses sign-in. */
    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Database db;
    private final Clock clock;
    private final PasswordHasher hasher;

    public SignInService(Database db, Clock clock, PasswordHasher hasher) {
        this.db = db;
        this.clock = clock;
        this.hasher = hasher;
    }

    /**
     * Whether this workspace asks for sign-in: a shared database always does (many people reach
     * it); a personal embedded one only once an admin has given someone a password.
     */
    public boolean signInRequired() {
        return !db.config().isInProcess() || passwordsInUse();
    }

    /** Whether any user has a password. */
    public boolean passwordsInUse() {
        return db.transactionResult(cfg -> CredentialRepository.using(cfg, clock).anyPassword());
    }

    /**
     * Whether this is a branch replica, whose passwords come from the head office by sync and are
     * changed there only.
     */
    public boolean onReplica() {
        return db.transactionResult(cfg -> CredentialRepository.using(cfg, clock).onReplica());
    }

    /**
     * Refuses to set a password on a branch replica: the next sync would put the head office's back,
     * and a password set on the laptop alone would let whoever holds it in as anyone.
     *
     * @throws SalesDeskException {@code password.atHeadOffice}
     */
    public void requireNotReplica() {
        if (onReplica()) {
            throw new SalesDeskException("password.atHeadOffice");
        }
    }

    /** Whether this user has a password (else their first one is set without an old one). */
    public boolean hasPassword(UUID userId) {
        return db.transactionResult(cfg -> CredentialRepository.using(cfg, clock).byUser(userId).isPresent());
    }

    /**
     * Checks a login and password.
     *
     * @throws SalesDeskException {@code signin.failed} for any wrong login or password,
     *                            {@code signin.locked} (with the time to try again) for a locked account
     */
    public SignedIn signIn(String username, char[] password) {
        String login = username == null ? "" : username.strip();
        Found found = db.transactionResult(cfg -> {
            Optional<User> user = UserRepository.using(cfg, clock).byUsername(login);
            Optional<Credential> credential = user.flatMap(u -> CredentialRepository.using(cfg, clock).byUser(u.id()));
            return new Found(user.orElse(null), credential.orElse(null));
        });
        // The hash runs outside the transaction (it takes ~150 ms), and also for an unknown user.
        boolean matches = hasher.verify(password, found.credential == null ? null : found.credential.passwordHash());
        Instant now = clock.instant();
        if (found.credential != null && found.credential.lockedAt(now)) {
            throw locked(found.credential.lockedUntil());
        }
        if (found.credential == null) {
            throw new SalesDeskException("signin.failed");
        }
        UUID userId = found.user.id();
        if (!matches) {
            Optional<Instant> lockedNow = db.transactionResult(cfg -> CredentialRepository.using(cfg, clock)
                    .recordFailure(userId, MAX_FAILURES, now.plus(LOCKOUT)));
            if (lockedNow.isPresent()) {
                throw locked(lockedNow.get());
            }
            throw new SalesDeskException("signin.failed");
        }
        db.transaction(cfg -> CredentialRepository.using(cfg, clock).recordSuccess(userId));
        // A replica would refuse the change, so it does not demand one: the user is sent to the head office.
        boolean mustChange = found.credential.mustChange();
        if (mustChange && onReplica()) {
            return new SignedIn(found.user, false, true);
        }
        return new SignedIn(found.user, mustChange, false);
    }

    /**
     * The user changes their own password.
     *
     * @throws SalesDeskException {@code password.wrongOld} when the current password is wrong, a
     *                            {@link PasswordPolicy} refusal, or {@code password.atHeadOffice} on a
     *                            branch replica
     */
    public void changePassword(User user, char[] oldPassword, char[] newPassword) {
        requireNotReplica();
        Optional<Credential> credential = db.transactionResult(cfg -> CredentialRepository.using(cfg, clock)
                .byUser(user.id()));
        // A user without a password (passwordless workspace) sets their first one without an old one.
        if (credential.isPresent() && !hasher.verify(oldPassword, credential.get().passwordHash())) {
            throw new SalesDeskException("password.wrongOld");
        }
        PasswordPolicy.check(user.username(), newPassword);
        if (credential.isPresent() && hasher.verify(newPassword, credential.get().passwordHash())) {
            throw new SalesDeskException("password.sameAsOld");
        }
        String hash = hasher.hash(newPassword);
        db.transaction(cfg -> CredentialRepository.using(cfg, clock)
                .setPassword(user.asActor(), ChangeReason.user(), user.id(), hash, false));
    }

    /**
     * Sets passwords without the admin checks, for the demo workspace and first set-up; not for the UI.
     */
    public void setPasswordBySystem(UUID userId, char[] password, boolean mustChange, ChangeReason reason) {
        requireNotReplica();
        String hash = hasher.hash(password);
        db.transaction(cfg -> CredentialRepository.using(cfg, clock).setPassword(null, reason, userId, hash, mustChange));
    }

    private SalesDeskException locked(Instant until) {
        String at = CLOCK_TIME.format(until.atZone(BusinessTime.ZONE));
        long minutes = Math.max(1, (Duration.between(clock.instant(), until).toSeconds() + 59) / 60);
        return new SalesDeskException("signin.locked", MAX_FAILURES, at, minutes);
    }

    private record Found(User user, Credential credential) {
    }
}
