package io.salesdesk.crm;

import io.salesdesk.core.Role;
import java.time.LocalDate;
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
 * @param joinedOn    入职日期, may be null: a new account then joins on the day it is created
 * @param leftOn      离职日期, may be null; a day not after today makes the account inactive (key-role attrition)
 */
public record UserDraft(String username, String displayName, Role role, UUID orgUnitId, UUID managerId, String email,
                        String mobile, LocalDate joinedOn, LocalDate leftOn) {

    /** A member without joining and leaving days. */
    public UserDraft(String username, String displayName, Role role, UUID orgUnitId, UUID managerId, String email,
                     String mobile) {
        this(username, displayName, role, orgUnitId, managerId, email, mobile, null, null);
    }

    /** Whether the member is still on the team on {@code day}. */
    public boolean onTeam(LocalDate day) {
        return leftOn == null || leftOn.isAfter(day);
    }
}
