package io.salesdesk.sync;

import static io.salesdesk.db.jooq.Tables.CHANGE_LOG;
import static io.salesdesk.db.jooq.Tables.SYNC_RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.crm.Contact;
import io.salesdesk.crm.ContactDraft;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.FieldChange;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hub and two replicas of 华东大区, the replicas on real HSQLDB files, the hub on the subclass's database. */
abstract class SyncServiceContract {

    private static final int PAGE = 2;

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T02:00:00Z"));
    private Database hubDb;
    private SyncFixture org;
    private InterruptingHub hub;
    private Database r1;
    private Database r2;
    private Customer east1;
    private Customer south1;

    @BeforeEach
    void setUp() {
        hubDb = openHub(dir.resolve("hub"));
        org = new SyncFixture(hubDb, clock);
        east1 = org.create(hubDb, org.wang, "苏州第一医院");
        south1 = org.create(hubDb, org.zhang, "广州第一医院");
        hub = new InterruptingHub(new LocalHub(hubDb, clock));
        r1 = replica("r1");
        r2 = replica("r2");
    }

    /** The hub's database. */
    abstract Database openHub(Path hubDir);

    @AfterEach
    void tearDown() {
        for (Database db : new Database[] {r1, r2, hubDb}) {
            if (db != null) {
                db.close();
            }
        }
    }

    private Database replica(String name) {
        return SyncService.createReplica(hub, DatabaseConfig.embedded(dir.resolve(name)), org.east.id(), clock, PAGE);
    }

    private SyncReport sync(Database replica) {
        return new SyncService(replica, clock, PAGE).sync(hub);
    }

    @Test
    void aReplicaHoldsTheCustomersOfItsOrgSubtreeOnly() {
        assertThat(SyncFixture.customers(r1)).extracting(Customer::name).containsExactly("苏州第一医院");
        assertThat(SyncFixture.trail(r1, east1.id())).containsOnly("SYNC");
    }

    @Test
    void editsOfDifferentFieldsOfOneCustomerBothSurvive() {
        org.edit(r1, org.wang, east1.id(), d -> withPhone(d, "0512-65223637"));
        org.edit(r2, org.li, east1.id(), d -> withAddress(d, "江苏省苏州市姑苏区十全街8号"));

        sync(r1);
        sync(r2);
        sync(r1);

        for (Database db : List.of(hubDb, r1, r2)) {
            assertThat(SyncFixture.field(db, east1.id(), "phone")).isEqualTo("0512-65223637");
            assertThat(SyncFixture.field(db, east1.id(), "address")).isEqualTo("江苏省苏州市姑苏区十全街8号");
        }
        assertThat(SyncFixture.conflicts(hubDb)).isEmpty();
    }

    @Test
    void manyChangesToOneCustomerInOnePageEachKeepTheirAuthorAndTheTrailStaysIntact() {
        org.edit(r1, org.wang, east1.id(), d -> withPhone(d, "0512-65223637"));
        org.edit(r1, org.li, east1.id(), d -> withAddress(d, "江苏省苏州市姑苏区十全街8号"));
        Contact buyer = org.addContact(r1, org.wang, east1.id(), "赵采购");
        org.editContact(r1, org.wang, buyer.id(), d -> new ContactDraft(d.name(), "采购部主任", d.mobile(), d.phone(),
                d.email(), d.wechat(), d.primary(), d.notes()));
        org.edit(r1, org.wang, east1.id(), d -> withName(d, "苏州市第一人民医院"));
        org.delete(r1, org.li, east1.id());

        // One page holds every change: the hub writes them in batches, not row by row.
        SyncReport report = new SyncService(r1, clock, 50).sync(hub);

        assertThat(report.pushed()).isEqualTo(6);
        RowState atHub = SyncFixture.row(hubDb, SyncedEntity.CUSTOMER, east1.id()).orElseThrow();
        assertThat(atHub.deleted()).isTrue();
        assertThat(atHub.get("name")).isEqualTo("苏州市第一人民医院");
        assertThat(atHub.get("phone")).isEqualTo("0512-65223637");
        assertThat(atHub.get("address")).isEqualTo("江苏省苏州市姑苏区十全街8号");
        assertThat(SyncFixture.row(hubDb, SyncedEntity.CONTACT, buyer.id()).orElseThrow().get("title"))
                .isEqualTo("采购部主任");
        assertThat(hubDb.dsl().select(CHANGE_LOG.CHANGED_BY_NAME, CHANGE_LOG.OPERATION).from(CHANGE_LOG)
                .where(CHANGE_LOG.ENTITY_ID.eq(east1.id()), CHANGE_LOG.REASON_KIND.eq("SYNC"))
                .orderBy(CHANGE_LOG.SEQ).fetch(r -> r.value1() + " " + r.value2()))
                .containsExactly("王一 UPDATE", "李二 UPDATE", "王一 UPDATE", "李二 DELETE");
        java.util.OptionalLong broken = hubDb.transactionResult(cfg ->
                io.salesdesk.db.ChangeLog.using(cfg, clock).firstBrokenSeq());
        assertThat(broken).isEmpty();
        assertThat(SyncFixture.snapshot(r1)).isEqualTo(SyncFixture.snapshot(hubDb).lines()
                .filter(l -> !l.contains(south1.id().toString())).collect(java.util.stream.Collectors.joining("\n")));
    }

