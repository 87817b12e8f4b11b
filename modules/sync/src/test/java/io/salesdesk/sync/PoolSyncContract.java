package io.salesdesk.sync;

import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Role;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.User;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.crm.lead.LeadRepository;
import io.salesdesk.crm.lead.LeadStatus;
import io.salesdesk.crm.pool.PoolService;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.workflow.notify.Notification;
import io.salesdesk.workflow.notify.NotificationRepository;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public pool (公海) on branch replicas: pool customers and leads of a replica's regions reach
 * it, a rep claims offline, and of two offline claims of one record the first to reach the hub wins.
 * A hub (the subclass's database) and two replicas of 华东大区 (region 32) on real HSQLDB files.
 */
abstract class PoolSyncContract {

    private static final int PAGE = 2;

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T02:00:00Z"));
    private Database hubDb;
    private SyncFixture org;
    private LocalHub hub;
    private Database r1;
    private Database r2;
    private UUID suzhouPool;
    private UUID guangzhouPool;
    private UUID suzhouLead;
    private UUID guangzhouLead;

    abstract Database openHub(Path hubDir);

    @BeforeEach
    void setUp() {
        hubDb = openHub(dir.resolve("hub"));
        org = new SyncFixture(hubDb, clock);
        suzhouPool = pooled(org.create(hubDb, org.wang, "苏州公海医院"), "320508");
        guangzhouPool = pooled(org.create(hubDb, org.zhang, "广州公海医院"), "440106");
        suzhouLead = poolLead("昆山待分配医院", "320583");
        guangzhouLead = poolLead("番禺待分配医院", "440113");
        hub = new LocalHub(hubDb, clock);
        r1 = replica("r1");
        r2 = replica("r2");
    }

    @AfterEach
    void tearDown() {
        for (Database db : new Database[] {r1, r2, hubDb}) {
            if (db != null) {
                db.close();
            }
        }
    }

    @Test
    void aReplicaHoldsThePoolCustomersAndLeadsOfItsRegionsOnly() {
        assertThat(SyncFixture.row(r1, SyncedEntity.CUSTOMER, suzhouPool)).hasValueSatisfying(
                r -> assertThat(r.get("ownerId")).isNull());
        assertThat(SyncFixture.row(r1, SyncedEntity.CUSTOMER, guangzhouPool)).isEmpty();
        assertThat(SyncFixture.row(r1, SyncedEntity.LEAD, suzhouLead)).isPresent();
        assertThat(SyncFixture.row(r1, SyncedEntity.LEAD, guangzhouLead)).isEmpty();
        assertThat(pool(r1).pool(org.wang.asActor(), null)).extracting(p -> p.name()).containsExactly("苏州公海医院");
    }

    @Test
    void aCustomerReturnedToThePoolAtTheHubReachesTheReplicasPool() {
        Customer owned = org.create(hubDb, org.zhang, "苏州回流医院");
        sync(r1);
        assertThat(SyncFixture.row(r1, SyncedEntity.CUSTOMER, owned.id())).isEmpty();

        pooled(owned, "320505");
        sync(r1);

        assertThat(pool(r1).pool(org.wang.asActor(), null)).extracting(p -> p.name()).contains("苏州回流医院");
    }

    @Test
    void ofTwoOfflineClaimsOfOnePoolCustomerTheFirstToReachTheHubWinsAndTheOtherRepIsTold() {
        pool(r1).claim(org.wang.asActor(), suzhouPool);
        pool(r2).claim(org.li.asActor(), suzhouPool);

        sync(r1);
        SyncReport late = sync(r2);

        for (Database db : List.of(hubDb, r1, r2)) {
            assertThat(SyncFixture.field(db, suzhouPool, "ownerId")).isEqualTo(org.wang.id().toString());
        }
        assertThat(late.conflicts()).isEqualTo(1);
        assertThat(SyncFixture.conflicts(hubDb)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(SyncConflict.Kind.CLAIM_LOST);
            assertThat(c.field()).isEqualTo("ownerId");
            assertThat(c.hubValue()).isEqualTo(org.wang.id().toString());
            assertThat(c.incomingValue()).isEqualTo(org.li.id().toString());
            assertThat(c.resolvedAt()).isNotNull();
        });
        assertThat(new SyncConflictService(hubDb, clock).open()).isEmpty();
        assertThat(inbox(r2, org.li)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(LostClaims.KIND);
            assertThat(n.body()).contains("苏州公海医院").contains("王一");
        });
        assertThat(inbox(r1, org.wang)).isEmpty();
        // The claim counts against wang's limit at the hub and protects the customer from then.
        assertThat(pool(hubDb).claimsLeftToday(org.wang.asActor())).isEqualTo(PoolService.DEFAULT_DAILY_CLAIMS - 1);
        assertThat(hubDb.dsl().select(CUSTOMER.PROTECTED_UNTIL).from(CUSTOMER).where(CUSTOMER.ID.eq(suzhouPool))
                .fetchOne(CUSTOMER.PROTECTED_UNTIL)).isNotNull();
    }

    @Test
    void aClaimReleasedAgainBeforeTheSyncLeavesTheCustomerInThePoolAndTellsNobody() {
        pool(r1).claim(org.wang.asActor(), suzhouPool);
        long version = SyncFixture.row(r1, SyncedEntity.CUSTOMER, suzhouPool).orElseThrow().version();
        pool(r1).release(org.wang.asActor(), suzhouPool, version, "不是我们的客户");

        sync(r1);

        assertThat(SyncFixture.field(hubDb, suzhouPool, "ownerId")).isNull();
        assertThat(pool(hubDb).pool(org.li.asActor(), null)).extracting(p -> p.name()).contains("苏州公海医院");
        assertThat(SyncFixture.conflicts(hubDb)).isEmpty();
        assertThat(inbox(r1, org.wang)).isEmpty();
    }

    @Test
    void aCustomerReleasedOfflineReachesTheHubsPoolWithTheBranchsTimeAndReason() {
        Customer owned = org.create(hubDb, org.wang, "苏州放弃医院");
        sync(r1);
        long version = SyncFixture.row(r1, SyncedEntity.CUSTOMER, owned.id()).orElseThrow().version();
        java.time.OffsetDateTime releasedAt = clock.instant().atOffset(java.time.ZoneOffset.UTC);
        pool(r1).release(org.wang.asActor(), owned.id(), version, "客户已转给经销商");
        clock.advance(java.time.Duration.ofHours(5));

        sync(r1);

        assertThat(pool(hubDb).pool(org.li.asActor(), null)).filteredOn(p -> p.id().equals(owned.id()))
                .singleElement().satisfies(p -> {
                    assertThat(p.poolReason()).isEqualTo("客户已转给经销商");
                    assertThat(p.pooledAt()).isAtSameInstantAs(releasedAt);
                    assertThat(p.previousOwnerName()).isEqualTo("王一");
                });
        assertThat(SyncFixture.conflicts(hubDb)).isEmpty();
    }

    @Test
    void anOfflineClaimPastTheDailyLimitAtTheHubGoesBackToThePool() {
        Actor admin = new Actor(org.zhang.id(), "管理员", Role.ADMIN, org.company.path());
        pool(hubDb).setDailyClaimLimit(admin, 1);
        Customer other = org.create(hubDb, org.wang, "苏州另一家医院");
        pooled(other, "320508");
        pool(hubDb).claim(org.wang.asActor(), other.id());

        pool(r1).claim(org.wang.asActor(), suzhouPool);
        sync(r1);

        for (Database db : List.of(hubDb, r1)) {
            assertThat(SyncFixture.field(db, suzhouPool, "ownerId")).isNull();
        }
        assertThat(SyncFixture.conflicts(hubDb)).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(SyncConflict.Kind.CLAIM_LOST));
        assertThat(inbox(r1, org.wang)).singleElement().satisfies(n -> assertThat(n.body()).contains("上限"));
    }

    @Test
    void ofTwoOfflineAssignmentsOfOnePoolLeadTheFirstToReachTheHubWins() {
        assign(r1, suzhouLead, org.wang);
        assign(r2, suzhouLead, org.li);

        sync(r1);
        sync(r2);

        for (Database db : List.of(hubDb, r1, r2)) {
            assertThat(SyncFixture.row(db, SyncedEntity.LEAD, suzhouLead).orElseThrow().get("ownerId"))
                    .isEqualTo(org.wang.id().toString());
        }
        assertThat(SyncFixture.conflicts(hubDb)).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(SyncConflict.Kind.CLAIM_LOST));
        assertThat(inbox(r2, org.li)).singleElement().satisfies(n -> assertThat(n.body()).contains("昆山待分配医院"));
    }

    @Test
    void aPoolCustomerAndLeadGivenAtHeadOfficeToAnotherRegionLeaveTheReplica() {
        org.edit(hubDb, org.zhang, suzhouPool, d -> new io.salesdesk.crm.CustomerDraft(d.name(), d.creditCode(),
                d.tier(), d.industry(), d.regionCode(), d.address(), d.phone(), org.zhang.id()));
        assign(hubDb, suzhouLead, org.zhang);

        sync(r1);

        assertThat(pool(r1).pool(org.wang.asActor(), null)).isEmpty();
        assertThat(SyncFixture.row(r1, SyncedEntity.CUSTOMER, suzhouPool).orElseThrow().deleted()).isTrue();
        assertThat(SyncFixture.row(r1, SyncedEntity.LEAD, suzhouLead).orElseThrow().deleted()).isTrue();
        assertThat(SyncFixture.conflicts(hubDb)).isEmpty();
    }

    private UUID pooled(Customer customer, String regionCode) {
        Customer c = SyncFixture.customers(hubDb).stream().filter(x -> x.id().equals(customer.id())).findFirst()
                .orElseThrow();
        org.edit(hubDb, org.zhang, c.id(), d -> new io.salesdesk.crm.CustomerDraft(d.name(), d.creditCode(), d.tier(),
                d.industry(), regionCode, d.address(), d.phone(), d.ownerId()));
        long version = SyncFixture.row(hubDb, SyncedEntity.CUSTOMER, c.id()).orElseThrow().version();
        Actor admin = new Actor(org.zhang.id(), "管理员", Role.ADMIN, org.company.path());
        pool(hubDb).release(admin, c.id(), version, "联系不上");
        return c.id();
    }

    private UUID poolLead(String name, String regionCode) {
        UUID id = UUID.randomUUID();
        hubDb.transaction(cfg -> LeadRepository.using(cfg, clock).insertAll(null, ChangeReason.user(),
                List.of(new LeadRepository.NewLead(id, new LeadDraft(name, "陈主任", "0512-57001234", null, regionCode,
                        "HOSPITAL", null, "展会", null), LeadStatus.NEW, null, null, null, null, "a0", null))));
        return id;
    }

    private void assign(Database db, UUID leadId, User to) {
        db.transaction(cfg -> {
            LeadRepository leads = LeadRepository.using(cfg, clock);
            var lead = leads.findAny(leadId).orElseThrow();
            leads.update(to.asActor(), ChangeReason.user(), leadId, lead.version(),
                    f -> f.assigned(to.id(), clock.instant().atOffset(java.time.ZoneOffset.UTC), "分支经理指派", null)
                            .inColumn(LeadStatus.ASSIGNED, "a0"));
        });
    }

    private PoolService pool(Database db) {
        RegionService regions = new RegionService(db);
        return new PoolService(db, clock, regions, new CustomerService(db, clock, regions));
    }

    private List<Notification> inbox(Database db, User user) {
        return db.transactionResult(cfg -> NotificationRepository.using(cfg, clock).inbox(user.id(), 50)).stream()
                .filter(n -> n.kind().equals(LostClaims.KIND)).toList();
    }

    private Database replica(String name) {
        return SyncService.createReplica(hub, DatabaseConfig.embedded(dir.resolve(name)), org.east.id(), clock, PAGE);
    }

    private SyncReport sync(Database replica) {
        return new SyncService(replica, clock, PAGE).sync(hub);
    }
}
