package io.salesdesk.sync;

import static io.salesdesk.db.jooq.Tables.CHANGE_LOG;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.Contact;
import io.salesdesk.crm.ContactDraft;
import io.salesdesk.crm.ContactRepository;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.crm.OrgUnitRepository;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.db.Database;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A hub with a small org: company → 华东大区 (team 苏州: reps 王一, 李二) and 华南大区 (rep 张三),
 * and helpers that edit a database as a user of it would.
 */
final class SyncFixture {

    final Database hub;
    final Clock clock;
    OrgUnit company;
    OrgUnit east;
    OrgUnit south;
    User wang;
    User li;
    User zhang;

    SyncFixture(Database hub, Clock clock) {
        this.hub = hub;
        this.clock = clock;
        hub.transaction(cfg -> {
            OrgUnitRepository units = OrgUnitRepository.using(cfg, clock);
            UserRepository users = UserRepository.using(cfg, clock);
            ChangeReason reason = ChangeReason.of(ChangeReason.Kind.SYSTEM, "fixture");
            UUID companyId = Ids.newId(clock);
            company = new OrgUnit(companyId, null, "测试公司", OrgUnit.Kind.COMPANY, OrgUnit.rootPath(companyId), null);
            units.insert(null, reason, company);
            // The regions' codes make their pools (公海): Jiangsu 32 for 华东, Guangdong 44 for 华南.
            east = child(units, reason, company, "华东大区", OrgUnit.Kind.REGION, "320000");
            OrgUnit suzhou = child(units, reason, east, "苏州团队", OrgUnit.Kind.TEAM, null);
            south = child(units, reason, company, "华南大区", OrgUnit.Kind.REGION, "440000");
            wang = user(users, reason, "wang", "王一", suzhou);
            li = user(users, reason, "li", "李二", suzhou);
            zhang = user(users, reason, "zhang", "张三", south);
        });
    }

    private OrgUnit child(OrgUnitRepository units, ChangeReason reason, OrgUnit parent, String name, OrgUnit.Kind kind,
                          String regionCode) {
        UUID id = Ids.newId(clock);
        OrgUnit unit = new OrgUnit(id, parent.id(), name, kind, parent.childPath(id), regionCode);
        units.insert(null, reason, unit);
        return unit;
    }

    private static User user(UserRepository users, ChangeReason reason, String username, String name, OrgUnit unit) {
        User user = new User(Ids.newId(), username, name, Role.REP, unit.id(), unit.name(), unit.path(), null);
        users.insert(null, reason, user, null, null);
        return user;
    }

    static CustomerDraft draft(String name, UUID ownerId) {
        return new CustomerDraft(name, null, Tier.B, "HOSPITAL", "320508", "江苏省苏州市姑苏区人民路1号", null, ownerId);
    }

    /** Creates a customer on {@code db} as its owner would. */
    Customer create(Database db, User owner, String name) {
        return new CustomerService(db, clock, new RegionService(db)).create(owner.asActor(), draft(name, owner.id()));
    }

    /** The live or deleted customer as {@code db} holds it. */
    static Optional<RowState> row(Database db, SyncedEntity entity, UUID id) {
        return db.transactionResult(cfg -> RowStateRepository.using(cfg).find(entity, id));
    }

    static String field(Database db, UUID customerId, String field) {
        return row(db, SyncedEntity.CUSTOMER, customerId).orElseThrow().get(field);
    }

    /** Edits one customer field on {@code db} as user {@code by}, on the version it holds now. */
    void edit(Database db, User by, UUID id, UnaryOperator<CustomerDraft> change) {
        Customer c = customers(db).stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        CustomerDraft d = new CustomerDraft(c.name(), c.creditCode(), c.tier(), c.industry(), c.regionCode(),
                c.address(), c.phone(), c.ownerId());
        db.transaction(cfg -> CustomerRepository.using(cfg, clock, UnaryOperator.identity())
                .update(by.asActor(), ChangeReason.user(), id, c.version(), change.apply(d),
                        io.salesdesk.core.CompanyName.normalise(change.apply(d).name())));
    }

    void delete(Database db, User by, UUID id) {
        long version = row(db, SyncedEntity.CUSTOMER, id).orElseThrow().version();
        db.transaction(cfg -> CustomerRepository.using(cfg, clock, UnaryOperator.identity())
                .delete(by.asActor(), ChangeReason.user(), id, version));
    }

    Contact addContact(Database db, User by, UUID customerId, String name) {
        return new CustomerService(db, clock, new RegionService(db)).addContact(by.asActor(), customerId,
                new ContactDraft(name, "采购", null, null, null, null, false, null));
    }

    void editContact(Database db, User by, UUID contactId, UnaryOperator<ContactDraft> change) {
        Contact c = db.transactionResult(cfg -> ContactRepository.using(cfg, clock).find(contactId).orElseThrow());
        new CustomerService(db, clock, new RegionService(db)).updateContact(by.asActor(), contactId, c.version(),
                change.apply(c.toDraft()));
    }

    static List<Customer> customers(Database db) {
        return db.transactionResult(cfg -> CustomerRepository.using(cfg, Clock.systemUTC(), UnaryOperator.identity())
                .allLive());
    }

    static List<SyncConflict> conflicts(Database hub) {
        return hub.transactionResult(cfg -> SyncConflictRepository.using(cfg, Clock.systemUTC()).all());
    }

    /** The reason kinds of the audit entries about one row, oldest first. */
    static List<String> trail(Database db, UUID id) {
        return db.dsl().select(CHANGE_LOG.REASON_KIND).from(CHANGE_LOG).where(CHANGE_LOG.ENTITY_ID.eq(id))
                .orderBy(CHANGE_LOG.SEQ).fetch(CHANGE_LOG.REASON_KIND);
    }

    /** Every synced row of a database, as text, for comparing databases. */
    static String snapshot(Database db) {
        return db.transactionResult(cfg -> {
            var rows = RowStateRepository.using(cfg);
            List<UUID> customerIds = db.dsl().select(io.salesdesk.db.jooq.Tables.CUSTOMER.ID)
                    .from(io.salesdesk.db.jooq.Tables.CUSTOMER).fetch(io.salesdesk.db.jooq.Tables.CUSTOMER.ID);
            List<UUID> contactIds = db.dsl().select(io.salesdesk.db.jooq.Tables.CONTACT.ID)
                    .from(io.salesdesk.db.jooq.Tables.CONTACT).fetch(io.salesdesk.db.jooq.Tables.CONTACT.ID);
            return java.util.stream.Stream.concat(rows.read(SyncedEntity.CUSTOMER, customerIds, null).stream(),
                            rows.read(SyncedEntity.CONTACT, contactIds, null).stream())
                    .map(r -> r.entity() + " " + r.id() + " deleted=" + r.deleted() + " " + r.fields())
                    .sorted().collect(Collectors.joining("\n"));
        });
    }

    static Actor system() {
        return null;
    }
}