    @Test
    void anOrgUnitRenamedAndAUserEditedAtTheHubReachTheReplicas() {
        hubDb.transaction(cfg -> {
            var units = io.salesdesk.crm.OrgUnitRepository.using(cfg, clock);
            var team = units.all().stream().filter(u -> u.name().equals("苏州团队")).findFirst().orElseThrow();
            units.rename(null, io.salesdesk.core.ChangeReason.user(), team, "苏州一组");
            var users = io.salesdesk.crm.UserRepository.using(cfg, clock);
            var li = users.accountsByIds(List.of(org.li.id())).get(0);
            var d = li.draft();
            users.update(null, io.salesdesk.core.ChangeReason.user(), li.id(), li.version(),
                    new io.salesdesk.crm.UserDraft(d.username(), "李二娃", d.role(), d.orgUnitId(), d.managerId(),
                            d.email(), d.mobile(), d.joinedOn(), d.leftOn()));
        });

        sync(r1);

        r1.transaction(cfg -> {
            assertThat(io.salesdesk.crm.OrgUnitRepository.using(cfg, clock).all())
                    .extracting(io.salesdesk.crm.OrgUnit::name).contains("苏州一组").doesNotContain("苏州团队");
            assertThat(io.salesdesk.crm.UserRepository.using(cfg, clock).byId(org.li.id()).orElseThrow().displayName())
                    .isEqualTo("李二娃");
        });
    }

    @Test
    void aDealsStageChangedAtTheReplicaAndItsAmountAtTheHubBothSurvive() {
        io.salesdesk.crm.OpportunityService hubDeals = new io.salesdesk.crm.OpportunityService(hubDb, clock);
        io.salesdesk.crm.Opportunity deal = hubDeals.create(org.wang.asActor(), new io.salesdesk.crm.OpportunityDraft(
                east1.id(), "门诊楼信息化", org.wang.id(), "NEEDS", new java.math.BigDecimal("100000.00"), null, null,
                null, null));
        sync(r1);
        io.salesdesk.crm.OpportunityService branchDeals = new io.salesdesk.crm.OpportunityService(r1, clock);
        io.salesdesk.crm.Opportunity atBranch = branchDeals.find(org.wang.asActor(), deal.id()).orElseThrow();

        branchDeals.update(org.wang.asActor(), deal.id(), atBranch.version(), withStage(atBranch.toDraft(), "SOLUTION"));
        hubDeals.update(org.wang.asActor(), deal.id(), deal.version(), withAmount(deal.toDraft(), "120000.00"));
        sync(r1);

        for (Database db : List.of(hubDb, r1)) {
            io.salesdesk.crm.Opportunity merged = new io.salesdesk.crm.OpportunityService(db, clock)
                    .find(org.wang.asActor(), deal.id()).orElseThrow();
            assertThat(merged.stage()).isEqualTo("SOLUTION");
            assertThat(merged.amount()).isEqualByComparingTo("120000.00");
        }
        atBranch = branchDeals.find(org.wang.asActor(), deal.id()).orElseThrow();
        branchDeals.update(org.wang.asActor(), deal.id(), atBranch.version(), withAmount(atBranch.toDraft(), "150000.00"));
        sync(r1);
        assertThat(hubDeals.find(org.wang.asActor(), deal.id()).orElseThrow().amount()).isEqualByComparingTo("150000");
        assertThat(SyncFixture.conflicts(hubDb)).isEmpty();
    }

