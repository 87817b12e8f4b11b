package io.salesdesk.crm.testing;

import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.REP_TERRITORY;

import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.crm.OrgUnitRepository;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.Database;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.impl.DSL;

/**
 * A sales org with regions for lead, pool and SLA tests: company → 浙江大区 (330000, manager 陈东,
 * reps 王一 and 李二 who both sell in 杭州市) and 江苏大区 (320000, manager 赵南, rep 张三 in 苏州市),
 * plus an admin. Shared with other modules as crm's test-jar.
 */
public final class SalesOrgFixture {

    public static final String HANGZHOU = "330100";
    public static final String XIHU = "330106";
    public static final String SUZHOU = "320500";

    public final Database db;
    public final Clock clock;
    public final RegionService regions;
    public final CustomerService customers;
    public User admin;
    public User zjManager;
    public User wang;
    public User li;
    public User jsManager;
    public User zhang;

    public SalesOrgFixture(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.regions = new RegionService(db);
        this.customers = new CustomerService(db, clock, regions);
        db.transaction(cfg -> {
            OrgUnitRepository units = OrgUnitRepository.using(cfg, clock);
            UserRepository users = UserRepository.using(cfg, clock);
            ChangeReason reason = ChangeReason.of(ChangeReason.Kind.SYSTEM, "fixture");
            UUID companyId = Ids.newId(clock);
            OrgUnit company = new OrgUnit(companyId, null, "测试公司", OrgUnit.Kind.COMPANY, OrgUnit.rootPath(companyId),
                    null);
            units.insert(null, reason, company);
            OrgUnit zj = child(units, reason, company, "浙江大区", "330000");
            OrgUnit js = child(units, reason, company, "江苏大区", "320000");
            admin = user(users, reason, "admin", "管理员", Role.ADMIN, company, null);
            zjManager = user(users, reason, "chen", "陈东", Role.MANAGER, zj, null);
            wang = user(users, reason, "wang", "王一", Role.REP, zj, zjManager.id());
            li = user(users, reason, "li", "李二", Role.REP, zj, zjManager.id());
            jsManager = user(users, reason, "zhao", "赵南", Role.MANAGER, js, null);
            zhang = user(users, reason, "zhang", "张三", Role.REP, js, jsManager.id());
        });
        territory(wang, HANGZHOU);
        territory(li, HANGZHOU);
        territory(zhang, SUZHOU);
    }

    public void territory(User rep, String regionCode) {
        db.transaction(cfg -> DSL.using(cfg).insertInto(REP_TERRITORY).set(REP_TERRITORY.USER_ID, rep.id())
                .set(REP_TERRITORY.REGION_CODE, regionCode).execute());
    }

    /** A customer owned by {@code owner} (null for the pool) last followed up at {@code lastFollowUp}. */
    public UUID customer(User owner, String name, Tier tier, String regionCode, OffsetDateTime lastFollowUp) {
        UUID id = Ids.newId(clock);
        db.transaction(cfg -> {
            CustomerDraft draft = new CustomerDraft(name, null, tier, "HOSPITAL", regionCode, null, null,
                    owner == null ? null : owner.id());
            CustomerRepository.using(cfg, clock, code -> code).insertAll(null,
                    ChangeReason.of(ChangeReason.Kind.SYSTEM, "fixture"), List.of(new CustomerRepository.NewCustomer(
                            id, draft, CompanyName.normalise(name), lastFollowUp, null, null)));
        });
        return id;
    }

    public UUID ownerOf(UUID customerId) {
        return db.transactionResult(cfg -> DSL.using(cfg).select(CUSTOMER.OWNER_ID).from(CUSTOMER)
                .where(CUSTOMER.ID.eq(customerId)).fetchOne(CUSTOMER.OWNER_ID));
    }

    private OrgUnit child(OrgUnitRepository units, ChangeReason reason, OrgUnit parent, String name, String region) {
        UUID id = Ids.newId(clock);
        OrgUnit unit = new OrgUnit(id, parent.id(), name, OrgUnit.Kind.REGION, parent.childPath(id), region);
        units.insert(null, reason, unit);
        return unit;
    }

    private User user(UserRepository users, ChangeReason reason, String username, String name, Role role,
                      OrgUnit unit, UUID managerId) {
        User user = new User(Ids.newId(clock), username, name, role, unit.id(), unit.name(), unit.path(), managerId);
        users.insert(null, reason, user, null, null);
        return user;
    }
}
