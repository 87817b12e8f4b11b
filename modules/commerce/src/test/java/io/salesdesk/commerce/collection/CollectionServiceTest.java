package io.salesdesk.commerce.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.board.escalation.Escalation;
import io.salesdesk.board.escalation.EscalationService;
import io.salesdesk.board.escalation.EscalationStatus;
import io.salesdesk.commerce.FinanceFixture;
import io.salesdesk.commerce.contract.Contract;
import io.salesdesk.commerce.contract.ContractDraft;
import io.salesdesk.commerce.contract.ContractRepository;
import io.salesdesk.commerce.contract.ContractService;
import io.salesdesk.commerce.contract.ContractStatus;
import io.salesdesk.commerce.contract.Milestone;
import io.salesdesk.commerce.contract.PaymentTerm;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.workflow.notify.Notification;
import io.salesdesk.workflow.notify.NotificationService;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Collections on a real HSQLDB: milestones, invoices, payments, ageing and overdue escalations. */
class CollectionServiceTest {

    @TempDir
    Path dataDir;

    Database db;
    FinanceFixture f;
    ContractService contracts;
    CollectionService collections;
    EscalationService escalations;
    OverdueScanner scanner;
    Actor wang;
    Actor manager;
    UUID customer;
    // 10:00 on 2026-03-02 in China.
    final TestClock clock = new TestClock(Instant.parse("2026-03-02T02:00:00Z"));
    static final LocalDate SIGNED = LocalDate.of(2026, 3, 2);

    @BeforeEach
    void setUp() {
        db = open(dataDir.resolve("db"));
        f = new FinanceFixture(db, clock);
        contracts = new ContractService(db, clock, dataDir.resolve("attachments"));
        collections = new CollectionService(db, clock);
        escalations = new EscalationService(db, clock);
        scanner = new OverdueScanner(db, clock, escalations, Locale.SIMPLIFIED_CHINESE);
        wang = f.org.wang.asActor();
        manager = f.org.zjManager.asActor();
        customer = f.customer(f.org.wang, "杭州西湖医院");
    }

    /** The database the tests run on: HSQLDB here, PostgreSQL in the subclass. */
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** A contract signed today with the given terms. */
    private Contract signed(String amount, List<PaymentTerm> terms) {
        Contract c = contracts.create(wang, new ContractDraft("监护仪采购合同", customer, null, null, null,
                new BigDecimal(amount), null, terms));
        c = contracts.submitForApproval(wang, c.id(), c.version());
        return contracts.sign(manager, c.id(), c.version(), SIGNED);
    }

    private List<PaymentTerm> dueOnSigning(int days) {
        return List.of(new PaymentTerm(Milestone.SIGNING, new BigDecimal("100"), days));
    }

    @Test
    void deliverySetsTheDueDatesOfItsItemsAndStartsExecution() {
        Contract c = signed("10000.00", null);

        List<CollectionItem> items = collections.recordMilestone(wang, c.id(), Milestone.DELIVERY, SIGNED.plusDays(10));

        assertThat(items).extracting(CollectionItem::dueOn)
                .containsExactly(SIGNED.plusDays(30), SIGNED.plusDays(40), null);
        assertThat(contracts.find(wang, c.id()).orElseThrow().status()).isEqualTo(ContractStatus.EXECUTING);
        assertThatThrownBy(() -> collections.recordMilestone(wang, c.id(), Milestone.DELIVERY, SIGNED))
                .isInstanceOf(SalesDeskException.class).hasMessageContaining("collection.milestone.recorded");
        assertThat(collections.recordMilestone(wang, c.id(), Milestone.ACCEPTANCE, SIGNED.plusDays(20)))
                .extracting(CollectionItem::dueOn).containsExactly(SIGNED.plusDays(30), SIGNED.plusDays(40),
                        SIGNED.plusDays(50));
    }