    @Test
    void aDealCreatedOfflineArrivesAtTheHubOnceEvenAfterAnInterruptedSync() {
        io.salesdesk.crm.Opportunity deal = new io.salesdesk.crm.OpportunityService(r1, clock).create(org.wang.asActor(),
                new io.salesdesk.crm.OpportunityDraft(east1.id(), "病房楼扩建", org.wang.id(), "INITIAL", null, null,
                        null, null, null));
        hub.dropAt(1, InterruptingHub.When.AFTER_HUB);
        assertThatThrownBy(() -> sync(r1)).isInstanceOf(InterruptingHub.LineDropped.class);

        sync(r1);
        sync(r2);

        assertThat(hubDb.dsl().fetchCount(io.salesdesk.db.jooq.Tables.OPPORTUNITY,
                io.salesdesk.db.jooq.Tables.OPPORTUNITY.NAME.eq("病房楼扩建"))).isEqualTo(1);
        assertThat(hubDb.dsl().fetchCount(CHANGE_LOG, CHANGE_LOG.ENTITY_ID.eq(deal.id()))).isEqualTo(1);
        assertThat(new io.salesdesk.crm.OpportunityService(r2, clock).find(org.wang.asActor(), deal.id()))
                .hasValueSatisfying(d -> assertThat(d.name()).isEqualTo("病房楼扩建"));
    }

    @Test
    void aFollowUpLoggedOfflineArrivesOnceAndADeleteAtTheHubReachesTheReplica() {
        io.salesdesk.crm.Activity logged = new io.salesdesk.crm.CustomerService(r1, clock,
                new io.salesdesk.crm.RegionService(r1)).logFollowUp(org.wang.asActor(), east1.id(),
                new io.salesdesk.crm.ActivityDraft(io.salesdesk.crm.ActivityKind.VISIT, null, null, 30, "带样机演示",
                        "有意向", "报价", null));
        hub.dropAt(1, InterruptingHub.When.AFTER_HUB);
        assertThatThrownBy(() -> sync(r1)).isInstanceOf(InterruptingHub.LineDropped.class);

        sync(r1);
        sync(r2);

        RowState atHub = SyncFixture.row(hubDb, SyncedEntity.ACTIVITY, logged.id()).orElseThrow();
        assertThat(atHub.get("note")).isEqualTo("带样机演示");
        assertThat(hubDb.dsl().fetchCount(CHANGE_LOG, CHANGE_LOG.ENTITY_ID.eq(logged.id()))).isEqualTo(1);
        assertThat(SyncFixture.row(r2, SyncedEntity.ACTIVITY, logged.id()).orElseThrow().fields())
                .isEqualTo(atHub.fields());

        hubDb.transaction(cfg -> io.salesdesk.crm.ActivityRepository.using(cfg, clock)
                .delete(org.wang.asActor(), io.salesdesk.core.ChangeReason.user(), logged.id(), atHub.version()));
        sync(r1);

        assertThat(SyncFixture.row(r1, SyncedEntity.ACTIVITY, logged.id()).orElseThrow().deleted()).isTrue();
        assertThat(SyncFixture.conflicts(hubDb)).isEmpty();
    }

