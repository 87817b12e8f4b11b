package io.salesdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CreditCode;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.Contact;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityService;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.crm.merge.CustomerMergeService;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two laptops of the same branch create the same company while offline (decision 12): the hub keeps
 * both with their rows and records a DUPLICATE; a manager merges them at the hub and the merge
 * reaches both replicas. Replicas on real HSQLDB files, the hub on the subclass's database.
 */
abstract class DuplicateCustomerSyncContract {

    private static final int PAGE = 3;
    private static final String COMPANY = "杭州某某有限公司";

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T02:00:00Z"));
    private Database hubDb;
    private SyncFixture org;
    private LocalHub hub;
    private Database r1;
    private Database r2;
    private User admin;
    private Customer south1;

    abstract Database openHub(Path hubDir);

    @BeforeEach
    void setUp() {
        hubDb = openHub(dir.resolve("hub"));
        org = new SyncFixture(hubDb, clock);
        south1 = org.create(hubDb, org.zhang, "广州第一医院");
        admin = new User(Ids.newId(), "admin", "管理员", Role.ADMIN, org.company.id(), org.company.name(),
                org.company.path(), null);
        hubDb.transaction(cfg -> UserRepository.using(cfg, clock).insert(null,
                ChangeReason.of(ChangeReason.Kind.SYSTEM, "fixture"), admin, null, null));
        hub = new LocalHub(hubDb, clock);
        r1 = SyncService.createReplica(hub, DatabaseConfig.embedded(dir.resolve("r1")), org.east.id(), clock, PAGE);
        r2 = SyncService.createReplica(hub, DatabaseConfig.embedded(dir.resolve("r2")), org.east.id(), clock, PAGE);
    }

    @AfterEach
    void tearDown() {
        for (Database db : new Database[] {r1, r2, hubDb}) {
            if (db != null) {
                db.close();
            }
        }
    }

    private void sync(Database replica) {
        new SyncService(replica, clock, PAGE).sync(hub);
    }

    @Test
    void theSameCompanyCreatedOnTwoReplicasIsCaughtAtTheHubAndItsMergeReachesBoth() {
        Customer first = org.create(r1, org.wang, COMPANY);
        Contact zhangAtFirst = org.addContact(r1, org.wang, first.id(), "张经理");
        Customer second = org.create(r2, org.li, COMPANY);
        Contact wangAtSecond = org.addContact(r2, org.li, second.id(), "王主任");
        Opportunity deal = new OpportunityService(r2, clock).create(org.li.asActor(), new OpportunityDraft(second.id(),
                "信息化改造", org.li.id(), "NEEDS", null, null, null, null, null));

        sync(r1);
        sync(r2);

        assertThat(SyncFixture.customers(hubDb)).extracting(Customer::name).as("nothing lost: both arrive")
                .containsOnlyOnce("广州第一医院").filteredOn(COMPANY::equals).hasSize(2);
        SyncConflict duplicate = onlyOpenDuplicate();
        assertThat(duplicate.entityId()).isEqualTo(second.id());
        assertThat(duplicate.hubValue()).isEqualTo(first.id().toString());
        assertThat(duplicate.incomingValue()).isEqualTo(COMPANY);
        assertThat(duplicate.baseValue()).as("what matched").isEqualTo("name");
        assertThat(SyncFixture.row(hubDb, SyncedEntity.CONTACT, wangAtSecond.id()).orElseThrow().get("customerId"))
                .isEqualTo(second.id().toString());

        sync(r1);
        mergeAtHub(first, second);
        // Made on the second laptop after the merge at the hub, before it heard of it.
        Contact liAtSecond = org.addContact(r2, org.li, second.id(), "李会计");
        sync(r2);
        sync(r1);

        for (Database db : List.of(hubDb, r1, r2)) {
            RowState merged = SyncFixture.row(db, SyncedEntity.CUSTOMER, second.id()).orElseThrow();
            assertThat(merged.deleted()).isTrue();
            assertThat(merged.get(RowStateRepository.MERGED_INTO)).isEqualTo(first.id().toString());
            for (Contact c : List.of(zhangAtFirst, wangAtSecond, liAtSecond)) {
                assertThat(SyncFixture.row(db, SyncedEntity.CONTACT, c.id()).orElseThrow().get("customerId"))
                        .as(c.name() + " on the survivor").isEqualTo(first.id().toString());
            }
            assertThat(SyncFixture.row(db, SyncedEntity.DEAL, deal.id()).orElseThrow().get("customerId"))
                    .isEqualTo(first.id().toString());
            assertThat(SyncFixture.customers(db)).extracting(Customer::name).containsOnlyOnce(COMPANY);
        }
        String hubEast = SyncFixture.snapshot(hubDb).lines().filter(l -> !l.contains(south1.id().toString()))
                .collect(Collectors.joining("\n"));
        assertThat(SyncFixture.snapshot(r1)).isEqualTo(hubEast);
        assertThat(SyncFixture.snapshot(r2)).isEqualTo(hubEast);
        assertThat(SyncFixture.conflicts(hubDb)).extracting(SyncConflict::kind, SyncConflict::resolvedValue)
                .containsExactly(tuple(SyncConflict.Kind.DUPLICATE, SyncConflict.MERGED));
    }