    @Test
    void partialPaymentsAddUpAndAPaymentAboveTheOpenAmountIsRefusedNamingIt() {
        Contract c = signed("1000.00", dueOnSigning(0));
        UUID item = collections.schedule(wang, c.id()).get(0).id();

        collections.recordPayment(wang, item, new BigDecimal("400.00"), SIGNED, "工行 0001");
        clock.advance(Duration.ofMinutes(5));
        collections.recordPayment(wang, item, new BigDecimal("300"), SIGNED, null);

        assertThatThrownBy(() -> collections.recordPayment(wang, item, new BigDecimal("300.01"), SIGNED, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.messageKey() + " " + p.arguments())
                        .containsExactly("collection.payment.exceedsOpen [300.01, 300.00, " + c.contractNo() + "]"));
        CollectionItem after = collections.schedule(wang, c.id()).get(0);
        assertThat(after.collected()).isEqualByComparingTo("700");
        assertThat(after.open()).isEqualByComparingTo("300");
        assertThat(collections.payments(wang, c.id())).extracting(Payment::reference).containsExactly("工行 0001", null);
        assertThatThrownBy(() -> collections.recordPayment(wang, item, new BigDecimal("-1"), SIGNED, null))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void invoicesAreNumberedPerYearAndNeverExceedTheItem() {
        Contract c = signed("1000.00", dueOnSigning(0));
        UUID item = collections.schedule(wang, c.id()).get(0).id();

        Invoice first = collections.issueInvoice(wang, item, new BigDecimal("600"), SIGNED);
        Invoice second = collections.issueInvoice(wang, item, new BigDecimal("400"), SIGNED);

        assertThat(first.invoiceNo()).isEqualTo("FP-2026-00001");
        assertThat(second.invoiceNo()).isEqualTo("FP-2026-00002");
        assertThatThrownBy(() -> collections.issueInvoice(wang, item, new BigDecimal("0.01"), SIGNED))
                .isInstanceOf(ValidationException.class).hasMessageContaining("error.validation");
        assertThat(collections.schedule(wang, c.id()).get(0).invoiced()).isEqualByComparingTo("1000");
    }

    @Test
    void anUnsignedContractTakesNoPayments() {
        Contract draft = contracts.create(wang, new ContractDraft("草稿合同", customer, null, null, null,
                new BigDecimal("100"), null, null));
        assertThat(collections.schedule(wang, draft.id())).isEmpty();
        assertThatThrownBy(() -> collections.recordMilestone(wang, draft.id(), Milestone.DELIVERY, SIGNED))
                .isInstanceOf(SalesDeskException.class).hasMessageContaining("collection.contract.notLive");
    }

    @ParameterizedTest(name = "{0} days after the due date: {1}")
    @CsvSource(textBlock = """
            0,   NOT_DUE
            1,   UP_TO_30
            30,  UP_TO_30
            31,  UP_TO_60
            60,  UP_TO_60
            61,  UP_TO_90
            90,  UP_TO_90
            91,  OVER_90
            """)
    void ageingPutsAnItemInItsBucketAtTheBoundaries(int daysLate, String bucket) {
        signed("500.00", dueOnSigning(0));
        clock.advance(Duration.ofDays(daysLate));

        Ageing ageing = collections.ageing(manager);

        BigDecimal open = new BigDecimal("500.00");
        BigDecimal zero = BigDecimal.ZERO;
        assertThat(List.of(ageing.notDue(), ageing.upTo30(), ageing.upTo60(), ageing.upTo90(), ageing.over90()))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(bucket.equals("NOT_DUE") ? open : zero, bucket.equals("UP_TO_30") ? open : zero,
                        bucket.equals("UP_TO_60") ? open : zero, bucket.equals("UP_TO_90") ? open : zero,
                        bucket.equals("OVER_90") ? open : zero);
        assertThat(collections.overdue(manager)).hasSize(daysLate == 0 ? 0 : 1);
    }

    @Test
    void ageingGroupsByCustomerAndOwnerAndCountsOnlyWhatIsOpen() {
        Contract a = signed("1000.00", dueOnSigning(0));
        UUID other = f.customer(f.org.li, "杭州滨江医院");
        Contract b = contracts.create(f.org.li.asActor(), new ContractDraft("B 超合同", other, null, null, null,
                new BigDecimal("300.00"), null, dueOnSigning(45)));
        b = contracts.submitForApproval(f.org.li.asActor(), b.id(), b.version());
        contracts.sign(manager, b.id(), b.version(), SIGNED);
        collections.recordPayment(wang, collections.schedule(wang, a.id()).get(0).id(), new BigDecimal("250"), SIGNED,
                null);
        clock.advance(Duration.ofDays(40));

        assertThat(collections.ageingByCustomer(manager)).extracting(AgeingLine::name,
                        l -> l.ageing().upTo60().toPlainString(), l -> l.ageing().notDue().toPlainString())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("杭州滨江医院", "0.00", "300.00"),
                        org.assertj.core.groups.Tuple.tuple("杭州西湖医院", "750.00", "0.00"));
        assertThat(collections.ageingByOwner(manager)).extracting(AgeingLine::name).containsExactlyInAnyOrder("李二", "王一");
        assertThat(collections.ageing(manager).total()).isEqualByComparingTo("1050");
        // A rep sees only their own receivables.
        assertThat(collections.ageing(wang).total()).isEqualByComparingTo("750");
    }