    @Test
    void aLeadCreatedOfflineArrivesOnceAndEditsOfDifferentFieldsMerge() {
        UUID leadId = UUID.randomUUID();
        r1.transaction(cfg -> io.salesdesk.crm.lead.LeadRepository.using(cfg, clock).insertAll(org.wang.asActor(),
                io.salesdesk.core.ChangeReason.user(), List.of(new io.salesdesk.crm.lead.LeadRepository.NewLead(leadId,
                        new io.salesdesk.crm.lead.LeadDraft("昆山第三医院", "陈主任", "0512-57001234", null, "320583",
                                "HOSPITAL", null, "展会", null),
                        io.salesdesk.crm.lead.LeadStatus.ASSIGNED, org.wang.id(), null, null, null, "a0", null))));
        hub.dropAt(1, InterruptingHub.When.AFTER_HUB);
        assertThatThrownBy(() -> sync(r1)).isInstanceOf(InterruptingHub.LineDropped.class);
        sync(r1);

        assertThat(hubDb.dsl().fetchCount(CHANGE_LOG, CHANGE_LOG.ENTITY_ID.eq(leadId))).isEqualTo(1);
        editLead(hubDb, leadId, d -> new io.salesdesk.crm.lead.LeadDraft(d.name(), d.contactName(), "0512-57009999",
                d.address(), d.regionCode(), d.industry(), d.tier(), d.source(), d.note()));
        editLead(r1, leadId, d -> new io.salesdesk.crm.lead.LeadDraft(d.name(), d.contactName(), d.phone(),
                d.address(), d.regionCode(), d.industry(), d.tier(), d.source(), "要两台彩超"));
        sync(r1);
        sync(r2);

        for (Database db : List.of(hubDb, r1, r2)) {
            RowState lead = SyncFixture.row(db, SyncedEntity.LEAD, leadId).orElseThrow();
            assertThat(lead.get("phone")).isEqualTo("0512-57009999");
            assertThat(lead.get("note")).isEqualTo("要两台彩超");
        }
        assertThat(SyncFixture.conflicts(hubDb)).isEmpty();
    }

    private void editLead(Database db, UUID leadId,
                          java.util.function.UnaryOperator<io.salesdesk.crm.lead.LeadDraft> change) {
        db.transaction(cfg -> {
            var leads = io.salesdesk.crm.lead.LeadRepository.using(cfg, clock);
            var lead = leads.findAny(leadId).orElseThrow();
            leads.update(org.wang.asActor(), io.salesdesk.core.ChangeReason.user(), leadId, lead.version(),
                    f -> new io.salesdesk.crm.lead.LeadFields(change.apply(f.draft()), f.status(), f.ownerId(),
                            f.assignedAt(), f.assignmentReason(), f.assignmentFlag(), f.firstResponseAt(),
                            f.responseMinutes(), f.disqualifyReason(), f.customerId(), f.opportunityId(), f.closedAt(),
                            f.boardRank()));
        });
    }

    @Test
    void aCustomerMovedIntoTheSubtreeArrivesWithItsContacts() {
        Contact buyer = org.addContact(hubDb, org.zhang, south1.id(), "黄采购");
        sync(r1);
        assertThat(SyncFixture.row(r1, SyncedEntity.CONTACT, buyer.id())).isEmpty();

        org.edit(hubDb, org.zhang, south1.id(), d -> new CustomerDraft(d.name(), d.creditCode(), d.tier(),
                d.industry(), d.regionCode(), d.address(), d.phone(), org.wang.id()));
        sync(r1);

        assertThat(SyncFixture.row(r1, SyncedEntity.CUSTOMER, south1.id())).isPresent();
        assertThat(SyncFixture.row(r1, SyncedEntity.CONTACT, buyer.id()).orElseThrow().get("name")).isEqualTo("黄采购");
    }

    private static io.salesdesk.crm.OpportunityDraft withStage(io.salesdesk.crm.OpportunityDraft d, String stage) {
        return new io.salesdesk.crm.OpportunityDraft(d.customerId(), d.name(), d.ownerId(), stage, d.amount(),
                d.expectedCloseOn(), d.probability(), d.products(), d.closeReason());
    }

    private static io.salesdesk.crm.OpportunityDraft withAmount(io.salesdesk.crm.OpportunityDraft d, String amount) {
        return new io.salesdesk.crm.OpportunityDraft(d.customerId(), d.name(), d.ownerId(), d.stage(),
                new java.math.BigDecimal(amount), d.expectedCloseOn(), d.probability(), d.products(), d.closeReason());
    }

