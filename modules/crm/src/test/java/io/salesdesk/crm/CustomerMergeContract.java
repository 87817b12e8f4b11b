package io.salesdesk.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.crm.merge.CustomerMergeRepository;
import io.salesdesk.crm.merge.CustomerMergeResult;
import io.salesdesk.crm.merge.CustomerMergeService;
import io.salesdesk.crm.merge.CustomerMergeUndoResult;
import io.salesdesk.crm.merge.MovedBack;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.FieldChange;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merging two records of the same company, on a real database; HSQLDB and, when configured, PostgreSQL. */
abstract class CustomerMergeContract {

    @TempDir
    Path dataDir;

    Database db;
    CrmFixture f;
    OpportunityService deals;
    CustomerMergeService merges;
    Customer survivor;
    Customer duplicate;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    abstract Database open(Path dir);

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new CrmFixture(db, clock);
        deals = new OpportunityService(db, clock);
        merges = new CustomerMergeService(db, clock, f.regions, f.customers, CustomerMergeService.registered());
        survivor = f.customers.create(f.wang.asActor(), new CustomerDraft("杭州某某有限公司", null, Tier.B, "HOSPITAL",
                "320508", "人民路1号", null, f.wang.id()));
        duplicate = f.customers.create(f.li.asActor(), new CustomerDraft("杭州某某医疗有限公司", null, Tier.A, "HOSPITAL",
                "320508", "干将路2号", "0512-65234567", f.li.id()));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void mergeMovesContactsDealsAndFollowUpsAndMarksTheMergedCustomer() {
        Contact contact = f.customers.addContact(f.li.asActor(), duplicate.id(), new ContactDraft("刘主任", "设备科主任",
                "13800138000", null, null, null, true, null));
        f.customers.logFollowUp(f.li.asActor(), duplicate.id(), new ActivityDraft(ActivityKind.CALL,
                OffsetDateTime.parse("2026-11-26T02:00:00Z"), null, 10, "电话沟通", null, null, null));
        Opportunity deal = deals.create(f.li.asActor(), new OpportunityDraft(duplicate.id(), "监护仪 20 台", null,
                "QUOTE", new BigDecimal("200000"), LocalDate.of(2027, 1, 31), null, "监护仪", null));
        Customer duplicateNow = f.customers.open(f.admin.asActor(), duplicate.id()).orElseThrow().customer();

        CustomerMergeResult result = merges.merge(f.eastManager.asActor(), survivor.id(), survivor.version(),
                duplicate.id(), duplicateNow.version(), Set.of("phone", "tier"));

        assertThat(result.moved()).containsEntry("contact", 1).containsEntry("opportunity", 1).containsEntry("activity", 1);
        CustomerDetail merged = f.customers.open(f.admin.asActor(), survivor.id()).orElseThrow();
        assertThat(merged.customer().name()).as("the survivor keeps fields not picked").isEqualTo("杭州某某有限公司");
        assertThat(merged.customer().address()).isEqualTo("人民路1号");
        assertThat(merged.customer().phone()).as("picked from the merged customer").isEqualTo("0512-65234567");
        assertThat(merged.customer().tier()).isEqualTo(Tier.A);
        assertThat(merged.contacts()).extracting(Contact::id).containsExactly(contact.id());
        assertThat(merged.activityCount()).isEqualTo(1);
        assertThat(deals.find(f.admin.asActor(), deal.id()).orElseThrow().customerId()).isEqualTo(survivor.id());
        assertThat(f.customers.open(f.admin.asActor(), duplicate.id())).as("the merged customer is gone").isEmpty();
        assertThat(f.customers.count(f.admin.asActor(), CustomerQuery.all())).isEqualTo(1);
        Map<java.util.UUID, java.util.UUID> survivors = db.transactionResult(cfg -> CustomerRepository.using(cfg, clock,
                c -> c).survivors(List.of(duplicate.id(), survivor.id())));
        assertThat(survivors).as("links to the merged customer resolve to the survivor")
                .isEqualTo(Map.of(duplicate.id(), survivor.id()));
    }

