package io.salesdesk.core;

import java.util.Objects;
import java.util.UUID;

/**
 * The signed-in user on whose behalf a service works: who they are, their role and where they sit
 * in the org tree. Visibility of records and the audit trail both read it.
 *
 * @param userId      the user's id
 * @param displayName the name shown in the UI and the audit trail
 * @param role        the user's role
 * @param orgPath     materialised path of the user's org unit, e.g. {@code /c/east/sh/}
 */
public record Actor(UUID userId, String displayName, Role role, String orgPath) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(orgPath, "orgPath");
    }
}
