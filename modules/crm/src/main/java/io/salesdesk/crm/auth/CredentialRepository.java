package io.salesdesk.crm.auth;

import static io.salesdesk.db.jooq.Tables.SYNC_NODE;
import static io.salesdesk.db.jooq.Tables.USER_CREDENTIAL;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.records.UserCredentialRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Passwords and sign-in state (table {@code user_credential}). Changes that matter to an auditor
 * (password set, lockout, unlock) are recorded in the change log under the user ({@code app_user}),
 * never with the hash.
 */
public final class CredentialRepository {

    private static final String ENTITY = "app_user";

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private CredentialRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static CredentialRepository using(Configuration configuration, Clock clock) {
        return new CredentialRepository(configuration, clock);
    }

    /** Whether any user has a password: then the workspace asks everyone to sign in. */
    public boolean anyPassword() {
        return dsl.fetchExists(USER_CREDENTIAL);
    }

    /**
     * Whether this database is a branch replica: its passwords are the head office's, copied by
     * sync, so they are not set here (docs/decisions.md, decision 6).
     */
    public boolean onReplica() {
        return dsl.fetchExists(SYNC_NODE, SYNC_NODE.ROLE.eq("REPLICA"));
    }

    public Optional<Credential> byUser(UUID userId) {
        return dsl.selectFrom(USER_CREDENTIAL).where(USER_CREDENTIAL.USER_ID.eq(userId))
                .fetchOptional(CredentialRepository::toCredential);
    }

    /** Every user's sign-in state, by user id (the user admin list). */
    public Map<UUID, Credential> all() {
        return dsl.selectFrom(USER_CREDENTIAL).fetch(CredentialRepository::toCredential).stream()
                .collect(Collectors.toMap(Credential::userId, c -> c));
    }

    /**
     * Sets a user's password hash, clears failures and any lockout.
     *
     * @param mustChange whether the user must choose another at the next sign-in
     */
    public void setPassword(Actor actor, ChangeReason reason, UUID userId, String passwordHash, boolean mustChange) {
        OffsetDateTime now = Rows.now(clock);
        Optional<Credential> before = byUser(userId);
        if (before.isEmpty()) {
            UserCredentialRecord r = dsl.newRecord(USER_CREDENTIAL);
            r.setUserId(userId);
            r.setPasswordHash(passwordHash);
            r.setMustChange(mustChange);
            r.setPasswordChangedAt(now);
            r.setFailedAttempts(0);
            r.setVersion(1L);
            r.setUpdatedAt(now);
            r.setUpdatedBy(Rows.userId(actor));
            r.insert();
        } else {
            dsl.update(USER_CREDENTIAL)
                    .set(USER_CREDENTIAL.PASSWORD_HASH, passwordHash)
                    .set(USER_CREDENTIAL.MUST_CHANGE, mustChange)
                    .set(USER_CREDENTIAL.PASSWORD_CHANGED_AT, now)
                    .set(USER_CREDENTIAL.FAILED_ATTEMPTS, 0)
                    .set(USER_CREDENTIAL.LOCKED_UNTIL, (OffsetDateTime) null)
                    .set(USER_CREDENTIAL.VERSION, USER_CREDENTIAL.VERSION.plus(1))
                    .set(USER_CREDENTIAL.UPDATED_AT, now)
                    .set(USER_CREDENTIAL.UPDATED_BY, Rows.userId(actor))
                    .where(USER_CREDENTIAL.USER_ID.eq(userId))
                    .execute();
        }
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("passwordChangedAt", before.map(Credential::passwordChangedAt).orElse(null));
        old.put("mustChangePassword", before.map(Credential::mustChange).orElse(null));
        old.put("lockedUntil", before.map(Credential::lockedUntil).orElse(null));
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("passwordChangedAt", now.toInstant());
        changed.put("mustChangePassword", mustChange);
        changed.put("lockedUntil", null);
        changeLog.record(actor, reason, ENTITY, userId, ChangeEntry.Operation.UPDATE, FieldChange.diff(old, changed));
    }

