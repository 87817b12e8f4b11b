package io.salesdesk.crm.auth;

import io.salesdesk.core.SalesDeskException;
import java.util.Locale;

/** What a new password must be: at least eight characters, and not the user's login. */
public final class PasswordPolicy {

    /** The shortest password accepted. */
    public static final int MIN_LENGTH = 8;

    private PasswordPolicy() {
    }

    /**
     * Refuses a password that breaks the policy, saying why.
     *
     * @throws SalesDeskException {@code password.tooShort} or {@code password.isUsername}
     */
    public static void check(String username, char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            throw new SalesDeskException("password.tooShort", MIN_LENGTH);
        }
        String candidate = new String(password).strip().toLowerCase(Locale.ROOT);
        if (username != null && candidate.equals(username.strip().toLowerCase(Locale.ROOT))) {
            throw new SalesDeskException("password.isUsername");
        }
    }
}