    @Test
    void everyMoveIsInTheAuditTrail() {
        Contact contact = f.customers.addContact(f.li.asActor(), duplicate.id(), new ContactDraft("刘主任", null,
                "13800138000", null, null, null, true, null));

        merges.merge(f.admin.asActor(), survivor.id(), survivor.version(), duplicate.id(), duplicate.version(), Set.of());

        List<ChangeEntry> contactHistory = db.transactionResult(cfg -> ChangeLog.using(cfg, clock).forEntity(contact.id()));
        ChangeEntry moved = contactHistory.get(contactHistory.size() - 1);
        assertThat(moved.changes()).containsEntry("customerId",
                new FieldChange(duplicate.id().toString(), survivor.id().toString()));
        List<ChangeEntry> duplicateHistory = db.transactionResult(cfg -> ChangeLog.using(cfg, clock)
                .forEntity(duplicate.id()));
        ChangeEntry deleted = duplicateHistory.get(duplicateHistory.size() - 1);
        assertThat(deleted.operation()).isEqualTo(ChangeEntry.Operation.DELETE);
        assertThat(deleted.changes().get("mergedIntoId").newValue()).isEqualTo(survivor.id().toString());
        java.util.OptionalLong broken = db.transactionResult(cfg -> ChangeLog.using(cfg, clock).firstBrokenSeq());
        assertThat(broken).as("the audit chain holds").isEmpty();
    }

    @Test
    void theSurvivorMayTakeTheMergedCustomersName() {
        merges.merge(f.eastManager.asActor(), survivor.id(), survivor.version(), duplicate.id(), duplicate.version(),
                Set.of("name"));

        assertThat(f.customers.open(f.admin.asActor(), survivor.id()).orElseThrow().customer().name())
                .isEqualTo("杭州某某医疗有限公司");
    }

    @Test
    void aRepMayNotMergeCustomers() {
        assertThatThrownBy(() -> merges.merge(f.wang.asActor(), survivor.id(), survivor.version(), duplicate.id(),
                duplicate.version(), Set.of()))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.customerMergeNotAllowed"));
    }

    @Test
    void aManagerMayNotMergeCustomersOutsideTheirSubtree() {
        assertThatThrownBy(() -> merges.merge(f.southManager.asActor(), survivor.id(), survivor.version(),
                duplicate.id(), duplicate.version(), Set.of()))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.customerMergeNotVisible"));
        assertThat(f.customers.count(f.admin.asActor(), CustomerQuery.all())).isEqualTo(2);
    }

    @Test
    void aMergeOnAStaleViewMovesNothing() {
        Contact contact = f.customers.addContact(f.li.asActor(), duplicate.id(), new ContactDraft("刘主任", null,
                "13800138000", null, null, null, true, null));
        f.customers.update(f.li.asActor(), duplicate.id(), duplicate.version(), new CustomerDraft("杭州某某医疗有限公司",
                null, Tier.A, "HOSPITAL", "320508", "干将路3号", "0512-65234567", f.li.id()));

        assertThatThrownBy(() -> merges.merge(f.eastManager.asActor(), survivor.id(), survivor.version(),
                duplicate.id(), duplicate.version(), Set.of()))
                .isInstanceOf(StaleRecordException.class);
        assertThat(f.customers.open(f.admin.asActor(), duplicate.id()).orElseThrow().contacts())
                .extracting(Contact::id).containsExactly(contact.id());
    }

