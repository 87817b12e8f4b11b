package io.salesdesk.commerce.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.commerce.CommerceFixture;
import io.salesdesk.commerce.demo.DemoApprovalFlows;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.workflow.approval.ApprovalService;
import io.salesdesk.workflow.approval.ApprovalTask;
import io.salesdesk.workflow.approval.UserDirectory;
import io.salesdesk.workflow.notify.NotificationService;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quote discounts under the demo's quote flow: over 15 % the manager, over 30 % the manager and the GM. */
class QuoteApprovalTest {

    @TempDir
    Path dataDir;

    Database db;
    CommerceFixture f;
    ApprovalService approvals;
    QuoteService quotes;
    User gm;
    Product monitor;
    UUID hospital;
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new CommerceFixture(db, clock);
        db.transaction(cfg -> {
            gm = new User(Ids.newId(clock), "gm", "总经理郑", Role.GM, f.org.admin.orgUnitId(),
                    f.org.admin.orgUnitName(), f.org.admin.orgPath(), null);
            UserRepository.using(cfg, clock).insert(null, ChangeReason.of(ChangeReason.Kind.SYSTEM, "fixture"), gm,
                    null, null);
        });
        approvals = new ApprovalService(db, clock, cfg -> UserDirectory.using(cfg, clock), Locale.SIMPLIFIED_CHINESE);
        quotes = new QuoteService(db, clock, f.freezes, approvals);
        new DemoApprovalFlows(db, clock, approvals).create();
        monitor = f.product("MON-M8", "监护仪", "38000.00", "26000.00");
        hospital = f.customer("温州鹿城人民医院", CommerceFixture.LUCHENG);
    }

    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static final java.util.function.Consumer<SalesDeskException> PENDING =
            e -> assertThat(e.messageKey()).isEqualTo("quote.approvalPending");

    private Quote draft(String discountPct) {
        return quotes.create(f.rep, new QuoteDraft(hospital, null, null, null, List.of(
                new QuoteLineDraft(monitor.id(), new BigDecimal("2"), null, new BigDecimal(discountPct)))));
    }

    private Quote reload(Quote q) {
        return quotes.find(q.id()).orElseThrow();
    }

    private ApprovalTask taskOf(Actor approver) {
        List<ApprovalTask> inbox = approvals.inbox(approver);
        assertThat(inbox).hasSize(1);
        return inbox.get(0);
    }

    @Test
    void aQuoteTwentyPercentOffGoesToTheRepsManagerAndCanBeSentOnceApproved() {
        Quote q = draft("20");
        Quote submitted = quotes.submit(f.rep, q.id(), q.version());

        assertThat(submitted.status()).isEqualTo(QuoteStatus.NEEDS_APPROVAL);
        ApprovalTask task = taskOf(f.manager);
        assertThat(task.requestTitle()).contains(q.quoteNo()).contains("折扣 20%");
        assertThat(approvals.inbox(gm.asActor())).isEmpty();
        assertThatThrownBy(() -> quotes.send(f.rep, q.id(), submitted.version()))
                .isInstanceOfSatisfying(SalesDeskException.class, PENDING);
        assertThatThrownBy(() -> quotes.approve(q.id(), f.manager))
                .isInstanceOfSatisfying(SalesDeskException.class, PENDING);

        approvals.approve(f.manager, task.id(), "同意");

        Quote approved = reload(q);
        assertThat(approved.status()).isEqualTo(QuoteStatus.READY);
        assertThat(quotes.send(f.rep, q.id(), approved.version()).status()).isEqualTo(QuoteStatus.SENT);
    }

    @Test
    void aQuoteTenPercentOffNeedsNoApprovalAndNobodyIsToldAnything() {
        Quote q = draft("10");

        assertThat(quotes.submit(f.rep, q.id(), q.version()).status()).isEqualTo(QuoteStatus.READY);
        assertThat(approvals.pendingFor(QuoteService.APPROVAL_ENTITY, q.id())).isEmpty();
        assertThat(approvals.submitted(f.rep, 10)).isEmpty();
        assertThat(approvals.inbox(f.manager)).isEmpty();
        assertThat(new NotificationService(db, clock).inbox(f.rep)).isEmpty();
    }

    @Test
    void sendingADraftThirtyFivePercentOffSubmitsItToTheManagerAndThenTheGm() {
        Quote q = draft("35");

        Quote waiting = quotes.send(f.rep, q.id(), q.version());
        assertThat(waiting.status()).isEqualTo(QuoteStatus.NEEDS_APPROVAL);
        assertThat(waiting.sentAt()).isNull();

        approvals.approve(f.manager, taskOf(f.manager).id(), null);
        assertThat(reload(q).status()).isEqualTo(QuoteStatus.NEEDS_APPROVAL);
        approvals.approve(gm.asActor(), taskOf(gm.asActor()).id(), null);

        assertThat(reload(q).status()).isEqualTo(QuoteStatus.READY);
    }

    @Test
    void aDraftTenPercentOffIsSentAtOnce() {
        Quote q = draft("10");
        assertThat(quotes.send(f.rep, q.id(), q.version()).status()).isEqualTo(QuoteStatus.SENT);
    }

    @Test
    void aRejectedOrRecalledRequestReturnsTheQuoteToDraftForChanges() {
        Quote q = draft("20");
        quotes.submit(f.rep, q.id(), q.version());
        approvals.reject(f.manager, taskOf(f.manager).id(), "折扣过大，请控制在 15% 以内", false);
        Quote rejected = reload(q);
        assertThat(rejected.status()).isEqualTo(QuoteStatus.DRAFT);

        Quote again = quotes.submit(f.rep, q.id(), rejected.version());
        UUID request = approvals.pendingFor(QuoteService.APPROVAL_ENTITY, q.id()).orElseThrow().id();
        assertThatThrownBy(() -> quotes.update(f.rep, q.id(), again.version(), new QuoteDraft(hospital, null, null,
                null, List.of(new QuoteLineDraft(monitor.id(), BigDecimal.ONE, null, BigDecimal.TEN)))))
                .isInstanceOfSatisfying(SalesDeskException.class, PENDING);
        approvals.recall(f.rep, request, "改价");

        assertThat(reload(q).status()).isEqualTo(QuoteStatus.DRAFT);
    }
}
