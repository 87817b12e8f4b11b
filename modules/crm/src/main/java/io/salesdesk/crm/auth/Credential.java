package io.salesdesk.crm.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's password and sign-in state (table {@code user_credential}).
 *
 * @param userId            the user
 * @param passwordHash      encoded Argon2id hash (never shown, never logged)
 * @param mustChange        the user must choose a new password at the next sign-in (after an admin set it)
 * @param passwordChangedAt when the password was last set
 * @param failedAttempts    wrong passwords since the last good one or the last lockout
 * @param lockedUntil       sign-in refused until then, may be null
 * @param lastSignInAt      the last successful sign-in, may be null
 */
public record Credential(UUID userId, String passwordHash, boolean mustChange, Instant passwordChangedAt,
                         int failedAttempts, Instant lockedUntil, Instant lastSignInAt) {

    /** Whether sign-in is refused at {@code now} because of too many wrong passwords. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