    @Test
    void anOverdueItemIsEscalatedOnceEvenAfterAClockJump() {
        Contract c = signed("8000.00", dueOnSigning(10));
        clock.advance(Duration.ofDays(10));
        assertThat(scanner.scan()).isZero(); // due today: not overdue yet

        clock.advance(Duration.ofDays(45)); // the app was closed for weeks
        assertThat(scanner.scan()).isEqualTo(1);
        assertThat(scanner.scan()).isZero();
        clock.advance(Duration.ofDays(30));
        assertThat(scanner.scan()).isZero();

        List<Escalation> open = escalations.column(manager, EscalationStatus.OPEN, 10);
        assertThat(open).hasSize(1);
        assertThat(open.get(0).kind()).isEqualTo(OverdueScanner.KIND);
        assertThat(open.get(0).ownerId()).isEqualTo(f.org.wang.id());
        assertThat(open.get(0).reason()).contains("杭州西湖医院", c.contractNo(), "8000.00", "已逾期 45 天");
        List<Notification> inbox = new NotificationService(db, clock).inbox(wang);
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).title()).startsWith("回款逾期：" + c.contractNo());
    }

    @Test
    void commerceTimersRunTheOverdueScan() {
        signed("100.00", dueOnSigning(0));
        clock.advance(Duration.ofDays(3));

        assertThat(new CommerceTimers(scanner).runDue().overdueEscalated()).isEqualTo(1);
        assertThat(new CommerceTimers(scanner).runDue().overdueEscalated()).isZero();
    }

    @Test
    void theItemsFollowTheirContractsOwnerCustomerAndStatusSoAgeingDoes() {
        Contract c = signed("900.00", dueOnSigning(0));
        UUID other = f.customer(f.org.li, "杭州滨江医院");
        assertThat(collections.ageing(wang).total()).isEqualByComparingTo("900");

        // The contract changes hands and customer after signing (a correction, a rep who left).
        db.transaction(cfg -> {
            ContractRepository repo = ContractRepository.using(cfg, clock);
            Contract current = repo.findAny(c.id()).orElseThrow();
            ContractRepository.Fields moved = ContractRepository.Fields.of(current).withDraft(current.title(), other,
                    f.org.li.id(), current.ourParty(), current.theirParty(), current.amount(), current.terms());
            repo.update(manager, ChangeReason.user(), c.id(), current.version(), moved, null);
        });

        assertThat(collections.ageing(wang).total()).isEqualByComparingTo("0");
        assertThat(collections.ageing(f.org.li.asActor()).total()).isEqualByComparingTo("900");
        assertThat(collections.ageingByOwner(manager)).extracting(AgeingLine::name).containsExactly("李二");
        assertThat(collections.ageingByCustomer(manager)).extracting(AgeingLine::id).containsExactly(other);

        // Delivery moves it to EXECUTING: still owed. Voided: nothing owed any more.
        collections.recordMilestone(manager, c.id(), Milestone.DELIVERY, SIGNED);
        assertThat(collections.ageing(manager).total()).isEqualByComparingTo("900");
        Contract executing = contracts.find(manager, c.id()).orElseThrow();
        contracts.voidContract(manager, c.id(), executing.version(), "客户取消");
        assertThat(collections.ageing(manager).total()).isEqualByComparingTo("0");
        assertThat(collections.ageingByCustomer(manager)).isEmpty();
        assertThat(collections.overdue(manager)).isEmpty();
    }
}