    @Test
    void aSameCreditCodeUnderAnotherNameIsADuplicateAndAManagerMayDismissIt() {
        String code = CreditCode.withCheckDigit("91330106MA2XXXXX0");
        CustomerService atFirst = new CustomerService(r1, clock, new RegionService(r1));
        Customer first = atFirst.create(org.wang.asActor(), new CustomerDraft(COMPANY, code, Tier.B, "HOSPITAL",
                "320508", null, null, org.wang.id()));
        Customer second = new CustomerService(r2, clock, new RegionService(r2)).create(org.li.asActor(),
                new CustomerDraft("某某科技（杭州）", code, Tier.B, "HOSPITAL", "320508", null, null, org.li.id()));

        sync(r1);
        sync(r2);
        SyncConflict duplicate = onlyOpenDuplicate();
        assertThat(duplicate.baseValue()).isEqualTo("creditCode");
        new SyncConflictService(hubDb, clock).resolveDuplicate(admin.asActor(), duplicate.id(), false);

        assertThat(new SyncConflictService(hubDb, clock).open()).isEmpty();
        assertThat(SyncFixture.conflicts(hubDb)).extracting(SyncConflict::resolvedValue)
                .containsExactly(SyncConflict.NOT_DUPLICATE);
        assertThat(SyncFixture.customers(hubDb)).extracting(Customer::id).contains(first.id(), second.id());
    }

    @Test
    void aNewCustomerWithAnotherNameIsNoDuplicate() {
        org.create(r1, org.wang, COMPANY);
        org.create(r2, org.li, "宁波某某有限公司");

        sync(r1);
        sync(r2);

        assertThat(SyncFixture.conflicts(hubDb)).isEmpty();
    }

    @Test
    void theSamePhoneWithAnAlikeNameIsADuplicateByPhone() {
        new CustomerService(r1, clock, new RegionService(r1)).create(org.wang.asActor(), new CustomerDraft(COMPANY,
                null, Tier.B, "HOSPITAL", "320508", null, "0571-88886666", org.wang.id()));
        new CustomerService(r2, clock, new RegionService(r2)).create(org.li.asActor(), new CustomerDraft(
                "杭州某某医疗有限公司", null, Tier.B, "HOSPITAL", "320508", null, "0571 8888 6666", org.li.id()));

        sync(r1);
        sync(r2);

        assertThat(onlyOpenDuplicate().baseValue()).as("what matched").isEqualTo("phone");
    }

    @Test
    void branchesOnOneSwitchboardAreNoDuplicates() {
        new CustomerService(r1, clock, new RegionService(r1)).create(org.wang.asActor(), new CustomerDraft(
                "瑞康集团苏州分公司", null, Tier.B, "HOSPITAL", "320508", null, "0571-88886666", org.wang.id()));
        new CustomerService(r2, clock, new RegionService(r2)).create(org.li.asActor(), new CustomerDraft(
                "瑞康集团无锡分公司", null, Tier.B, "HOSPITAL", "320508", null, "0571-88886666", org.li.id()));
        new CustomerService(r2, clock, new RegionService(r2)).create(org.li.asActor(), new CustomerDraft(
                "宁波某某有限公司", null, Tier.B, "HOSPITAL", "320508", null, "0571-88886666", org.li.id()));

        sync(r1);
        sync(r2);

        assertThat(SyncFixture.conflicts(hubDb)).as("a shared phone alone flags nothing").isEmpty();
    }

