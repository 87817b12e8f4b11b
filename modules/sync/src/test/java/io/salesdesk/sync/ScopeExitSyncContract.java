package io.salesdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.board.task.Task;
import io.salesdesk.board.task.TaskDraft;
import io.salesdesk.board.task.TaskPriority;
import io.salesdesk.board.task.TaskService;
import io.salesdesk.board.task.TaskStatus;
import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.crm.Activity;
import io.salesdesk.crm.ActivityDraft;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.Contact;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityService;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.User;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records handed at head office to someone outside a branch's subtree leave the branch laptop at the
 * next sync, with their contacts, follow-ups and checklists; handed back, they return whole. A hub
 * (the subclass's database) and a replica of 华东大区 on a real HSQLDB file.
 */
abstract class ScopeExitSyncContract {

    private static final int PAGE = 2;

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T02:00:00Z"));
    private Database hubDb;
    private SyncFixture org;
    private LocalHub hub;
    private Database replica;
    private Customer hospital;
    private Contact buyer;
    private Activity visit;
    private Actor manager;

    abstract Database openHub(Path hubDir);

    @BeforeEach
    void setUp() {
        hubDb = openHub(dir.resolve("hub"));
        org = new SyncFixture(hubDb, clock);
        // Sees the whole company: only the sync can hide a record from this viewer.
        manager = new Actor(org.zhang.id(), "总部经理", Role.MANAGER, org.company.path());
        hospital = org.create(hubDb, org.wang, "苏州第一医院");
        buyer = org.addContact(hubDb, org.wang, hospital.id(), "周采购");
        visit = customers(hubDb).logFollowUp(org.wang.asActor(), hospital.id(), new ActivityDraft(ActivityKind.VISIT,
                null, null, 30, "带样机演示", "有意向", "报价", null));
        hub = new LocalHub(hubDb, clock);
        replica = SyncService.createReplica(hub, DatabaseConfig.embedded(dir.resolve("r1")), org.east.id(), clock,
                PAGE);
    }

    @AfterEach
    void tearDown() {
        for (Database db : new Database[] {replica, hubDb}) {
            if (db != null) {
                db.close();
            }
        }
    }

    @Test
    void aCustomerHandedToAnotherRegionLeavesTheReplicaWithItsContactsAndFollowUps() {
        assertThat(names(replica, "")).contains("苏州第一医院");

        transfer(hospital, org.zhang);
        SyncReport report = sync();

        assertThat(report.conflicts()).isZero();
        assertThat(report.pulled()).as("the app reads its lists again when a sync changed rows").isPositive();
        assertThat(names(replica, "")).doesNotContain("苏州第一医院");
        assertThat(names(replica, "苏州")).isEmpty();
        assertThat(customers(replica).open(manager, hospital.id())).isEmpty();
        assertThat(SyncFixture.row(replica, SyncedEntity.CONTACT, buyer.id()).orElseThrow().deleted()).isTrue();
        assertThat(SyncFixture.row(replica, SyncedEntity.ACTIVITY, visit.id()).orElseThrow().deleted()).isTrue();
        // Nothing travels back as a delete: the hub still holds it live, and the next sync changes nothing.
        sync();
        assertThat(names(hubDb, "")).contains("苏州第一医院");
        assertThat(SyncFixture.row(hubDb, SyncedEntity.CONTACT, buyer.id()).orElseThrow().deleted()).isFalse();
        assertThat(SyncFixture.conflicts(hubDb)).isEmpty();
    }

    @Test
    void aCustomerHandedBackReturnsWhole() {
        transfer(hospital, org.zhang);
        sync();
        Customer atHub = customers(hubDb).open(manager, hospital.id()).orElseThrow().customer();
        customers(hubDb).update(manager, hospital.id(), atHub.version(), withPhone(atHub, "0512-65220000"));

        transfer(hospital, org.li);
        sync();

        var detail = customers(replica).open(manager, hospital.id()).orElseThrow();
        assertThat(detail.customer().ownerId()).isEqualTo(org.li.id());
        assertThat(detail.customer().phone()).isEqualTo("0512-65220000");
        assertThat(detail.contacts()).extracting(Contact::name).containsExactly("周采购");
        assertThat(detail.timeline()).extracting(Activity::id).containsExactly(visit.id());
        assertThat(names(replica, "苏州")).containsExactly("苏州第一医院");
    }

    @Test
    void aTaskGivenOutsideLeavesWithItsChecklistAndADealOfABranchRepKeepsItsCustomer() {
        Opportunity deal = new OpportunityService(hubDb, clock).create(org.wang.asActor(), new OpportunityDraft(
                hospital.id(), "门诊楼信息化", org.wang.id(), "NEEDS", null, null, null, null, null));
        Task call = tasks(hubDb).create(manager, new TaskDraft("电话回访", null, org.wang.id(), TaskPriority.NORMAL,
                null, hospital.id(), null), TaskStatus.TODO);
        var item = tasks(hubDb).addChecklistItem(manager, call.id(), "带报价单");
        sync();
        assertThat(tasks(replica).find(manager, call.id())).isPresent();

        Task now = tasks(hubDb).find(manager, call.id()).orElseThrow();
        TaskDraft d = now.toDraft();
        tasks(hubDb).update(manager, call.id(), now.version(), new TaskDraft(d.title(), d.description(),
                org.zhang.id(), d.priority(), d.dueAt(), d.customerId(), d.opportunityId()));
        transfer(hospital, org.zhang);
        sync();

        assertThat(tasks(replica).find(manager, call.id())).isEmpty();
        assertThat(SyncFixture.row(replica, SyncedEntity.CHECKLIST_ITEM, item.id()).orElseThrow().deleted()).isTrue();
        // 王一 still owns the deal, so the branch keeps the customer it is about (decision 6).
        assertThat(new OpportunityService(replica, clock).find(org.wang.asActor(), deal.id())).isPresent();
        assertThat(names(replica, "")).contains("苏州第一医院");
    }

    @Test
    void anOfflineEditOfACustomerMovedAwayIsARecordedConflictAndTheCustomerThenLeaves() {
        Customer offline = customers(replica).open(manager, hospital.id()).orElseThrow().customer();
        customers(replica).update(org.wang.asActor(), hospital.id(), offline.version(), withPhone(offline, "0512-65221111"));
        transfer(hospital, org.zhang);

        SyncReport report = sync();

        assertThat(report.conflicts()).isEqualTo(1);
        assertThat(SyncFixture.conflicts(hubDb)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(SyncConflict.Kind.OUTSIDE_SCOPE);
            assertThat(c.entityId()).isEqualTo(hospital.id());
            assertThat(c.incomingValue()).isEqualTo("0512-65221111");
        });
        assertThat(names(replica, "")).doesNotContain("苏州第一医院");
        assertThat(SyncFixture.field(hubDb, hospital.id(), "ownerId")).isEqualTo(org.zhang.id().toString());
    }

    @Test
    void aCustomerTheBranchHandsToAnotherRegionOfflineLeavesOnceTheHubHasIt() {
        Customer offline = customers(replica).open(manager, hospital.id()).orElseThrow().customer();
        customers(replica).transfer(manager, hospital.id(), offline.version(), org.zhang.id(), "区域调整");

        SyncReport report = sync();

        assertThat(report.conflicts()).isZero();
        assertThat(SyncFixture.field(hubDb, hospital.id(), "ownerId")).isEqualTo(org.zhang.id().toString());
        assertThat(names(replica, "")).doesNotContain("苏州第一医院");
        assertThat(SyncFixture.row(replica, SyncedEntity.CONTACT, buyer.id()).orElseThrow().deleted()).isTrue();
    }

    @Test
    void theHubNamesOnlyRowsThatWereTheReplicasBeforeTheMove() {
        Customer south = org.create(hubDb, org.zhang, "广州医院");
        UUID replicaId = new SyncService(replica, clock).node().nodeId();
        long cursor = new SyncService(replica, clock).node().pulledSeq();
        Customer now = customers(hubDb).open(manager, south.id()).orElseThrow().customer();
        customers(hubDb).update(manager, south.id(), now.version(), withOwner(now, org.li.id()));
        now = customers(hubDb).open(manager, south.id()).orElseThrow().customer();
        customers(hubDb).update(manager, south.id(), now.version(), withOwner(now, org.zhang.id()));

        SyncHub.PullPage page = hub.pull(replicaId, cursor, 100);

        // Only the move away from 李二 of 华东 names it: 张三's creation and his handing it to 李二 do not.
        assertThat(page.left()).containsExactly(new SyncHub.RowRef(SyncedEntity.CUSTOMER, south.id()));
    }

    private void transfer(Customer customer, User to) {
        Customer now = customers(hubDb).open(manager, customer.id()).orElseThrow().customer();
        customers(hubDb).transfer(manager, customer.id(), now.version(), to.id(), "区域调整");
    }

    private static io.salesdesk.crm.CustomerDraft withOwner(Customer c, UUID owner) {
        return new io.salesdesk.crm.CustomerDraft(c.name(), c.creditCode(), c.tier(), c.industry(), c.regionCode(),
                c.address(), c.phone(), owner);
    }

    private static io.salesdesk.crm.CustomerDraft withPhone(Customer c, String phone) {
        return new io.salesdesk.crm.CustomerDraft(c.name(), c.creditCode(), c.tier(), c.industry(), c.regionCode(),
                c.address(), phone, c.ownerId());
    }

    private List<String> names(Database db, String text) {
        CustomerService service = customers(db);
        return service.page(manager, CustomerQuery.all().withText(text), 0, 100).stream().map(Customer::name).toList();
    }

    private CustomerService customers(Database db) {
        return new CustomerService(db, clock, new RegionService(db));
    }

    private TaskService tasks(Database db) {
        return new TaskService(db, clock);
    }

    private SyncReport sync() {
        return new SyncService(replica, clock, PAGE).sync(hub);
    }
}