    @Test
    void theSameFieldChangedToDifferentValuesIsOneConflictWithBothValuesKept() {
        org.edit(r1, org.wang, east1.id(), d -> withName(d, "苏州市第一人民医院"));
        org.edit(r2, org.li, east1.id(), d -> withName(d, "苏州大学附属第一医院"));

        sync(r1);
        SyncReport second = sync(r2);
        sync(r1);

        assertThat(second.conflicts()).isEqualTo(1);
        List<SyncConflict> conflicts = SyncFixture.conflicts(hubDb);
        assertThat(conflicts).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(SyncConflict.Kind.FIELD);
            assertThat(c.field()).isEqualTo("name");
            assertThat(c.baseValue()).isEqualTo("苏州第一医院");
            assertThat(c.hubValue()).isEqualTo("苏州市第一人民医院");
            assertThat(c.incomingValue()).isEqualTo("苏州大学附属第一医院");
            assertThat(c.changedByName()).isEqualTo("李二");
        });
        for (Database db : List.of(hubDb, r1, r2)) {
            assertThat(SyncFixture.field(db, east1.id(), "name")).isEqualTo("苏州市第一人民医院");
        }
    }

    @Test
    void aManagerResolvesAConflictByChoosingTheReplicasValueAndItReachesEveryReplica() {
        org.edit(r1, org.wang, east1.id(), d -> withName(d, "苏州市第一人民医院"));
        org.edit(r2, org.li, east1.id(), d -> withName(d, "苏州大学附属第一医院"));
        sync(r1);
        sync(r2);
        SyncConflictService conflicts = new SyncConflictService(hubDb, clock);
        SyncConflict conflict = conflicts.open().get(0);

        conflicts.resolve(org.wang.asActor(), conflict.id(), conflict.incomingValue());
        sync(r1);
        sync(r2);

        for (Database db : List.of(hubDb, r1, r2)) {
            assertThat(SyncFixture.field(db, east1.id(), "name")).isEqualTo("苏州大学附属第一医院");
        }
        assertThat(conflicts.open()).isEmpty();
        assertThat(conflicts.all()).singleElement()
                .satisfies(c -> assertThat(c.resolvedValue()).isEqualTo("苏州大学附属第一医院"));
        assertThatThrownBy(() -> conflicts.resolve(org.wang.asActor(), conflict.id(), "x"))
                .isInstanceOf(io.salesdesk.core.SalesDeskException.class);
    }

    @Test
    void aDeleteWinsOverAnEditMadeMeanwhileAndTheEditIsRecorded() {
        org.edit(r2, org.li, east1.id(), d -> withPhone(d, "0512-65223637"));
        org.delete(r1, org.wang, east1.id());

        sync(r2);
        sync(r1);
        sync(r2);

        for (Database db : List.of(hubDb, r1, r2)) {
            assertThat(SyncFixture.row(db, SyncedEntity.CUSTOMER, east1.id()).orElseThrow().deleted()).isTrue();
        }
        // The edit stays readable in the soft-deleted row and in the conflict.
        assertThat(SyncFixture.field(hubDb, east1.id(), "phone")).isEqualTo("0512-65223637");
        assertThat(SyncFixture.conflicts(hubDb)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(SyncConflict.Kind.DELETE_AFTER_EDIT);
            assertThat(c.field()).isEqualTo("phone");
            assertThat(c.hubValue()).isEqualTo("0512-65223637");
        });
    }

    @Test
    void anEditArrivingAfterTheDeleteIsRecordedAndTheRowStaysDeleted() {
        org.delete(r1, org.wang, east1.id());
        org.edit(r2, org.li, east1.id(), d -> withPhone(d, "0512-65223637"));

        sync(r1);
        sync(r2);

        assertThat(SyncFixture.row(r2, SyncedEntity.CUSTOMER, east1.id()).orElseThrow().deleted()).isTrue();
        assertThat(SyncFixture.conflicts(hubDb)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(SyncConflict.Kind.EDIT_AFTER_DELETE);
            assertThat(c.incomingValue()).isEqualTo("0512-65223637");
        });
    }

    @Test
    void aContactAddedToACustomerTheHubDeletedIsKeptAsAConflict() {
        Contact contact = org.addContact(r1, org.wang, east1.id(), "周主任");
        org.delete(hubDb, org.wang, east1.id());

        sync(r1);

        assertThat(SyncFixture.row(hubDb, SyncedEntity.CONTACT, contact.id())).isEmpty();
        assertThat(SyncFixture.conflicts(hubDb)).filteredOn(c -> c.field().equals("name")).singleElement()
                .satisfies(c -> {
                    assertThat(c.kind()).isEqualTo(SyncConflict.Kind.EDIT_AFTER_DELETE);
                    assertThat(c.entityId()).isEqualTo(contact.id());
                    assertThat(c.incomingValue()).isEqualTo("周主任");
                });
        assertThat(SyncFixture.row(r1, SyncedEntity.CUSTOMER, east1.id()).orElseThrow().deleted()).isTrue();
    }

    @Test
    void aReplicaCannotChangeACustomerOutsideItsOrgSubtree() {
        UUID r1Id = new SyncService(r1, clock).node().nodeId();
        TravelChange forged = new TravelChange(UUID.randomUUID(), r1Id, 1, SyncedEntity.CUSTOMER, south1.id(), "UPDATE",
                Map.of("phone", new FieldChange(null, "020-12345678")), Map.of(),
                org.wang.id(), "王一");

        hub.push(r1Id, List.of(forged));

        assertThat(SyncFixture.field(hubDb, south1.id(), "phone")).isNull();
        assertThat(SyncFixture.conflicts(hubDb)).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(SyncConflict.Kind.OUTSIDE_SCOPE));
    }

    @Test
    void aChangeOutsideTheSubtreeThatTheHubAlreadyHoldsIsNoConflict() {
        UUID r1Id = new SyncService(r1, clock).node().nodeId();
        String hubPhone = SyncFixture.field(hubDb, south1.id(), "phone");
        // Both sides made the same change (as two pool-return runs did): nothing to decide.
        TravelChange same = new TravelChange(UUID.randomUUID(), r1Id, 1, SyncedEntity.CUSTOMER, south1.id(), "UPDATE",
                Map.of("phone", new FieldChange("0000", hubPhone)), Map.of(), org.wang.id(), "王一");

        hub.push(r1Id, List.of(same));

        assertThat(SyncFixture.conflicts(hubDb)).isEmpty();
    }

    @Test
    void newCustomersAndContactsTravelBothWays() {
        Customer fresh = org.create(r1, org.li, "昆山中医院");
        Contact contact = org.addContact(r1, org.li, fresh.id(), "周主任");
        Contact atHub = org.addContact(hubDb, org.wang, east1.id(), "钱科长");

        sync(r1);
        sync(r2);

        assertThat(SyncFixture.customers(r2)).extracting(Customer::name).containsExactlyInAnyOrder("苏州第一医院", "昆山中医院");
        assertThat(SyncFixture.row(r2, SyncedEntity.CONTACT, contact.id())).isPresent();
        assertThat(SyncFixture.row(r1, SyncedEntity.CONTACT, atHub.id())).isPresent();

        org.editContact(r1, org.li, contact.id(), d -> withTitle(d, "院长"));
        org.editContact(r2, org.li, contact.id(), d -> withMobile(d, "13912345678"));
        sync(r1);
        sync(r2);
        sync(r1);
        for (Database db : List.of(hubDb, r1, r2)) {
            RowState row = SyncFixture.row(db, SyncedEntity.CONTACT, contact.id()).orElseThrow();
            assertThat(row.get("title")).isEqualTo("院长");
            assertThat(row.get("mobile")).isEqualTo("13912345678");
        }
    }

    @Test
    void aSyncCutOffAnywhereResumesWithoutApplyingAnythingTwice() {
        for (int i = 1; i <= 5; i++) {
            String phone = "0512-6522363" + i;
            org.edit(r1, org.wang, east1.id(), d -> withPhone(d, phone));
        }
        hub.dropAt(2, InterruptingHub.When.AFTER_HUB);
        assertThatThrownBy(() -> sync(r1)).isInstanceOf(InterruptingHub.LineDropped.class);
        hub.dropAt(1, InterruptingHub.When.BEFORE_HUB);
        assertThatThrownBy(() -> sync(r1)).isInstanceOf(InterruptingHub.LineDropped.class);

        SyncReport resumed = sync(r1);

        // Pages of two: the first page was answered, the second applied but its answer lost and
        // sent again, the third sent once.
        assertThat(resumed.pushed()).isEqualTo(3);
        long hubEntries = hubDb.dsl().fetchCount(CHANGE_LOG, CHANGE_LOG.ENTITY_ID.eq(east1.id()),
                CHANGE_LOG.REASON_KIND.eq("SYNC"));
        assertThat(hubEntries).isEqualTo(5);
        assertThat(SyncFixture.conflicts(hubDb)).isEmpty();
        assertThat(SyncFixture.field(hubDb, east1.id(), "phone")).isEqualTo("0512-65223635");

        hub.dropAt(1, InterruptingHub.When.AFTER_HUB);
        assertThatThrownBy(() -> sync(r2)).isInstanceOf(InterruptingHub.LineDropped.class);
        sync(r2);
        assertThat(SyncFixture.snapshot(r2)).isEqualTo(SyncFixture.snapshot(r1));
        assertThat(SyncFixture.field(r2, east1.id(), "phone")).isEqualTo("0512-65223635");
    }

    @Test
    void aReplicaWhoseClockIsTwoHoursBehindStillOrdersItsLaterEditAfterTheEarlierOne() {
        TestClock behind = new TestClock(clock.instant().minus(Duration.ofHours(2)));
        org.edit(r1, org.wang, east1.id(), d -> withName(d, "苏州市第一人民医院"));
        sync(r1);
        clock.advance(Duration.ofMinutes(5));
        behind.advance(Duration.ofMinutes(10));
        new SyncService(r2, behind, PAGE).sync(hub);

        // Seen the hub's name, then renamed: by wall time the rename looks two hours older.
        org.edit(r2, org.li, east1.id(), d -> withName(d, "苏州大学附属第一医院"));
        new SyncService(r2, behind, PAGE).sync(hub);
        sync(r1);

        for (Database db : List.of(hubDb, r1, r2)) {
            assertThat(SyncFixture.field(db, east1.id(), "name")).isEqualTo("苏州大学附属第一医院");
        }
        assertThat(SyncFixture.conflicts(hubDb)).isEmpty();
        // The logical clocks order the two renames as they happened, the wall clocks the other way.
        UUID r1Id = new SyncService(r1, clock).node().nodeId();
        UUID r2Id = new SyncService(r2, behind).node().nodeId();
        assertThat(lamportReceivedFrom(r2Id)).isGreaterThan(lamportReceivedFrom(r1Id));
        assertThat(hubDb.dsl().select(CHANGE_LOG.REASON_DETAIL).from(CHANGE_LOG)
                .where(CHANGE_LOG.ENTITY_ID.eq(east1.id()), CHANGE_LOG.REASON_KIND.eq("SYNC"))
                .orderBy(CHANGE_LOG.SEQ).fetch(CHANGE_LOG.REASON_DETAIL))
                .satisfiesExactly(d -> assertThat(d).contains(r1Id.toString()),
                        d -> assertThat(d).contains(r2Id.toString()));
    }

    private long lamportReceivedFrom(UUID node) {
        return hubDb.dsl().select(DSL.max(SYNC_RECEIVED.LAMPORT)).from(SYNC_RECEIVED)
                .where(SYNC_RECEIVED.ORIGIN_NODE.eq(node)).fetchSingle().value1();
    }

    @Test
    void aReplicaAwayLongerThanTheRetentionLimitIsToldToStartAfresh() {
        org.edit(r1, org.wang, east1.id(), d -> withPhone(d, "0512-65223637"));
        clock.advance(LocalHub.DEFAULT_RETENTION.plusDays(1));

        assertThatThrownBy(() -> sync(r1)).isInstanceOf(ReplicaExpiredException.class);
        assertThat(new SyncService(r1, clock).unsyncedChanges()).singleElement()
                .satisfies(c -> assertThat(c.changes().get("phone").newValue()).isEqualTo("0512-65223637"));
    }

    private static CustomerDraft withName(CustomerDraft d, String name) {
        return new CustomerDraft(name, d.creditCode(), d.tier(), d.industry(), d.regionCode(), d.address(), d.phone(),
                d.ownerId());
    }

    private static CustomerDraft withPhone(CustomerDraft d, String phone) {
        return new CustomerDraft(d.name(), d.creditCode(), d.tier(), d.industry(), d.regionCode(), d.address(), phone,
                d.ownerId());
    }

    private static CustomerDraft withAddress(CustomerDraft d, String address) {
        return new CustomerDraft(d.name(), d.creditCode(), d.tier(), d.industry(), d.regionCode(), address, d.phone(),
                d.ownerId());
    }

    private static ContactDraft withTitle(ContactDraft d, String title) {
        return new ContactDraft(d.name(), title, d.mobile(), d.phone(), d.email(), d.wechat(), d.primary(), d.notes());
    }

    private static ContactDraft withMobile(ContactDraft d, String mobile) {
        return new ContactDraft(d.name(), d.title(), mobile, d.phone(), d.email(), d.wechat(), d.primary(), d.notes());
    }

}
