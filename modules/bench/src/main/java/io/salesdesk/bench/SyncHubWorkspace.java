package io.salesdesk.bench;

import io.salesdesk.board.task.TaskFields;
import io.salesdesk.board.task.TaskPriority;
import io.salesdesk.board.task.TaskRepository;
import io.salesdesk.board.task.TaskStatus;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.ContactDraft;
import io.salesdesk.crm.ContactRepository;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityRepository;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.crm.OrgUnitRepository;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.crm.lead.LeadRepository;
import io.salesdesk.crm.lead.LeadStatus;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A hub database for the sync soak test and benchmark: a company with three branch teams, a rep
 * in each, and customers (one contact each) spread over the reps; for the soak test, a deal per
 * customer too, a task per customer, and leads, some in the pool.
 */
final class SyncHubWorkspace {

    final Database db;
    final OrgUnit company;
    final List<User> reps = new ArrayList<>();
    final List<UUID> customers = new ArrayList<>();
    final List<UUID> contacts = new ArrayList<>();
    final List<UUID> deals = new ArrayList<>();
    final List<UUID> leads = new ArrayList<>();
    final List<UUID> poolLeads = new ArrayList<>();
    final List<UUID> tasks = new ArrayList<>();
    private final Clock clock;

    SyncHubWorkspace(Path dir, Clock clock, int customerCount) {
        this.clock = clock;
        db = Database.open(DatabaseConfig.embedded(dir));
        new RegionService(db);
        UUID companyId = Ids.newId(clock);
        // Jiangsu (32): the company's pool, which its replicas hold.
        company = new OrgUnit(companyId, null, "测试公司", OrgUnit.Kind.COMPANY, OrgUnit.rootPath(companyId), "320000");
        ChangeReason reason = ChangeReason.of(ChangeReason.Kind.DEMO, "sync bench");
        db.transaction(cfg -> {
            OrgUnitRepository units = OrgUnitRepository.using(cfg, clock);
            UserRepository users = UserRepository.using(cfg, clock);
            units.insert(null, reason, company);
            String[] branches = {"昆山", "常熟", "太仓"};
            for (int i = 0; i < branches.length; i++) {
                UUID id = Ids.newId(clock);
                OrgUnit team = new OrgUnit(id, companyId, branches[i] + "分公司", OrgUnit.Kind.TEAM,
                        company.childPath(id), null);
                units.insert(null, reason, team);
                User rep = new User(Ids.newId(clock), "rep" + i, "销售" + i, Role.REP, id, team.name(), team.path(), null);
                users.insert(null, reason, rep, null, null);
                reps.add(rep);
            }
        });
        db.transaction(cfg -> {
            List<CustomerRepository.NewCustomer> newCustomers = new ArrayList<>();
            List<ContactRepository.NewContact> newContacts = new ArrayList<>();
            for (int i = 0; i < customerCount; i++) {
                UUID id = Ids.newId(clock);
                String name = "苏州客户" + i;
                CustomerDraft draft = new CustomerDraft(name, null, Tier.B, "HOSPITAL", "320508", "人民路" + i + "号",
                        null, reps.get(i % reps.size()).id());
                newCustomers.add(new CustomerRepository.NewCustomer(id, draft, CompanyName.normalise(name), null, null, null));
                UUID contactId = Ids.newId(clock);
                newContacts.add(new ContactRepository.NewContact(contactId, id,
                        new ContactDraft("联系人" + i, "采购", null, null, null, null, true, null)));
                customers.add(id);
                contacts.add(contactId);
            }
            CustomerRepository.using(cfg, clock, UnaryOperator.identity()).insertAll(null, reason, newCustomers);
            ContactRepository.using(cfg, clock).insertAll(null, reason, newContacts);
        });
    }

    /** Adds leads: {@code owned} spread over the reps, then {@code pooled} without an owner (公海), in Suzhou. */
    void addLeads(int owned, int pooled) {
        ChangeReason reason = ChangeReason.of(ChangeReason.Kind.DEMO, "sync bench");
        db.transaction(cfg -> {
            List<LeadRepository.NewLead> rows = new ArrayList<>();
            for (int i = 0; i < owned + pooled; i++) {
                UUID id = Ids.newId(clock);
                UUID owner = i < owned ? reps.get(i % reps.size()).id() : null;
                rows.add(new LeadRepository.NewLead(id, new LeadDraft("线索" + i, "陈主任", "0512-5700" + (1000 + i),
                        null, "320508", "HOSPITAL", null, "展会", null), owner == null ? LeadStatus.NEW
                        : LeadStatus.ASSIGNED, owner, null, null, null, String.format("a%05d", i), null));
                (i < owned ? leads : poolLeads).add(id);
            }
            LeadRepository.using(cfg, clock).insertAll(null, reason, rows);
        });
    }

    /** Adds a task for each customer, assigned to the customer's rep, due in a week. */
    void addTasks() {
        ChangeReason reason = ChangeReason.of(ChangeReason.Kind.DEMO, "sync bench");
        db.transaction(cfg -> {
            TaskRepository repository = TaskRepository.using(cfg, clock);
            OffsetDateTime due = OffsetDateTime.now(clock).plusDays(7).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            for (int i = 0; i < customers.size(); i++) {
                UUID id = Ids.newId(clock);
                repository.insert(null, reason, id, new TaskFields("任务" + i, null, reps.get(i % reps.size()).id(),
                        TaskStatus.TODO, TaskPriority.NORMAL, due, customers.get(i), null, null, null,
                        String.format("a%05d", i)));
                tasks.add(id);
            }
        });
    }

    /** Adds a deal for each customer, owned by the customer's rep. */
    void addDeals() {
        ChangeReason reason = ChangeReason.of(ChangeReason.Kind.DEMO, "sync bench");
        db.transaction(cfg -> {
            List<OpportunityRepository.NewOpportunity> rows = new ArrayList<>();
            for (int i = 0; i < customers.size(); i++) {
                UUID id = Ids.newId(clock);
                rows.add(new OpportunityRepository.NewOpportunity(id, new OpportunityDraft(customers.get(i),
                        "项目" + i, reps.get(i % reps.size()).id(), "NEEDS", new BigDecimal("100000.00"), null, 20,
                        null, null), 20, String.format("a%05d", i), null));
                deals.add(id);
            }
            OpportunityRepository.using(cfg, clock).insertAll(null, reason, rows);
        });
    }
}
