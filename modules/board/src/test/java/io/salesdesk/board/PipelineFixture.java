package io.salesdesk.board;

import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityService;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.db.Database;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** {@link BoardFixture}'s org with the pipeline services: manager 陈东 over reps 王一 and 李二, and an admin. */
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
        BoardFixture org = new BoardFixture(db, clock);
        admin = org.admin;
        manager = org.eastManager;
        wang = org.wang;
        li = org.li;
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
