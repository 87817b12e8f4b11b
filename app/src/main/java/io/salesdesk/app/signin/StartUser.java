package io.salesdesk.app.signin;

import java.util.Map;

import io.salesdesk.app.AppContext;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.auth.SignedIn;

/**
 * Who the window starts as, from {@code --user} and {@code --password-env}: on a workspace without
 * passwords the named user, as before; where people sign in, the named user signed in with the
 * password from that environment variable (never typed on the command line), else the sign-in
 * screen offering the name.
 */
public final class StartUser {

    private StartUser() {
    }

    /**
     * @throws SalesDeskException when the variable is named but not set, or the sign-in is refused
     */
    public static void choose(AppContext context, String username, String passwordEnv, Map<String, String> env) {
        if (!context.signInRequired()) {
            if (username != null) {
                context.users().byUsername(username).ifPresent(context::setCurrentUser);
            }
            return;
        }
        context.setOfferedUsername(username);
        if (username == null || passwordEnv == null) {
            return;
        }
        String password = env.get(passwordEnv);
        if (password == null) {
            throw new SalesDeskException("cli.passwordEnvMissing", passwordEnv);
        }
        SignedIn signedIn = context.signIn().signIn(username, password.toCharArray());
        // A password an admin set must be changed first: that happens on the sign-in screen.
        if (!signedIn.mustChangePassword()) {
            context.setCurrentUser(signedIn.user());
        }
    }
}
