package io.salesdesk.commerce.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.commerce.CommerceException;
import io.salesdesk.commerce.CommerceFixture;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quotes on a real HSQLDB: numbers, totals and margin, discounts and approval, sending. */
class QuoteServiceTest {

    @TempDir
    Path dataDir;

    Database db;
    CommerceFixture f;
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));
    Product monitor;
    Product probe;
    UUID hospital;

    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new CommerceFixture(db, clock);
        monitor = f.product("MON-M8", "监护仪", "38000.00", "26000.00");
        probe = f.product("US-P5", "超声", "9999.99", "6000.10");
        hospital = f.customer("温州鹿城人民医院", CommerceFixture.LUCHENG);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private QuoteDraft draft(QuoteLineDraft... lines) {
        return new QuoteDraft(hospital, null, null, "含安装培训", List.of(lines));
    }

    private static QuoteLineDraft line(Product p, String qty, String price, String discount) {
        return new QuoteLineDraft(p.id(), new BigDecimal(qty), price == null ? null : new BigDecimal(price),
                discount == null ? null : new BigDecimal(discount));
    }

    @Test
    void totalsAndMarginComeFromListPriceDiscountAndCost() {
        Quote q = f.quotes.create(f.rep, draft(line(monitor, "2", null, "5"), line(probe, "3", null, null)));

        // 2 × 38,000 = 76,000 less 5 % = 72,200; 3 × 9,999.99 = 29,999.97.
        assertThat(q.totalList()).isEqualTo("105999.97");
        assertThat(q.totalNet()).isEqualTo("102199.97");
        assertThat(q.totalCost()).isEqualTo("70000.30"); // 52,000 + 18,000.30
        assertThat(q.margin()).isEqualTo("32199.67");
        assertThat(q.marginPct()).isEqualTo("31.51");
        assertThat(q.lines()).extracting(QuoteLine::netAmount)
                .containsExactly(new BigDecimal("72200.00"), new BigDecimal("29999.97"));
        assertThat(q.validUntil()).isEqualTo(LocalDate.of(2026, 11, 27).plusDays(30));
        assertThat(q.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(q.needsApproval()).isFalse();
    }

    @Test
    void aBranchReplicaNumbersItsQuotesWithItsCodeAndTheHeadOfficeSeriesIgnoresThem() {
        assertThat(f.quotes.create(f.rep, draft(line(probe, "1", null, null))).quoteNo()).isEqualTo("BJ-2026-0001");
        UUID replica = UUID.fromString("0192f3a1-7c00-7abc-8def-0123dea3f09c");
        db.dsl().insertInto(io.salesdesk.db.jooq.Tables.SYNC_NODE)
                .set(io.salesdesk.db.jooq.Tables.SYNC_NODE.NODE_ID, replica)
                .set(io.salesdesk.db.jooq.Tables.SYNC_NODE.ROLE, "REPLICA")
                .set(io.salesdesk.db.jooq.Tables.SYNC_NODE.LAMPORT, 0L)
                .set(io.salesdesk.db.jooq.Tables.SYNC_NODE.PUSHED_SEQ, 0L)
                .set(io.salesdesk.db.jooq.Tables.SYNC_NODE.PULLED_SEQ, 0L)
                .set(io.salesdesk.db.jooq.Tables.SYNC_NODE.CREATED_AT, java.time.OffsetDateTime.now(clock))
                .execute();

        assertThat(f.quotes.create(f.rep, draft(line(probe, "1", null, null))).quoteNo())
                .isEqualTo("BJ-2026-A3F09C-0001");
        assertThat(f.quotes.create(f.rep, draft(line(probe, "1", null, null))).quoteNo())
                .isEqualTo("BJ-2026-A3F09C-0002");

        // Where branch numbers sit beside its own (as when quotes travel), the head office's series goes on.
        db.dsl().deleteFrom(io.salesdesk.db.jooq.Tables.SYNC_NODE).execute();
        assertThat(f.quotes.create(f.rep, draft(line(probe, "1", null, null))).quoteNo()).isEqualTo("BJ-2026-0002");
    }

        @Test
    void quotesAreNumberedPerYear() {
        assertThat(f.quotes.create(f.rep, draft(line(probe, "1", null, null))).quoteNo()).isEqualTo("BJ-2026-0001");
        assertThat(f.quotes.create(f.rep, draft(line(probe, "1", null, null))).quoteNo()).isEqualTo("BJ-2026-0002");
        clock.advance(java.time.Duration.ofDays(40));
        assertThat(f.quotes.create(f.rep, draft(line(probe, "1", null, null))).quoteNo()).isEqualTo("BJ-2027-0001");
    }

    @Test
    void quotesCreatedAtTheSameTimeGetDifferentNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> tasks = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                tasks.add(() -> f.quotes.create(f.rep, draft(line(probe, "1", null, null))).quoteNo());
            }
            List<String> numbers = new ArrayList<>();
            for (Future<String> n : pool.invokeAll(tasks)) {
                numbers.add(n.get());
            }
            assertThat(numbers).doesNotHaveDuplicates().hasSize(12);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDiscountAbove100OrBelow0IsRefused() {
        assertThatThrownBy(() -> f.quotes.create(f.rep, draft(line(probe, "1", null, "100.01"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.messageKey()).containsExactly("quote.line.discountRange"));
        assertThatThrownBy(() -> f.quotes.create(f.rep, draft(line(probe, "1", null, "-1"))))
                .isInstanceOf(ValidationException.class);
        assertThat(f.quotes.create(f.rep, draft(line(probe, "1", null, "100"))).totalNet()).isEqualTo("0.00");
    }

    @Test
    void aDiscountAboveTheThresholdNeedsApprovalAndBlocksSending() {
        Quote q = f.quotes.create(f.rep, draft(line(monitor, "1", null, "20")));
        assertThat(q.needsApproval()).isTrue();
        assertThat(q.maxDiscountPct()).isEqualTo("20.00");

        assertThatThrownBy(() -> f.quotes.send(f.rep, q.id(), q.version()))
                .isInstanceOfSatisfying(CommerceException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("quote.send.needsApproval");
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("最大折扣 20% 超过 15%");
                });
        Quote waiting = f.quotes.submit(f.rep, q.id(), q.version());
        assertThat(waiting.status()).isEqualTo(QuoteStatus.NEEDS_APPROVAL);
        assertThatThrownBy(() -> f.quotes.send(f.rep, waiting.id(), waiting.version()))
                .isInstanceOf(CommerceException.class);

        Quote approved = f.quotes.approve(q.id(), f.manager);
        Quote sent = f.quotes.send(f.rep, approved.id(), approved.version());

        assertThat(sent.status()).isEqualTo(QuoteStatus.SENT);
        assertThat(sent.sentAt()).isNotNull();
    }

    @Test
    void aPriceCutBelowListCountsTowardsApproval() {
        Quote q = f.quotes.create(f.rep, draft(line(monitor, "1", "30000", null)));
        assertThat(q.maxDiscountPct()).isEqualTo("21.05");
        assertThat(q.needsApproval()).isTrue();
    }

    @Test
    void aDiscountAtTheThresholdIsSentWithoutApproval() {
        Quote q = f.quotes.create(f.rep, draft(line(monitor, "1", null, "15")));
        assertThat(q.needsApproval()).isFalse();
        assertThat(f.quotes.send(f.rep, q.id(), q.version()).status()).isEqualTo(QuoteStatus.SENT);
    }

    @Test
    void aRepCannotApprove() {
        Quote q = f.quotes.create(f.rep, draft(line(monitor, "1", null, "30")));
        assertThatThrownBy(() -> f.quotes.approve(q.id(), f.rep))
                .isInstanceOfSatisfying(CommerceException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("quote.approve.notAllowed"));
    }

    @Test
    void editingAnApprovedQuoteNeedsApprovalAgain() {
        Quote q = f.quotes.create(f.rep, draft(line(monitor, "1", null, "20")));
        Quote approved = f.quotes.approve(q.id(), f.manager);

        Quote edited = f.quotes.update(f.rep, q.id(), approved.version(), draft(line(monitor, "2", null, "25")));

        assertThat(edited.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThatThrownBy(() -> f.quotes.send(f.rep, edited.id(), edited.version()))
                .isInstanceOf(CommerceException.class);
    }

    @Test
    void aSentQuoteIsAcceptedWithinItsValidityAndExpiresAfter() {
        Quote q = f.quotes.create(f.rep, new QuoteDraft(hospital, null, LocalDate.of(2026, 11, 30), null,
                List.of(line(probe, "1", null, null))));
        Quote sent = f.quotes.send(f.rep, q.id(), q.version());

        clock.advance(java.time.Duration.ofDays(4));
        assertThatThrownBy(() -> f.quotes.accept(f.rep, sent.id(), sent.version()))
                .isInstanceOfSatisfying(CommerceException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("quote.expired"));
        assertThat(f.quotes.expireLapsed()).isEqualTo(1);
        assertThat(f.quotes.find(q.id()).orElseThrow().status()).isEqualTo(QuoteStatus.EXPIRED);
    }

    @Test
    void aQuotesHistorySaysWhoChangedWhichFieldAndOnlyToThoseWhoMaySeeIt() {
        Quote q = f.quotes.create(f.rep, draft(line(monitor, "2", null, "5")));
        clock.advance(java.time.Duration.ofMinutes(5));
        Quote changed = f.quotes.update(f.manager, q.id(), q.version(), new QuoteDraft(hospital, null, null,
                "含运输", List.of(line(monitor, "3", null, "5"))));

        assertThat(changed.version()).isEqualTo(q.version() + 1);
        List<io.salesdesk.db.ChangeEntry> history = f.quotes.history(f.rep, q.id());
        assertThat(history).hasSize(2);
        io.salesdesk.db.ChangeEntry last = history.get(1);
        assertThat(last.changedBy()).isEqualTo(f.manager.userId());
        assertThat(last.changedByName()).isEqualTo(f.org.zjManager.displayName());
        assertThat(last.changedAt().toInstant()).isEqualTo(clock.instant());
        assertThat(last.changes()).containsKeys("note", "lines");
        assertThat(f.quotes.history(f.org.zhang.asActor(), q.id())).isEmpty();
    }
}
