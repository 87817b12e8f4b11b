package io.salesdesk.crm.auth;

import io.salesdesk.crm.User;

/**
 * A successful sign-in.
 *
 * @param user               who signed in
 * @param mustChangePassword the user must choose a new password before working (an admin set this one)
 * @param changeAtHeadOffice an admin set this password, but this is a branch replica, where passwords
 *                           are not changed: the user works and is told to change it at the head office
 */
public record SignedIn(User user, boolean mustChangePassword, boolean changeAtHeadOffice) {
}
