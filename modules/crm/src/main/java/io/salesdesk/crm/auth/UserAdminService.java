package io.salesdesk.crm.auth;

import io.salesdesk.core.Actor;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.crm.OrgUnitRepository;
import io.salesdesk.crm.UserAccount;
import io.salesdesk.crm.UserDraft;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The user admin (用户管理): accounts with their sign-in state, new accounts with a first password,
 * role and org unit changes, deactivation, unlock and password reset, and the org tree. An admin
 * manages everyone, a manager the people and units in their own subtree ({@link UserAdminPolicy}).
 */
public final class UserAdminService {

    private final Database db;
    private final Clock clock;
    private final PasswordHasher hasher;

    public UserAdminService(Database db, Clock clock, PasswordHasher hasher) {
        this.db = db;
        this.clock = clock;
        this.hasher = hasher;
    }

    /**
     * An account as the admin list shows it.
     *
     * @param account    the roster account
     * @param orgUnit    its org unit
     * @param credential its password and sign-in state, null when it has no password
     */
    public record UserRow(UserAccount account, OrgUnit orgUnit, Credential credential) {

        public UUID id() {
            return account.id();
        }

        public String username() {
            return account.draft().username();
        }

        /** Whether sign-in is refused at {@code now} after too many wrong passwords. */
        public boolean lockedAt(Instant now) {
            return credential != null && credential.lockedAt(now);
        }

        /** The last successful sign-in, or null. */
        public Instant lastSignIn() {
            return credential == null ? null : credential.lastSignInAt();
        }
    }

    /** The accounts the admin may manage, deactivated ones too, by org path and login. */
    public List<UserRow> users(Actor admin) {
        return db.transactionResult(cfg -> {
            Map<UUID, OrgUnit> units = OrgUnitRepository.using(cfg, clock).all().stream()
                    .collect(Collectors.toMap(OrgUnit::id, Function.identity()));
            Map<UUID, Credential> credentials = CredentialRepository.using(cfg, clock).all();
            List<UserRow> rows = new ArrayList<>();
            for (UserAccount account : UserRepository.using(cfg, clock).liveAccounts()) {
                OrgUnit unit = units.get(account.draft().orgUnitId());
                if (unit != null && UserAdminPolicy.mayManage(admin, unit.path())) {
                    rows.add(new UserRow(account, unit, credentials.get(account.id())));
                }
            }
            rows.sort(java.util.Comparator.comparing((UserRow r) -> r.orgUnit().path()).thenComparing(UserRow::username));
            return rows;
        });
    }

    /** The org units the admin may manage (and put people in), parents before children. */
    public List<OrgUnit> orgUnits(Actor admin) {
        return db.transactionResult(cfg -> OrgUnitRepository.using(cfg, clock).all().stream()
                .filter(u -> UserAdminPolicy.mayManage(admin, u.path())).toList());
    }

    /**
     * Adds an account with a first password, which the new user must change at their first sign-in.
     *
     * @return the new account's id
     * @throws SalesDeskException when the login is taken or blank, the name blank, the password
     *                            breaks the policy, or the admin may not put the user there
     */
    public UUID addUser(Actor admin, UserDraft draft, char[] initialPassword) {
        String login = draft.username() == null ? "" : draft.username().strip();
        if (login.isEmpty()) {
            throw new SalesDeskException("users.loginRequired");
        }
        if (draft.displayName() == null || draft.displayName().isBlank()) {
            throw new SalesDeskException("users.nameRequired");
        }
        UserAdminPolicy.requireGrant(admin, draft.role());
        requireNotReplica();
        PasswordPolicy.check(login, initialPassword);
        String hash = hasher.hash(initialPassword);
        UUID id = Ids.newId(clock);
        db.transaction(cfg -> {
            requireOwnPassword(cfg, admin);
            requireUnit(cfg, admin, draft.orgUnitId());
            UserRepository users = UserRepository.using(cfg, clock);
            if (!users.accountsByUsernames(List.of(login)).isEmpty()) {
                throw new SalesDeskException("users.loginTaken", login);
            }
            UserDraft clean = new UserDraft(login, draft.displayName().strip(), draft.role(), draft.orgUnitId(),
                    draft.managerId(), draft.email(), draft.mobile(), draft.joinedOn(), null);
            users.insertAll(admin, ChangeReason.user(), List.of(new UserRepository.NewUser(id, clean)));
            CredentialRepository.using(cfg, clock).setPassword(admin, ChangeReason.user(), id, hash, true);
        });
        return id;
    }

    /** Gives an account another role and org unit. */
    public void changeRoleAndUnit(Actor admin, UserRow row, Role role, UUID orgUnitId) {
        UserAdminPolicy.requireManage(admin, row.orgUnit().path());
        UserAdminPolicy.requireGrant(admin, role);
        requireDirectoryHere();
        UserDraft d = row.account().draft();
        db.transaction(cfg -> {
            requireUnit(cfg, admin, orgUnitId);
            UserRepository.using(cfg, clock).update(admin, ChangeReason.user(), row.id(), row.account().version(),
                    new UserDraft(d.username(), d.displayName(), role, orgUnitId, d.managerId(), d.email(), d.mobile(),
                            d.joinedOn(), d.leftOn()));
        });
    }

