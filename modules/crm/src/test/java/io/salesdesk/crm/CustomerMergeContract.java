package io.salesdesk.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.crm.merge.CustomerMergeResult;
import io.salesdesk.crm.merge.CustomerMergeService;
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
}
