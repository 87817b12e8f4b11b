package io.salesdesk.commerce.contract;

import static io.salesdesk.db.jooq.Tables.QUOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.commerce.FinanceFixture;
import io.salesdesk.commerce.collection.CollectionItem;
import io.salesdesk.commerce.collection.CollectionService;
import io.salesdesk.core.Actor;
import io.salesdesk.core.Ids;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import io.salesdesk.db.TestDatabases;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contracts on a real HSQLDB: where they come from, their terms, their statuses and their files. */
class ContractServiceTest {

    @TempDir
    Path dataDir;

    Database db;
    FinanceFixture f;
    ContractService contracts;
    CollectionService collections;
    Actor wang;
    Actor manager;
    UUID customer;
    // 10:00 on 2026-03-02 in China.
    final TestClock clock = new TestClock(Instant.parse("2026-03-02T02:00:00Z"));

    @BeforeEach
    void setUp() {
        db = open(dataDir.resolve("db"));
        f = new FinanceFixture(db, clock);
        contracts = new ContractService(db, clock, dataDir.resolve("attachments"));
        collections = new CollectionService(db, clock);
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

    private ContractDraft draft(UUID customerId, String amount, List<PaymentTerm> terms) {
        return new ContractDraft("监护仪 20 台采购合同", customerId, null, null, null, new BigDecimal(amount), "质保两年",
                terms);
    }

    @Test
    void aContractFromAWonDealTakesItsCustomerAmountAndOwner() {
        UUID deal = f.deal(customer, f.org.wang, "监护仪 20 台", "WON", new BigDecimal("480000.00"), Rows.now(clock));

        Contract c = contracts.createFromOpportunity(manager, deal, null);

        assertThat(c.contractNo()).isEqualTo("HT-2026-0001");
        assertThat(c.customerId()).isEqualTo(customer);
        assertThat(c.theirParty()).isEqualTo("杭州西湖医院");
        assertThat(c.ownerId()).isEqualTo(f.org.wang.id());
        assertThat(c.amount()).isEqualByComparingTo("480000");
        assertThat(c.opportunityId()).isEqualTo(deal);
        assertThat(c.status()).isEqualTo(ContractStatus.DRAFT);
        assertThat(c.paymentTerms()).extracting(PaymentTerm::milestone, t -> t.sharePct().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Milestone.SIGNING, "30.00"),
                        org.assertj.core.groups.Tuple.tuple(Milestone.DELIVERY, "60.00"),
                        org.assertj.core.groups.Tuple.tuple(Milestone.ACCEPTANCE, "10.00"));
        assertThat(contracts.create(wang, draft(customer, "1000", null)).contractNo()).isEqualTo("HT-2026-0002");
    }

    @Test
    void aDealThatIsNotWonMakesNoContract() {
        UUID deal = f.deal(customer, f.org.wang, "超声 2 台", "NEGOTIATION", new BigDecimal("90000"), null);

        assertThatThrownBy(() -> contracts.createFromOpportunity(wang, deal, null))
                .isInstanceOf(SalesDeskException.class).hasMessageContaining("contract.opportunity.notWon");
        assertThat(contracts.list(manager, null, null)).isEmpty();
    }

    @Test
    void aContractFromAQuoteTakesTheNetTotalAndLinksTheQuote() {
        UUID quote = quote("SENT");
        assertThatThrownBy(() -> contracts.createFromQuote(wang, quote, null))
                .isInstanceOf(SalesDeskException.class).hasMessageContaining("contract.quote.notAccepted");
        db.transaction(cfg -> DSL.using(cfg).update(QUOTE).set(QUOTE.STATUS, "ACCEPTED").where(QUOTE.ID.eq(quote))
                .execute());

        Contract c = contracts.createFromQuote(wang, quote, null);

        assertThat(c.amount()).isEqualByComparingTo("108000.50");
        assertThat(c.quoteId()).isEqualTo(quote);
        assertThat(c.customerId()).isEqualTo(customer);
        assertThatThrownBy(() -> contracts.createFromQuote(wang, quote, null))
                .as("one quote, one contract")
                .isInstanceOf(SalesDeskException.class).hasMessageContaining("contract.quote.alreadyContracted");
        assertThat(contracts.list(wang, null, null)).hasSize(1);
    }

