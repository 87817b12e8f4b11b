package io.salesdesk.ledger.crm;

import io.salesdesk.core.Role;
import io.salesdesk.crm.UserDraft;
import io.salesdesk.ledger.imports.ImportRow;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What one roster row will write: the member as the row gives them, their manager (an existing
 * user, or another row of the same roster), and the account it matches by login.
 */
final class UserPlan {

    String username;
    String displayName;
    /** Null when the row does not say: REP for a new member, unchanged for an existing one. */
    Role role;
    /** Null when the row does not say: the company for a new member, unchanged for an existing one. */
    UUID orgUnitId;
    String mobile;
    String email;
    /** 入职日期 and 离职日期, or {@code null} when the row does not say (unchanged for an existing member). */
    LocalDate joinedOn;
    LocalDate leftOn;
    /** The 上级 cell, or {@code null}. */
    String managerText;
    /** The manager when they are an existing user. */
    UUID managerId;
    /** The manager when they are a member of the same roster. */
    ImportRow managerRow;
    /** The existing account with this login, when there is one. */
    UserDraft existing;
    UUID targetId;
    long expectedVersion;
    UUID newId;
    UserDraft writeDraft;

    /**
     * The row's values over {@code base} (an existing account, or defaults for a new one). The login
     * keeps the account's spelling: "WANG" in a roster is the account "wang".
     */
    UserDraft over(UserDraft base, UUID manager) {
        return new UserDraft(base.username() != null ? base.username() : username,
                displayName != null ? displayName : base.displayName(), role != null ? role : base.role(),
                orgUnitId != null ? orgUnitId : base.orgUnitId(), managerText != null ? manager : base.managerId(),
                email != null ? email : base.email(), mobile != null ? mobile : base.mobile(),
                joinedOn != null ? joinedOn : base.joinedOn(), leftOn != null ? leftOn : base.leftOn());
    }

    /** The account this row's member has or will have once written, or {@code null}. */
    UUID accountId() {
        return newId != null ? newId : targetId;
    }
}
