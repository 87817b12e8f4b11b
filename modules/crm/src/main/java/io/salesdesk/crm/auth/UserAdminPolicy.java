package io.salesdesk.crm.auth;

import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;

/**
 * Who may manage whom: an admin everyone, a manager the people in their own org subtree. Nobody
 * but an admin makes an admin.
 */
public final class UserAdminPolicy {

    private UserAdminPolicy() {
    }

    /** Whether the role sees the user admin at all. */
    public static boolean managesUsers(Role role) {
        return role == Role.ADMIN || role == Role.MANAGER;
    }

    /** Whether {@code actor} may manage a user or unit at {@code orgPath}. */
    public static boolean mayManage(Actor actor, String orgPath) {
        if (actor.role() == Role.ADMIN) {
            return true;
        }
        return actor.role() == Role.MANAGER && orgPath != null && orgPath.startsWith(actor.orgPath());
    }

    /** @throws SalesDeskException {@code users.notAllowed} unless {@link #mayManage} */
    public static void requireManage(Actor actor, String orgPath) {
        if (!mayManage(actor, orgPath)) {
            throw new SalesDeskException("users.notAllowed");
        }
    }

    /** @throws SalesDeskException {@code users.notAllowed} when a non-admin gives the admin role */
    public static void requireGrant(Actor actor, Role role) {
        if (role == Role.ADMIN && actor.role() != Role.ADMIN) {
            throw new SalesDeskException("users.notAllowed");
        }
    }
}