    private UUID quote(String status) {
        UUID quote = Ids.newId(clock);
        db.transaction(cfg -> DSL.using(cfg).insertInto(QUOTE).set(QUOTE.ID, quote).set(QUOTE.QUOTE_NO, "BJ-2026-0007")
                .set(QUOTE.CUSTOMER_ID, customer).set(QUOTE.OWNER_ID, f.org.wang.id()).set(QUOTE.STATUS, status)
                .set(QUOTE.VALID_UNTIL, LocalDate.of(2026, 4, 1)).set(QUOTE.TOTAL_LIST, new BigDecimal("120000.00"))
                .set(QUOTE.TOTAL_NET, new BigDecimal("108000.50")).set(QUOTE.TOTAL_COST, new BigDecimal("70000.00"))
                .set(QUOTE.MAX_DISCOUNT_PCT, new BigDecimal("10.00")).set(QUOTE.NEEDS_APPROVAL, false)
                .set(QUOTE.VERSION, 1L).set(QUOTE.CREATED_AT, Rows.now(clock)).set(QUOTE.UPDATED_AT, Rows.now(clock))
                .execute());
        return quote;
    }

    @Test
    void aContractWithoutCustomerIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> contracts.create(wang, draft(null, "1000", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::messageKey)
                        .contains("contract.customer.required"));
        assertThat(FinanceTexts.say(java.util.Locale.SIMPLIFIED_CHINESE, "contract.customer.required"))
                .isEqualTo("合同必须有客户：请选择客户后再保存");
    }

    @Test
    void sharesThatDoNotAddUpToExactly100AreRefused() {
        List<PaymentTerm> terms = List.of(new PaymentTerm(Milestone.SIGNING, new BigDecimal("30"), 0),
                new PaymentTerm(Milestone.DELIVERY, new BigDecimal("60.01"), 30),
                new PaymentTerm(Milestone.ACCEPTANCE, new BigDecimal("10"), 30));

        assertThatThrownBy(() -> contracts.create(wang, draft(customer, "1000", terms)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.messageKey() + " " + p.arguments())
                        .containsExactly("contract.paymentTerms.sharesNot100 [100.01]"));
    }

    @Test
    void anAmountOfZeroIsRefused() {
        assertThatThrownBy(() -> contracts.create(wang, draft(customer, "0.00", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::messageKey)
                        .containsExactly("contract.amount.notPositive"));
    }

    @Test
    void signingCreatesACollectionScheduleThatAddsUpExactly() {
        List<PaymentTerm> thirds = List.of(new PaymentTerm(Milestone.SIGNING, new BigDecimal("33.33"), 15),
                new PaymentTerm(Milestone.DELIVERY, new BigDecimal("33.33"), 30),
                new PaymentTerm(Milestone.ACCEPTANCE, new BigDecimal("33.34"), 60));
        Contract c = contracts.create(wang, draft(customer, "100.00", thirds));
        c = contracts.submitForApproval(wang, c.id(), c.version());

        Contract signed = contracts.sign(manager, c.id(), c.version(), LocalDate.of(2026, 3, 1));

        assertThat(signed.status()).isEqualTo(ContractStatus.SIGNED);
        assertThat(signed.signedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        List<CollectionItem> items = collections.schedule(wang, c.id());
        assertThat(items).extracting(i -> i.amount().toPlainString()).containsExactly("33.33", "33.33", "33.34");
        assertThat(items.stream().map(CollectionItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(new BigDecimal("100.00"));
        assertThat(items).extracting(CollectionItem::dueOn).containsExactly(LocalDate.of(2026, 3, 16), null, null);
    }

    @Test
    void theDefaultTermsSplitALargeAmountToTheFen() {
        Contract c = contracts.create(wang, draft(customer, "1234567.89", null));
        c = contracts.submitForApproval(wang, c.id(), c.version());
        contracts.sign(manager, c.id(), c.version(), LocalDate.of(2026, 3, 2));

        assertThat(collections.schedule(wang, c.id())).extracting(i -> i.amount().toPlainString())
                .containsExactly("370370.37", "740740.73", "123456.79");
    }

    @Test
    void illegalMovesAreRefused() {
        Contract draft = contracts.create(wang, draft(customer, "1000", null));

        assertThatThrownBy(() -> contracts.sign(manager, draft.id(), draft.version(), LocalDate.of(2026, 3, 1)))
                .isInstanceOf(SalesDeskException.class).hasMessageContaining("contract.status.illegal");
        assertThatThrownBy(() -> contracts.close(wang, draft.id(), draft.version()))
                .isInstanceOf(SalesDeskException.class).hasMessageContaining("contract.status.illegal");
        Contract voided = contracts.voidContract(wang, draft.id(), draft.version(), "客户取消采购");
        assertThat(voided.status()).isEqualTo(ContractStatus.VOID);
        assertThat(voided.voidReason()).isEqualTo("客户取消采购");
        assertThatThrownBy(() -> contracts.submitForApproval(wang, voided.id(), voided.version()))
                .isInstanceOf(SalesDeskException.class).hasMessageContaining("contract.status.illegal");
    }

    @Test
    void aRepCannotSignAndASignDateInTheFutureIsRefused() {
        Contract c = contracts.create(wang, draft(customer, "1000", null));
        Contract inApproval = contracts.submitForApproval(wang, c.id(), c.version());

        assertThatThrownBy(() -> contracts.sign(wang, c.id(), inApproval.version(), LocalDate.of(2026, 3, 1)))
                .isInstanceOf(SalesDeskException.class).hasMessageContaining("contract.approve.notAllowed");
        assertThatThrownBy(() -> contracts.sign(manager, c.id(), inApproval.version(), LocalDate.of(2026, 3, 3)))
                .isInstanceOf(ValidationException.class);
        Contract back = contracts.returnToDraft(manager, c.id(), inApproval.version(), "付款条件需与客户再谈");
        assertThat(back.status()).isEqualTo(ContractStatus.DRAFT);
    }

    @Test
    void anEditOnAnOldVersionIsRefused() {
        Contract c = contracts.create(wang, draft(customer, "1000", null));
        contracts.update(wang, c.id(), c.version(), draft(customer, "2000", null));

        assertThatThrownBy(() -> contracts.update(wang, c.id(), c.version(), draft(customer, "3000", null)))
                .isInstanceOf(StaleRecordException.class);
        assertThat(contracts.find(wang, c.id()).orElseThrow().amount()).isEqualByComparingTo("2000");
        assertThat(contracts.history(wang, c.id())).hasSize(2);
    }

    @Test
    void aContractClosesOnlyWhenEverythingIsCollected() {
        List<PaymentTerm> once = List.of(new PaymentTerm(Milestone.SIGNING, new BigDecimal("100"), 0));
        Contract c = contracts.create(wang, draft(customer, "0.30", once));
        c = contracts.submitForApproval(wang, c.id(), c.version());
        Contract signed = contracts.sign(manager, c.id(), c.version(), LocalDate.of(2026, 3, 2));
        UUID item = collections.schedule(wang, c.id()).get(0).id();

        assertThatThrownBy(() -> contracts.close(wang, signed.id(), signed.version()))
                .isInstanceOf(SalesDeskException.class).hasMessageContaining("contract.close.open");
        // 0.1 + 0.2 is exactly 0.3 in BigDecimal: the item is then fully collected, not 0.30000000000000004.
        collections.recordPayment(wang, item, new BigDecimal("0.1"), LocalDate.of(2026, 3, 2), "A");
        collections.recordPayment(wang, item, new BigDecimal("0.2"), LocalDate.of(2026, 3, 2), "B");
        assertThat(collections.schedule(wang, c.id()).get(0).open()).isEqualByComparingTo("0");

        assertThat(contracts.close(wang, signed.id(), signed.version()).status()).isEqualTo(ContractStatus.CLOSED);
    }

    @Test
    void anAttachmentIsCopiedWithItsSizeAndHashAndCanBeRemoved() throws Exception {
        Contract c = contracts.create(wang, draft(customer, "1000", null));
        Path scan = dataDir.resolve("合同扫描件.pdf");
        Files.writeString(scan, "abc", StandardCharsets.UTF_8);

        ContractAttachment a = contracts.attach(wang, c.id(), scan);

        assertThat(a.sizeBytes()).isEqualTo(3);
        assertThat(a.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        Path stored = contracts.attachmentPath(wang, a.id());
        assertThat(stored).startsWith(dataDir.resolve("attachments"));
        assertThat(Files.readString(stored)).isEqualTo("abc");
        assertThat(contracts.attachments(wang, c.id())).extracting(ContractAttachment::fileName)
                .containsExactly("合同扫描件.pdf");
        assertThat(contracts.attachments(f.org.zhang.asActor(), c.id())).isEmpty();

        contracts.removeAttachment(wang, a.id());

        assertThat(contracts.attachments(wang, c.id())).isEmpty();
        assertThatThrownBy(() -> contracts.attachmentPath(wang, a.id())).isInstanceOf(SalesDeskException.class);
    }
}