    @Test
    void undoBringsBackTheMergedCustomerWithEverythingThatMoved() {
        Contact contact = f.customers.addContact(f.li.asActor(), duplicate.id(), new ContactDraft("刘主任", "设备科主任",
                "13800138000", null, null, null, true, null));
        f.customers.logFollowUp(f.li.asActor(), duplicate.id(), new ActivityDraft(ActivityKind.CALL,
                OffsetDateTime.parse("2026-11-26T02:00:00Z"), null, 10, "电话沟通", null, null, null));
        Opportunity deal = deals.create(f.li.asActor(), new OpportunityDraft(duplicate.id(), "监护仪 20 台", null,
                "QUOTE", new BigDecimal("200000"), LocalDate.of(2027, 1, 31), null, "监护仪", null));
        tag(duplicate.id(), "重点医院");
        tag(survivor.id(), "老客户");
        Customer duplicateNow = f.customers.open(f.admin.asActor(), duplicate.id()).orElseThrow().customer();
        CustomerMergeResult merge = merges.merge(f.eastManager.asActor(), survivor.id(), survivor.version(),
                duplicate.id(), duplicateNow.version(), Set.of("phone", "tier", "name"));

        CustomerMergeUndoResult undo = merges.undo(f.eastManager.asActor(), merge.mergeId());

        assertThat(undo.left()).as("nothing changed after the merge, so nothing stays").isEmpty();
        CustomerDetail back = f.customers.open(f.admin.asActor(), duplicate.id()).orElseThrow();
        assertThat(back.customer().name()).isEqualTo("杭州某某医疗有限公司");
        assertThat(back.contacts()).extracting(Contact::id).containsExactly(contact.id());
        assertThat(back.activityCount()).isEqualTo(1);
        assertThat(deals.find(f.admin.asActor(), deal.id()).orElseThrow().customerId()).isEqualTo(duplicate.id());
        assertThat(tags(duplicate.id())).containsExactly("重点医院");
        assertThat(tags(survivor.id())).as("the tag the survivor gained goes").containsExactly("老客户");
        CustomerDetail kept = f.customers.open(f.admin.asActor(), survivor.id()).orElseThrow();
        assertThat(kept.customer().name()).as("fields taken by the merge get their old values").isEqualTo("杭州某某有限公司");
        assertThat(kept.customer().phone()).isNull();
        assertThat(kept.customer().tier()).isEqualTo(Tier.B);
        assertThat(kept.contacts()).isEmpty();
        assertThat(f.customers.count(f.admin.asActor(), CustomerQuery.all())).isEqualTo(2);
        Map<java.util.UUID, java.util.UUID> survivors = db.transactionResult(cfg -> CustomerRepository.using(cfg, clock,
                c -> c).survivors(List.of(duplicate.id())));
        assertThat(survivors).as("the merged customer no longer leads to the survivor").isEmpty();
        List<ChangeEntry> contactHistory = db.transactionResult(cfg -> ChangeLog.using(cfg, clock).forEntity(contact.id()));
        ChangeEntry moved = contactHistory.get(contactHistory.size() - 1);
        assertThat(moved.reasonDetail()).isEqualTo("undo merge " + duplicate.id() + " into " + survivor.id());
        assertThat(moved.changes()).containsEntry("customerId",
                new FieldChange(survivor.id().toString(), duplicate.id().toString()));
        java.util.OptionalLong broken = db.transactionResult(cfg -> ChangeLog.using(cfg, clock).firstBrokenSeq());
        assertThat(broken).as("the audit chain holds").isEmpty();
    }