    /**
     * Counts a wrong password; the {@code maxFailures}-th in a row locks sign-in until
     * {@code lockedUntil} and starts the count again.
     *
     * @return the lockout's end when this failure locked the account, else empty
     */
    public Optional<Instant> recordFailure(UUID userId, int maxFailures, Instant lockedUntil) {
        int updated = dsl.update(USER_CREDENTIAL)
                .set(USER_CREDENTIAL.FAILED_ATTEMPTS, USER_CREDENTIAL.FAILED_ATTEMPTS.plus(1))
                .where(USER_CREDENTIAL.USER_ID.eq(userId))
                .execute();
        if (updated == 0) {
            return Optional.empty();
        }
        // The increment above runs in SQL, so two wrong passwords at once both count.
        int locked = dsl.update(USER_CREDENTIAL)
                .set(USER_CREDENTIAL.FAILED_ATTEMPTS, 0)
                .set(USER_CREDENTIAL.LOCKED_UNTIL, lockedUntil.atOffset(ZoneOffset.UTC))
                .set(USER_CREDENTIAL.VERSION, USER_CREDENTIAL.VERSION.plus(1))
                .set(USER_CREDENTIAL.UPDATED_AT, Rows.now(clock))
                .where(USER_CREDENTIAL.USER_ID.eq(userId), USER_CREDENTIAL.FAILED_ATTEMPTS.ge(maxFailures))
                .execute();
        if (locked == 0) {
            return Optional.empty();
        }
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("lockedUntil", null);
        changeLog.record(null, ChangeReason.of(ChangeReason.Kind.SYSTEM, "sign-in: " + maxFailures + " wrong passwords"),
                ENTITY, userId, ChangeEntry.Operation.UPDATE,
                FieldChange.diff(old, Map.of("lockedUntil", lockedUntil)));
        return Optional.of(lockedUntil);
    }

    /** A good password: clears the failure count and notes the sign-in. */
    public void recordSuccess(UUID userId) {
        dsl.update(USER_CREDENTIAL)
                .set(USER_CREDENTIAL.FAILED_ATTEMPTS, 0)
                .set(USER_CREDENTIAL.LOCKED_UNTIL, (OffsetDateTime) null)
                .set(USER_CREDENTIAL.LAST_SIGN_IN_AT, Rows.now(clock))
                .where(USER_CREDENTIAL.USER_ID.eq(userId))
                .execute();
    }

    /** Lifts a lockout before it ends (an admin vouches for the user). */
    public void unlock(Actor actor, ChangeReason reason, UUID userId) {
        Optional<Credential> before = byUser(userId);
        if (before.isEmpty() || before.get().lockedUntil() == null && before.get().failedAttempts() == 0) {
            return;
        }
        dsl.update(USER_CREDENTIAL)
                .set(USER_CREDENTIAL.FAILED_ATTEMPTS, 0)
                .set(USER_CREDENTIAL.LOCKED_UNTIL, (OffsetDateTime) null)
                .set(USER_CREDENTIAL.VERSION, USER_CREDENTIAL.VERSION.plus(1))
                .set(USER_CREDENTIAL.UPDATED_AT, Rows.now(clock))
                .set(USER_CREDENTIAL.UPDATED_BY, Rows.userId(actor))
                .where(USER_CREDENTIAL.USER_ID.eq(userId))
                .execute();
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("lockedUntil", before.get().lockedUntil());
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("lockedUntil", null);
        changeLog.record(actor, reason, ENTITY, userId, ChangeEntry.Operation.UPDATE, FieldChange.diff(old, changed));
    }

    private static Credential toCredential(UserCredentialRecord r) {
        return new Credential(r.getUserId(), r.getPasswordHash(), r.getMustChange(), instant(r.getPasswordChangedAt()),
                r.getFailedAttempts(), instant(r.getLockedUntil()), instant(r.getLastSignInAt()));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
