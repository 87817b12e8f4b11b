package io.salesdesk.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.db.Database;
import java.time.Clock;
import java.util.UUID;

/**
 * A small org for tests: company → 华东大区 (manager 陈东, team 苏州 with reps 王一 and 李二) and
 * 华南大区 (manager 赵南, rep 张三), plus an admin.
 */
final class CrmFixture {

    final Database db;
    final Clock clock;
    final RegionService regions;
    final CustomerService customers;
    User admin;
    User eastManager;
    User wang;
    User li;
    User southManager;
    User zhang;

    CrmFixture(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.regions = new RegionService(db);
        this.customers = new CustomerService(db, clock, regions);
        db.transaction(cfg -> {
            OrgUnitRepository units = OrgUnitRepository.using(cfg, clock);
            UserRepository users = UserRepository.using(cfg, clock);
            ChangeReason reason = ChangeReason.of(ChangeReason.Kind.SYSTEM, "fixture");
            UUID companyId = Ids.newId(clock);
            OrgUnit company = new OrgUnit(companyId, null, "测试公司", OrgUnit.Kind.COMPANY, OrgUnit.rootPath(companyId), null);
            units.insert(null, reason, company);
            OrgUnit east = child(units, reason, company, "华东大区", OrgUnit.Kind.REGION);
            OrgUnit suzhou = child(units, reason, east, "苏州团队", OrgUnit.Kind.TEAM);
            OrgUnit south = child(units, reason, company, "华南大区", OrgUnit.Kind.REGION);
            admin = user(users, reason, "admin", "管理员", Role.ADMIN, company, null);
            eastManager = user(users, reason, "chen", "陈东", Role.MANAGER, east, null);
            wang = user(users, reason, "wang", "王一", Role.REP, suzhou, eastManager.id());
            li = user(users, reason, "li", "李二", Role.REP, suzhou, eastManager.id());
            southManager = user(users, reason, "zhao", "赵南", Role.MANAGER, south, null);
            zhang = user(users, reason, "zhang", "张三", Role.REP, south, southManager.id());
        });
    }

    private OrgUnit child(OrgUnitRepository units, ChangeReason reason, OrgUnit parent, String name, OrgUnit.Kind kind) {
        UUID id = Ids.newId(clock);
        OrgUnit unit = new OrgUnit(id, parent.id(), name, kind, parent.childPath(id), null);
        units.insert(null, reason, unit);
        return unit;
    }

    private static User user(UserRepository users, ChangeReason reason, String username, String name, Role role,
                             OrgUnit unit, UUID managerId) {
        User user = new User(Ids.newId(), username, name, role, unit.id(), unit.name(), unit.path(), managerId);
        users.insert(null, reason, user, null, null);
        return user;
    }

    /** Creates a customer owned by {@code owner}, as the owner. */
    Customer customer(User owner, String name) {
        return customers.create(owner.asActor(), draft(name, owner.id()));
    }

    static CustomerDraft draft(String name, UUID ownerId) {
        return new CustomerDraft(name, null, Tier.B, "HOSPITAL", "320508", "江苏省苏州市姑苏区人民路1号", null, ownerId);
    }

    static Actor actor(User user) {
        return user.asActor();
    }
}