    @Test
    void undoLeavesWhatWasChangedAfterTheMergeAndListsIt() {
        Contact contact = f.customers.addContact(f.li.asActor(), duplicate.id(), new ContactDraft("刘主任", null,
                "13800138000", null, null, null, true, null));
        OpportunityDraft draft = new OpportunityDraft(duplicate.id(), "监护仪 20 台", null, "QUOTE",
                new BigDecimal("200000"), LocalDate.of(2027, 1, 31), null, "监护仪", null);
        Opportunity deal = deals.create(f.li.asActor(), draft);
        Customer duplicateNow = f.customers.open(f.admin.asActor(), duplicate.id()).orElseThrow().customer();
        CustomerMergeResult merge = merges.merge(f.eastManager.asActor(), survivor.id(), survivor.version(),
                duplicate.id(), duplicateNow.version(), Set.of("phone"));
        // After the merge: the deal is worked on under the survivor, and the survivor's phone corrected.
        Opportunity movedDeal = deals.find(f.admin.asActor(), deal.id()).orElseThrow();
        deals.update(f.eastManager.asActor(), deal.id(), movedDeal.version(), new OpportunityDraft(survivor.id(),
                "监护仪 25 台", movedDeal.ownerId(), "QUOTE", new BigDecimal("250000"), LocalDate.of(2027, 1, 31), null, "监护仪", null));
        Customer merged = f.customers.open(f.admin.asActor(), survivor.id()).orElseThrow().customer();
        f.customers.update(f.wang.asActor(), survivor.id(), merged.version(), new CustomerDraft(merged.name(), null,
                merged.tier(), merged.industry(), merged.regionCode(), merged.address(), "0512-60000000", f.wang.id()));

        CustomerMergeUndoResult undo = merges.undo(f.admin.asActor(), merge.mergeId());

        assertThat(undo.left()).extracting(MovedBack.Left::kind, MovedBack.Left::label)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("opportunity", "监护仪 25 台"),
                        org.assertj.core.groups.Tuple.tuple("customer", "phone"));
        assertThat(deals.find(f.admin.asActor(), deal.id()).orElseThrow().customerId())
                .as("the deal edited after the merge stays with the survivor").isEqualTo(survivor.id());
        assertThat(f.customers.open(f.admin.asActor(), duplicate.id()).orElseThrow().contacts())
                .extracting(Contact::id).containsExactly(contact.id());
        assertThat(f.customers.open(f.admin.asActor(), survivor.id()).orElseThrow().customer().phone())
                .as("the phone edited after the merge keeps the edit").isEqualTo("0512-60000000");
    }

    @Test
    void aMergeIsUndoneOnceOnly() {
        CustomerMergeResult merge = merges.merge(f.eastManager.asActor(), survivor.id(), survivor.version(),
                duplicate.id(), duplicate.version(), Set.of());
        assertThat(merges.standingMergeOf(duplicate.id())).map(CustomerMergeRepository.Merge::id)
                .contains(merge.mergeId());
        merges.undo(f.eastManager.asActor(), merge.mergeId());

        assertThat(merges.standingMergeOf(duplicate.id())).isEmpty();
        assertThatThrownBy(() -> merges.undo(f.admin.asActor(), merge.mergeId()))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.customerMergeUndoneAlready"));
        assertThat(f.customers.count(f.admin.asActor(), CustomerQuery.all())).isEqualTo(2);
    }

    @Test
    void aRepMayNotUndoAMerge() {
        CustomerMergeResult merge = merges.merge(f.eastManager.asActor(), survivor.id(), survivor.version(),
                duplicate.id(), duplicate.version(), Set.of());

        assertThatThrownBy(() -> merges.undo(f.wang.asActor(), merge.mergeId()))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.customerMergeNotAllowed"));
        assertThatThrownBy(() -> merges.undo(f.southManager.asActor(), merge.mergeId()))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.customerMergeNotVisible"));
        assertThat(f.customers.count(f.admin.asActor(), CustomerQuery.all())).isEqualTo(1);
    }

    private void tag(java.util.UUID customerId, String tag) {
        db.transaction(cfg -> org.jooq.impl.DSL.using(cfg).insertInto(io.salesdesk.db.jooq.Tables.CUSTOMER_TAG,
                io.salesdesk.db.jooq.Tables.CUSTOMER_TAG.CUSTOMER_ID, io.salesdesk.db.jooq.Tables.CUSTOMER_TAG.TAG)
                .values(customerId, tag).execute());
    }

    private List<String> tags(java.util.UUID customerId) {
        return db.transactionResult(cfg -> org.jooq.impl.DSL.using(cfg).select(io.salesdesk.db.jooq.Tables.CUSTOMER_TAG.TAG)
                .from(io.salesdesk.db.jooq.Tables.CUSTOMER_TAG)
                .where(io.salesdesk.db.jooq.Tables.CUSTOMER_TAG.CUSTOMER_ID.eq(customerId))
                .fetch(io.salesdesk.db.jooq.Tables.CUSTOMER_TAG.TAG));
    }
}
