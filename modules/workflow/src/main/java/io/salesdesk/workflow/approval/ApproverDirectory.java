package io.salesdesk.workflow.approval;

import io.salesdesk.core.Role;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Who is who, as the route planner needs it: active users only. */
public interface ApproverDirectory {

    Optional<UUID> byLogin(String login);

    /** Active users with the role, in a stable order. */
    List<UUID> withRole(Role role);

    /** The user's manager; empty at the top of the reporting line. */
    Optional<UUID> managerOf(UUID userId);

    /**
     * The head of a region: the manager of the org unit serving the region (or, if none, of the
     * unit serving its city, then its province), going up the org tree from that unit until one
     * has an active manager. Empty when no unit covers the region.
     */
    Optional<UUID> headOfRegion(String regionCode);

    /** Whether the id names an active user. */
    boolean isActive(UUID userId);
}
