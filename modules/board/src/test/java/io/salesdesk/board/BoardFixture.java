package io.salesdesk.board;

import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;

import io.salesdesk.core.BoardRank;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.crm.OrgUnitRepository;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A small org for board tests (crm's fixture is package-private there): company → 华东大区
 * (manager 陈东, team 苏州 with reps 王一 and 李二) and 华南大区 (manager 赵南, rep 张三), plus an admin.
 */
public final class BoardFixture {

    public final Database db;
    public final Clock clock;
    public final CustomerService customers;
    public User admin;
    public User eastManager;
    public User wang;
    public User li;
    public User southManager;
    public User zhang;

    public BoardFixture(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.customers = new CustomerService(db, clock, new RegionService(db));
        db.transaction(cfg -> {
            OrgUnitRepository units = OrgUnitRepository.using(cfg, clock);
            UserRepository users = UserRepository.using(cfg, clock);
            ChangeReason reason = ChangeReason.of(ChangeReason.Kind.SYSTEM, "fixture");
            UUID companyId = Ids.newId(clock);
            OrgUnit company = new OrgUnit(companyId, null, "测试公司", OrgUnit.Kind.COMPANY, OrgUnit.rootPath(companyId),
                    null);
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

    private OrgUnit child(OrgUnitRepository units, ChangeReason reason, OrgUnit parent, String name,
                          OrgUnit.Kind kind) {
        UUID id = Ids.newId(clock);
        OrgUnit unit = new OrgUnit(id, parent.id(), name, kind, parent.childPath(id), null);
        units.insert(null, reason, unit);
        return unit;
    }

    private User user(UserRepository users, ChangeReason reason, String username, String name, Role role,
                      OrgUnit unit, UUID managerId) {
        User user = new User(Ids.newId(clock), username, name, role, unit.id(), unit.name(), unit.path(), managerId);
        users.insert(null, reason, user, null, null);
        return user;
    }

    /** A customer owned by {@code owner}, created as the owner. */
    public Customer customer(User owner, String name) {
        return customers.create(owner.asActor(), new CustomerDraft(name, null, Tier.B, "HOSPITAL", "320508",
                "江苏省苏州市姑苏区人民路1号", null, owner.id()));
    }

    /** A deal row written straight into the table (the pipeline's service is not part of this module). */
    public UUID opportunity(Customer customer, User owner, String name) {
        UUID id = Ids.newId(clock);
        var now = Rows.now(clock);
        db.dsl().insertInto(OPPORTUNITY)
                .set(OPPORTUNITY.ID, id)
                .set(OPPORTUNITY.CUSTOMER_ID, customer.id())
                .set(OPPORTUNITY.NAME, name)
                .set(OPPORTUNITY.OWNER_ID, owner.id())
                .set(OPPORTUNITY.STAGE, "INITIAL")
                .set(OPPORTUNITY.PROBABILITY, 10)
                .set(OPPORTUNITY.STAGE_CHANGED_AT, now)
                .set(OPPORTUNITY.BOARD_RANK, BoardRank.first())
                .set(OPPORTUNITY.VERSION, 1L)
                .set(OPPORTUNITY.CREATED_AT, now)
                .set(OPPORTUNITY.UPDATED_AT, now)
                .execute();
        return id;
    }

    /** The audit trail of one row, oldest first. */
    public List<ChangeEntry> history(UUID id) {
        return db.transactionResult(cfg -> ChangeLog.using(cfg, clock).forEntity(id));
    }

    /** Whether the audit chain is intact. */
    public boolean auditIntact() {
        return db.transactionResult(cfg -> ChangeLog.using(cfg, clock).firstBrokenSeq()).isEmpty();
    }
}
