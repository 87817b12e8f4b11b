package io.salesdesk.crm;

import io.salesdesk.core.Role;
import java.util.UUID;

/**
 * A team member as a roster (花名册) or the admin gives them.
 *
 * @param username    login name, unique
 * @param displayName name shown
 * @param role        role
 * @param orgUnitId   org unit
 * @param managerId   direct manager, may be null
 * @param email       e-mail, may be null
 * @param mobile      mobile, normalised, may be null
 */
public record UserDraft(String username, String displayName, Role role, UUID orgUnitId, UUID managerId, String email,
                        String mobile) {
}
