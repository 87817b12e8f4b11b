package io.salesdesk.crm.auth;

import io.salesdesk.crm.User;

/**
 * A successful sign-in.
 *
 * @param user               who signed in
 * @param mustChangePassword the user must choose a new password before working (an admin set this one)
 */
public record SignedIn(User user, boolean mustChangePassword) {
}
