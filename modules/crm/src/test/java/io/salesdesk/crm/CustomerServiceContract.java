package io.salesdesk.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.CreditCode;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.FieldChange;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Customer behaviour on a real database; run on HSQLDB and, when configured, PostgreSQL. */
abstract class CustomerServiceContract {

    static final String VALID_CREDIT_CODE = CreditCode.withCheckDigit("91320508MA1XXXXXX");

    @TempDir
    Path dataDir;

    Database db;
    CrmFixture f;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    abstract Database open(Path dir);

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new CrmFixture(db, clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void createStoresNormalisedPhoneAndCreditCode() {
        Customer created = f.customers.create(f.wang.asActor(), new CustomerDraft(" 苏州康华医院 ",
                VALID_CREDIT_CODE.toLowerCase().replace("", " ").strip(), Tier.A, "HOSPITAL", "320508", "人民路1号",
                "0512 6523 4567", null));

        assertThat(created.name()).isEqualTo("苏州康华医院");
        assertThat(created.creditCode()).isEqualTo(VALID_CREDIT_CODE);
        assertThat(created.phone()).isEqualTo("0512-65234567");
        assertThat(created.ownerId()).as("owner defaults to the creator").isEqualTo(f.wang.id());
        assertThat(created.regionName()).isEqualTo("江苏省 苏州市 姑苏区");
        assertThat(created.version()).isEqualTo(1);
    }

    @Test
    void invalidCreditCodeAndPhoneAreRefusedAtTheirFieldsAndNothingIsSaved() {
        CustomerDraft bad = new CustomerDraft("苏州康华医院", wrongCheckDigit(VALID_CREDIT_CODE), Tier.A, null, "320508", null,
                "12345", null);

        assertThatThrownBy(() -> f.customers.create(f.wang.asActor(), bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::field, ValidationException.FieldProblem::messageKey)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("creditCode", "customer.creditCode.wrongCheckDigit"),
                                org.assertj.core.groups.Tuple.tuple("phone", "customer.phone.invalid")));
        assertThat(f.customers.count(f.admin.asActor(), CustomerQuery.all())).isZero();
    }

    @Test
    void aDuplicateNameIsRefusedAndPointsAtTheExistingCustomer() {
        Customer existing = f.customer(f.wang, "苏州康华医疗器械（集团）有限公司");

        assertThatThrownBy(() -> f.customer(f.wang, "苏州康华医疗器械 (集团) 有限公司"))
                .isInstanceOfSatisfying(DuplicateCustomerException.class, e -> {
                    assertThat(e.existingId()).isEqualTo(existing.id());
                    assertThat(e.visibleToUser()).isTrue();
                });
        assertThatThrownBy(() -> f.customer(f.zhang, "苏州康华医疗器械（集团）有限公司"))
                .isInstanceOfSatisfying(DuplicateCustomerException.class, e -> {
                    assertThat(e.visibleToUser()).as("another region's rep may not open it").isFalse();
                    assertThat(e.existingOwnerName()).isEqualTo("王一");
                });
    }

