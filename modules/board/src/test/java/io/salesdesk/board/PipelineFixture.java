package io.salesdesk.board;

import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityService;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.crm.OrgUnitRepository;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.Database;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A small org with a pipeline for board tests: manager 陈东 over reps 王一 and 李二, and an admin. */
final class PipelineFixture {

    final Database db;
    final Clock clock;
    final RegionService regions;
    final CustomerService customers;
    final OpportunityService opportunities;
    final BoardService boards;
    User admin;
    User manager;
    User wang;
    User li;

    PipelineFixture(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.regions = new RegionService(db);
        this.customers = new CustomerService(db, clock, regions);
        this.opportunities = new OpportunityService(db, clock);
        this.boards = new BoardService(db, clock, List.of(new OpportunityCards(opportunities, regions)));
        db.transaction(cfg -> {
            OrgUnitRepository units = OrgUnitRepository.using(cfg, clock);
            UserRepository users = UserRepository.using(cfg, clock);
            ChangeReason reason = ChangeReason.of(ChangeReason.Kind.SYSTEM, "fixture");
            UUID companyId = Ids.newId(clock);
            OrgUnit company = new OrgUnit(companyId, null, "测试公司", OrgUnit.Kind.COMPANY, OrgUnit.rootPath(companyId),
                    null);
            units.insert(null, reason, company);
            UUID eastId = Ids.newId(clock);
            OrgUnit east = new OrgUnit(eastId, companyId, "华东大区", OrgUnit.Kind.REGION, company.childPath(eastId), null);
            units.insert(null, reason, east);
            admin = user(users, reason, "admin", "管理员", Role.ADMIN, company, null);
            manager = user(users, reason, "chen", "陈东", Role.MANAGER, east, null);
            wang = user(users, reason, "wang", "王一", Role.REP, east, manager.id());
            li = user(users, reason, "li", "李二", Role.REP, east, manager.id());
        });
    }

    private static User user(UserRepository users, ChangeReason reason, String username, String name, Role role,
                             OrgUnit unit, UUID managerId) {
        User user = new User(Ids.newId(), username, name, role, unit.id(), unit.name(), unit.path(), managerId);
        users.insert(null, reason, user, null, null);
        return user;
    }

    Customer customer(User owner, String name, Tier tier) {
        return customers.create(owner.asActor(), new CustomerDraft(name, null, tier, "HOSPITAL", "320508", null, null,
                owner.id()));
    }

    Opportunity deal(User owner, Customer customer, String name, String stage, String amount) {
        return opportunities.create(owner.asActor(), new OpportunityDraft(customer.id(), name, owner.id(), stage,
                amount == null ? null : new BigDecimal(amount), LocalDate.of(2027, 1, 31), null, "监护仪",
                stage.equals("WON") || stage.equals("LOST") ? "测试" : null));
    }

    Board board(BoardKind kind, String name) {
        return boards.boards(kind).stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }
}
