package io.salesdesk.commerce;

import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;

/** Who counts as a manager for overrides and approvals: as in crm and dispatch, a manager or a company-wide role. */
public final class Managers {

    private Managers() {
    }

    public static boolean isManager(Actor actor) {
        return actor.role() == Role.MANAGER || actor.role().seesEverything();
    }
}
