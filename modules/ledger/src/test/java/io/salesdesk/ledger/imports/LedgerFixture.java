package io.salesdesk.ledger.imports;

import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.crm.OrgUnitRepository;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.crm.UserService;
import io.salesdesk.db.Database;
import io.salesdesk.ledger.crm.CrmLedgers;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** A small org (admin, manager 陈东, reps 王一 and 李二) and the CRM's import services over a real database. */
public final class LedgerFixture {

    public final Database db;
    public final Clock clock;
    public final RegionService regions;
    public final UserService users;
    public final LedgerEntities entities;
    public final LedgerImport imports;
    public final ImportHistory history;
    public User admin;
    public User manager;
    public User wang;
    public User li;

    public LedgerFixture(Database db, Clock clock) {
        this(db, clock, 0);
    }

    /** A fixture whose importer writes chunked imports in chunks of {@code chunkRows} rows (0: the default). */
    public LedgerFixture(Database db, Clock clock, int chunkRows) {
        this.db = db;
        this.clock = clock;
        this.regions = new RegionService(db);
        this.users = new UserService(db, clock);
        this.entities = CrmLedgers.of(db, clock, regions, users, new CustomerService(db, clock, regions));
        List<ImportTarget> targets = entities.importTargets();
        this.imports = chunkRows > 0 ? new LedgerImport(db, clock, targets, chunkRows)
                : new LedgerImport(db, clock, targets);
        this.history = chunkRows > 0 ? new ImportHistory(db, clock, targets, chunkRows)
                : new ImportHistory(db, clock, targets);
        db.transaction(cfg -> {
            OrgUnitRepository units = OrgUnitRepository.using(cfg, clock);
            UserRepository userRepository = UserRepository.using(cfg, clock);
            ChangeReason reason = ChangeReason.of(ChangeReason.Kind.SYSTEM, "fixture");
            UUID companyId = Ids.newId(clock);
            OrgUnit company = new OrgUnit(companyId, null, "测试公司", OrgUnit.Kind.COMPANY, OrgUnit.rootPath(companyId), null);
            units.insert(null, reason, company);
            UUID eastId = Ids.newId(clock);
            OrgUnit east = new OrgUnit(eastId, companyId, "华东大区", OrgUnit.Kind.REGION, company.childPath(eastId), null);
            units.insert(null, reason, east);
            admin = user(userRepository, reason, "admin", "管理员", Role.ADMIN, company, null);
            manager = user(userRepository, reason, "chen", "陈东", Role.MANAGER, east, null);
            wang = user(userRepository, reason, "wang", "王一", Role.REP, east, manager.id());
            li = user(userRepository, reason, "li", "李二", Role.REP, east, manager.id());
        });
    }

    private static User user(UserRepository users, ChangeReason reason, String username, String name, Role role,
            OrgUnit unit, UUID managerId) {
        User user = new User(Ids.newId(), username, name, role, unit.id(), unit.name(), unit.path(), managerId);
        users.insert(null, reason, user, null, null);
        return user;
    }
}