    @Test
    void aStaleEditFailsWithTheCurrentVersionAndOverwritesNothing() {
        Customer original = f.customer(f.wang, "苏州康华医院");
        CustomerDraft managersEdit = withTier(original.toDraft(), Tier.A);
        f.customers.update(f.eastManager.asActor(), original.id(), original.version(), managersEdit);

        CustomerDraft repsEdit = withTier(original.toDraft(), Tier.D);
        assertThatThrownBy(() -> f.customers.update(f.wang.asActor(), original.id(), original.version(), repsEdit))
                .isInstanceOfSatisfying(StaleRecordException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(((Customer) e.current()).tier()).isEqualTo(Tier.A);
                    assertThat(((Customer) e.current()).version()).isEqualTo(2);
                });
        assertThat(f.customers.open(f.admin.asActor(), original.id()).orElseThrow().customer().tier()).isEqualTo(Tier.A);
    }

    @Test
    void everyChangeIsRecordedOnceWithOldAndNewValuesInAnIntactChain() {
        Customer original = f.customer(f.wang, "苏州康华医院");
        f.customers.update(f.wang.asActor(), original.id(), original.version(), withTier(original.toDraft(), Tier.A));

        List<ChangeEntry> history = f.customers.history(f.wang.asActor(), original.id());

        assertThat(history).extracting(ChangeEntry::operation)
                .containsExactly(ChangeEntry.Operation.INSERT, ChangeEntry.Operation.UPDATE);
        assertThat(history.get(1).changes()).containsOnlyKeys("tier");
        assertThat(history.get(1).changes().get("tier")).isEqualTo(new FieldChange("B", "A"));
        assertThat(history.get(1).changedByName()).isEqualTo("王一");
        OptionalLong broken = db.transactionResult(cfg -> ChangeLog.using(cfg, clock).firstBrokenSeq());
        assertThat(broken).isEmpty();
    }

    @Test
    void aRepSeesOnlyOwnCustomersAManagerTheSubtreeAndAnAdminAll() {
        Customer wangs = f.customer(f.wang, "王一的客户");
        Customer lis = f.customer(f.li, "李二的客户");
        Customer zhangs = f.customer(f.zhang, "张三的客户");

        assertThat(names(f.wang)).containsExactly(wangs.name());
        assertThat(names(f.eastManager)).containsExactlyInAnyOrder(wangs.name(), lis.name());
        assertThat(names(f.southManager)).containsExactly(zhangs.name());
        assertThat(names(f.admin)).hasSize(3);
        assertThat(f.customers.open(f.wang.asActor(), zhangs.id())).isEmpty();
        assertThat(f.customers.count(f.eastManager.asActor(), CustomerQuery.all())).isEqualTo(2);
    }

    @Test
    void aPoolCustomerWithoutOwnerIsHiddenFromScopedViewersAndListedForTheAdmin() {
        Customer wangs = f.customer(f.wang, "王一的客户");
        Customer pooled = f.customer(f.wang, "公海客户");
        db.transaction(cfg -> org.jooq.impl.DSL.using(cfg).update(io.salesdesk.db.jooq.Tables.CUSTOMER)
                .set(io.salesdesk.db.jooq.Tables.CUSTOMER.OWNER_ID, (java.util.UUID) null)
                .where(io.salesdesk.db.jooq.Tables.CUSTOMER.ID.eq(pooled.id())).execute());

        assertThat(names(f.wang)).containsExactly(wangs.name());
        assertThat(names(f.eastManager)).containsExactly(wangs.name());
        assertThat(names(f.admin)).containsExactlyInAnyOrder(wangs.name(), pooled.name());
    }

    @Test
    void aRepCannotLogFollowUpsOrEditAnotherRepsCustomer() {
        Customer zhangs = f.customer(f.zhang, "张三的客户");

        assertThatThrownBy(() -> f.customers.logFollowUp(f.wang.asActor(), zhangs.id(), visit("看看")))
                .isInstanceOf(SalesDeskException.class);
        assertThatThrownBy(() -> f.customers.update(f.wang.asActor(), zhangs.id(), zhangs.version(),
                withTier(zhangs.toDraft(), Tier.A))).isInstanceOf(SalesDeskException.class);
        assertThat(f.customers.open(f.admin.asActor(), zhangs.id()).orElseThrow().timeline()).isEmpty();
    }

    @Test
    void pagesCoverEveryRowOnceInNameOrder() {
        for (int i = 0; i < 25; i++) {
            f.customer(f.wang, String.format("客户%02d", 24 - i));
        }
        CustomerQuery byName = CustomerQuery.all();
        List<String> seen = new ArrayList<>();
        for (int offset = 0; offset < 25; offset += 10) {
            f.customers.page(f.wang.asActor(), byName, offset, 10).forEach(c -> seen.add(c.name()));
        }
        assertThat(seen).hasSize(25).doesNotHaveDuplicates().isSorted();
        assertThat(f.customers.page(f.wang.asActor(), byName.sortedBy(CustomerQuery.Sort.NAME, false), 0, 1))
                .extracting(Customer::name).containsExactly("客户24");
    }

    @Test
    void searchMatchesNamePhoneDigitsAndCreditCode() {
        f.customers.create(f.wang.asActor(), new CustomerDraft("昆山瑞康口腔门诊部", VALID_CREDIT_CODE, Tier.C, null,
                "320583", null, "138 0013 8000", null));
        f.customer(f.wang, "吴江人民医院");

        assertThat(search("瑞康")).containsExactly("昆山瑞康口腔门诊部");
        assertThat(search("00138")).containsExactly("昆山瑞康口腔门诊部");
        assertThat(search(VALID_CREDIT_CODE.substring(0, 8).toLowerCase())).containsExactly("昆山瑞康口腔门诊部");
        assertThat(search("医院")).containsExactly("吴江人民医院");
        assertThat(search("100%")).isEmpty();
    }

    @Test
    void filtersByTierRegionAndOwner() {
        f.customers.create(f.admin.asActor(), new CustomerDraft("杭州甲医院", null, Tier.A, null, "330106", null, null,
                f.zhang.id()));
        f.customers.create(f.admin.asActor(), new CustomerDraft("苏州乙医院", null, Tier.C, null, "320508", null, null,
                f.wang.id()));
        var admin = f.admin.asActor();

        assertThat(f.customers.page(admin, CustomerQuery.all().withTier(Tier.A), 0, 10)).extracting(Customer::name)
                .containsExactly("杭州甲医院");
        assertThat(f.customers.page(admin, CustomerQuery.all().withRegionPrefix("3205"), 0, 10))
                .extracting(Customer::name).containsExactly("苏州乙医院");
        assertThat(f.customers.page(admin, CustomerQuery.all().withOwner(f.zhang.id()), 0, 10))
                .extracting(Customer::name).containsExactly("杭州甲医院");
    }

    @Test
    void loggingAFollowUpPutsItAtTheTopOfTheTimelineAndMovesTheDueDate() {
        Customer customer = f.customer(f.wang, "苏州康华医院");
        OffsetDateTime earlier = OffsetDateTime.now(clock).minusDays(3);
        f.customers.logFollowUp(f.wang.asActor(), customer.id(), new ActivityDraft(ActivityKind.CALL, earlier, null,
                10, "电话约时间", "已约", "周五拜访", LocalDate.of(2026, 11, 27)));
        Activity visit = f.customers.logFollowUp(f.wang.asActor(), customer.id(), visit("拜访设备科，演示监护仪"));

        CustomerDetail detail = f.customers.open(f.wang.asActor(), customer.id()).orElseThrow();
        assertThat(detail.timeline()).extracting(Activity::id).first().isEqualTo(visit.id());
        assertThat(detail.timeline().get(0).ownerName()).isEqualTo("王一");
        assertThat(detail.activityCount()).isEqualTo(2);
        assertThat(detail.customer().lastFollowUpAt()).isEqualTo(visit.occurredAt());
        assertThat(detail.customer().nextFollowUpOn()).isEqualTo(LocalDate.of(2026, 12, 4));
    }

    @Test
    void myDayListsFollowUpsDueTodayAndOverdueButNotLater() {
        Customer overdue = f.customer(f.wang, "逾期客户");
        Customer today = f.customer(f.wang, "今日客户");
        Customer later = f.customer(f.wang, "下周客户");
        LocalDate day = LocalDate.of(2026, 11, 27);
        logDue(overdue, day.minusDays(2), "发报价单");
        logDue(today, day, "约院长");
        logDue(later, day.plusDays(7), "送样机");

        List<FollowUpDue> due = f.customers.dueFollowUps(f.wang.asActor(), day);

        assertThat(due).extracting(FollowUpDue::customerName).containsExactly("逾期客户", "今日客户");
        assertThat(due.get(0).daysOverdue(day)).isEqualTo(2);
        assertThat(due.get(0).lastNextStep()).isEqualTo("发报价单");
        assertThat(f.customers.dueFollowUps(f.zhang.asActor(), day)).isEmpty();
    }

    @Test
    void contactsKeepOnePrimaryAndRefuseABadMobile() {
        Customer customer = f.customer(f.wang, "苏州康华医院");
        f.customers.addContact(f.wang.asActor(), customer.id(), new ContactDraft("刘主任", "设备科主任", "13800138000",
                null, null, null, true, null));
        f.customers.addContact(f.wang.asActor(), customer.id(), new ContactDraft("周科长", "采购科科长", "+86 139 0000 1111",
                null, "Zhou@Example.cn", null, true, null));

        List<Contact> contacts = f.customers.open(f.wang.asActor(), customer.id()).orElseThrow().contacts();
        assertThat(contacts).extracting(Contact::name, Contact::primary)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("周科长", true),
                        org.assertj.core.groups.Tuple.tuple("刘主任", false));
        assertThat(contacts.get(0).mobile()).isEqualTo("13900001111");
        assertThatThrownBy(() -> f.customers.addContact(f.wang.asActor(), customer.id(), new ContactDraft("错号",
                null, "1380013", null, null, null, false, null))).isInstanceOf(ValidationException.class);
    }

    private static String wrongCheckDigit(String code) {
        char last = code.charAt(17);
        return code.substring(0, 17) + (last == '1' ? '2' : '1');
    }

    private void logDue(Customer customer, LocalDate dueOn, String nextStep) {
        f.customers.logFollowUp(f.wang.asActor(), customer.id(), new ActivityDraft(ActivityKind.CALL, null, null, null,
                "电话", null, nextStep, dueOn));
    }

    private static ActivityDraft visit(String note) {
        return new ActivityDraft(ActivityKind.VISIT, null, null, 60, note, "意向明确", "下周报价", LocalDate.of(2026, 12, 4));
    }

    private static CustomerDraft withTier(CustomerDraft d, Tier tier) {
        return new CustomerDraft(d.name(), d.creditCode(), tier, d.industry(), d.regionCode(), d.address(), d.phone(),
                d.ownerId());
    }

    private List<String> names(User viewer) {
        return f.customers.page(viewer.asActor(), CustomerQuery.all(), 0, 100).stream().map(Customer::name).toList();
    }

    private List<String> search(String text) {
        return f.customers.page(f.wang.asActor(), CustomerQuery.all().withText(text), 0, 100).stream()
                .map(Customer::name).toList();
    }
}