    /**
     * Deactivates an account (it leaves today: its login stays taken, its records keep their
     * owner) or brings it back. Nobody deactivates themselves, so a workspace keeps an admin.
     */
    public void setActive(Actor admin, UserRow row, boolean active) {
        UserAdminPolicy.requireManage(admin, row.orgUnit().path());
        requireDirectoryHere();
        if (!active && row.id().equals(admin.userId())) {
            throw new SalesDeskException("users.cannotDisableSelf");
        }
        UserDraft d = row.account().draft();
        db.transaction(cfg -> UserRepository.using(cfg, clock).update(admin, ChangeReason.user(), row.id(),
                row.account().version(), new UserDraft(d.username(), d.displayName(), d.role(), d.orgUnitId(),
                        d.managerId(), d.email(), d.mobile(), d.joinedOn(),
                        active ? null : BusinessTime.today(clock))));
    }

    /**
     * Sets a forgotten password; the user must change it at the next sign-in. Lifts any lockout.
     *
     * @throws SalesDeskException {@code password.atHeadOffice} on a branch replica
     */
    public void resetPassword(Actor admin, UserRow row, char[] newPassword) {
        UserAdminPolicy.requireManage(admin, row.orgUnit().path());
        requireNotReplica();
        PasswordPolicy.check(row.username(), newPassword);
        String hash = hasher.hash(newPassword);
        db.transaction(cfg -> {
            requireOwnPassword(cfg, admin);
            CredentialRepository.using(cfg, clock).setPassword(admin, ChangeReason.user(), row.id(), hash, true);
        });
    }

    /** Lifts a lockout before it ends (on a replica too: lockouts count on each computer). */
    public void unlock(Actor admin, UserRow row) {
        UserAdminPolicy.requireManage(admin, row.orgUnit().path());
        db.transaction(cfg -> CredentialRepository.using(cfg, clock).unlock(admin, ChangeReason.user(), row.id()));
    }

    /** Adds an org unit under {@code parent}. */
    public OrgUnit addOrgUnit(Actor admin, OrgUnit parent, String name, OrgUnit.Kind kind) {
        UserAdminPolicy.requireManage(admin, parent.path());
        requireDirectoryHere();
        String clean = requireName(name);
        UUID id = Ids.newId(clock);
        OrgUnit unit = new OrgUnit(id, parent.id(), clean, kind, parent.childPath(id), null);
        db.transaction(cfg -> OrgUnitRepository.using(cfg, clock).insert(admin, ChangeReason.user(), unit));
        return unit;
    }

    public void renameOrgUnit(Actor admin, OrgUnit unit, String name) {
        UserAdminPolicy.requireManage(admin, unit.path());
        requireDirectoryHere();
        String clean = requireName(name);
        db.transaction(cfg -> OrgUnitRepository.using(cfg, clock).rename(admin, ChangeReason.user(), unit, clean));
    }

    /**
     * Moves a unit with its subtree under another unit.
     *
     * @throws SalesDeskException {@code orgUnit.moveIntoItself} when the new parent is in the unit's own subtree
     */
    public void moveOrgUnit(Actor admin, OrgUnit unit, OrgUnit newParent) {
        UserAdminPolicy.requireManage(admin, unit.path());
        UserAdminPolicy.requireManage(admin, newParent.path());
        requireDirectoryHere();
        if (unit.parentId() == null || newParent.path().startsWith(unit.path())) {
            throw new SalesDeskException("orgUnit.moveIntoItself", unit.name());
        }
        db.transaction(cfg -> OrgUnitRepository.using(cfg, clock).move(admin, ChangeReason.user(), unit, newParent));
    }

    private void requireUnit(org.jooq.Configuration cfg, Actor admin, UUID orgUnitId) {
        OrgUnit unit = OrgUnitRepository.using(cfg, clock).byId(orgUnitId)
                .orElseThrow(() -> new SalesDeskException("users.orgUnitRequired"));
        UserAdminPolicy.requireManage(admin, unit.path());
    }

    /**
     * The first password given to someone makes everyone sign in from the next start; an admin
     * without a password of their own would then be locked out of the user admin. So they set
     * their own first (Settings → 修改密码).
     */
    private void requireOwnPassword(org.jooq.Configuration cfg, Actor admin) {
        if (CredentialRepository.using(cfg, clock).byUser(admin.userId()).isEmpty()) {
            throw new SalesDeskException("users.setOwnPasswordFirst");
        }
    }

    /**
     * A branch replica takes its users and passwords from the head office: a password set there
     * would be replaced by the next sync, and a user added there would exist on the laptop only.
     */
    private void requireNotReplica() {
        if (db.transactionResult(cfg -> CredentialRepository.using(cfg, clock).onReplica())) {
            throw new SalesDeskException("password.atHeadOffice");
        }
    }

    /**
     * Roles, units, deactivations and the org tree of a replica are the head office's: the next
     * sync overwrites any local edit of them, so a replica refuses instead of pretending.
     */
    private void requireDirectoryHere() {
        if (db.transactionResult(cfg -> CredentialRepository.using(cfg, clock).onReplica())) {
            throw new SalesDeskException("directory.atHeadOffice");
        }
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new SalesDeskException("orgUnit.nameRequired");
        }
        return name.strip();
    }
}
