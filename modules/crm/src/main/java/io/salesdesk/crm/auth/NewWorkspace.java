package io.salesdesk.crm.auth;

import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.crm.OrgUnitRepository;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.Database;
import java.time.Clock;
import java.util.UUID;

/**
 * A blank workspace made on first run: the company as the root of the org tree and its first
 * administrator, who then adds the team in 用户管理. With a password the workspace asks for sign-in;
 * without one it opens as the administrator on this computer, as a personal workspace does.
 */
public final class NewWorkspace {

    private final Database db;
    private final Clock clock;
    private final PasswordHasher hasher;

    public NewWorkspace(Database db, Clock clock, PasswordHasher hasher) {
        this.db = db;
        this.clock = clock;
        this.hasher = hasher;
    }

    /**
     * Checks the names and the password without touching the database, so a form can refuse them
     * before a database is made in an empty folder.
     *
     * @throws SalesDeskException naming what is wrong
     */
    public static void check(String companyName, String adminUsername, String adminName, char[] password) {
        if (companyName == null || companyName.isBlank()) {
            throw new SalesDeskException("firstrun.company.blank");
        }
        if (adminUsername == null || !adminUsername.strip().matches("[A-Za-z0-9._-]+")) {
            throw new SalesDeskException("firstrun.username.invalid");
        }
        if (adminName == null || adminName.isBlank()) {
            throw new SalesDeskException("firstrun.adminName.blank");
        }
        if (password.length > 0) {
            PasswordPolicy.check(adminUsername.strip(), password);
        }
    }

    /**
     * Creates the company and its administrator.
     *
     * @param password the administrator's password, or empty for none
     * @return the administrator
     * @throws SalesDeskException when the workspace already has people, a name is blank, or the password breaks the policy
     */
    public User create(String companyName, String adminUsername, String adminName, char[] password) {
        if (!new DemoWorkspace(db, clock).isEmpty()) {
            throw new SalesDeskException("firstrun.notEmpty");
        }
        check(companyName, adminUsername, adminName, password);
        String hash = password.length == 0 ? null : hasher.hash(password);
        return db.transactionResult(cfg -> {
            ChangeReason reason = ChangeReason.of(ChangeReason.Kind.SYSTEM, "first run");
            UUID companyId = Ids.newId(clock);
            OrgUnit company = new OrgUnit(companyId, null, companyName.strip(), OrgUnit.Kind.COMPANY,
                    OrgUnit.rootPath(companyId), null);
            OrgUnitRepository.using(cfg, clock).insert(null, reason, company);
            User admin = new User(Ids.newId(clock), adminUsername.strip(), adminName.strip(), Role.ADMIN, companyId,
                    company.name(), company.path(), null);
            UserRepository.using(cfg, clock).insert(null, reason, admin, null, null);
            if (hash != null) {
                CredentialRepository.using(cfg, clock).setPassword(null, reason, admin.id(), hash, false);
            }
            return admin;
        });
    }
}