    @Test
    void aMergeIsNotUndoneInOneClickWhereSyncHasCarriedItToOtherDatabases() {
        Customer first = org.create(r1, org.wang, COMPANY);
        Customer second = org.create(r2, org.li, COMPANY);
        sync(r1);
        sync(r2);
        RegionService regions = new RegionService(hubDb);
        CustomerMergeService merges = new CustomerMergeService(hubDb, clock, regions,
                new CustomerService(hubDb, clock, regions), CustomerMergeService.registered(),
                () -> SyncPeersRepository.exchangesRows(hubDb));
        long survivorVersion = SyncFixture.row(hubDb, SyncedEntity.CUSTOMER, first.id()).orElseThrow().version();
        long mergedVersion = SyncFixture.row(hubDb, SyncedEntity.CUSTOMER, second.id()).orElseThrow().version();
        var merge = merges.merge(admin.asActor(), first.id(), survivorVersion, second.id(), mergedVersion, Set.of());

        assertThat(SyncPeersRepository.exchangesRows(r1)).as("a replica").isTrue();
        assertThat(merges.mayUndo(admin.asActor())).isFalse();
        assertThatThrownBy(() -> merges.undo(admin.asActor(), merge.mergeId()))
                .isInstanceOfSatisfying(io.salesdesk.core.SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.customerMergeUndoSynced"));
        assertThat(SyncFixture.row(hubDb, SyncedEntity.CUSTOMER, second.id()).orElseThrow().deleted()).isTrue();
    }

    @Test
    void aMergeMadeOnAReplicaReachesTheHubAndTheOtherReplica() {
        Customer kept = org.create(r1, org.wang, COMPANY);
        Customer merged = org.create(r1, org.li, "杭州某某医疗有限公司");
        Contact contact = org.addContact(r1, org.li, merged.id(), "王主任");
        sync(r1);
        sync(r2);

        RegionService regions = new RegionService(r1);
        CustomerService customers = new CustomerService(r1, clock, regions);
        new CustomerMergeService(r1, clock, regions, customers, CustomerMergeService.registered())
                .merge(admin.asActor(), kept.id(), SyncFixture.row(r1, SyncedEntity.CUSTOMER, kept.id()).orElseThrow()
                        .version(), merged.id(), SyncFixture.row(r1, SyncedEntity.CUSTOMER, merged.id()).orElseThrow()
                        .version(), Set.of());
        sync(r1);
        sync(r2);

        for (Database db : List.of(hubDb, r2)) {
            assertThat(SyncFixture.row(db, SyncedEntity.CUSTOMER, merged.id()).orElseThrow().get(
                    RowStateRepository.MERGED_INTO)).isEqualTo(kept.id().toString());
            assertThat(SyncFixture.row(db, SyncedEntity.CONTACT, contact.id()).orElseThrow().get("customerId"))
                    .isEqualTo(kept.id().toString());
        }
        assertThat(SyncFixture.conflicts(hubDb)).isEmpty();
    }

    private SyncConflict onlyOpenDuplicate() {
        List<SyncConflict> open = new SyncConflictService(hubDb, clock).open();
        assertThat(open).extracting(SyncConflict::kind).containsExactly(SyncConflict.Kind.DUPLICATE);
        return open.get(0);
    }

    private void mergeAtHub(Customer survivor, Customer merged) {
        RegionService regions = new RegionService(hubDb);
        CustomerService customers = new CustomerService(hubDb, clock, regions);
        CustomerMergeService merges = new CustomerMergeService(hubDb, clock, regions, customers,
                CustomerMergeService.registered());
        long survivorVersion = SyncFixture.row(hubDb, SyncedEntity.CUSTOMER, survivor.id()).orElseThrow().version();
        long mergedVersion = SyncFixture.row(hubDb, SyncedEntity.CUSTOMER, merged.id()).orElseThrow().version();
        merges.merge(admin.asActor(), survivor.id(), survivorVersion, merged.id(), mergedVersion, Set.of());
        new SyncConflictService(hubDb, clock).resolveDuplicate(admin.asActor(), onlyOpenDuplicate().id(), true);
    }
}
