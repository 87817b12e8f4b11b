package io.salesdesk.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import java.util.UUID;

/**
 * A person who uses SalesDesk.
 *
 * @param id          id
 * @param username    login name
 * @param displayName name shown
 * @param role        role
 * @param orgUnitId   org unit
 * @param orgUnitName org unit's name
 * @param orgPath     org unit's materialised path
 * @param managerId   direct manager, may be null
 */
public record User(UUID id, String username, String displayName, Role role, UUID orgUnitId, String orgUnitName,
                   String orgPath, UUID managerId) {

    /** This user as the actor of services. */
    public Actor asActor() {
        return new Actor(id, displayName, role, orgPath);
    }
}
