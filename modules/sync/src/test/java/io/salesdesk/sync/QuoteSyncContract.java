package io.salesdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.commerce.CommerceException;
import io.salesdesk.commerce.freeze.OrderFreezeService;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.product.ProductDraft;
import io.salesdesk.commerce.product.ProductService;
import io.salesdesk.commerce.quote.Quote;
import io.salesdesk.commerce.quote.QuoteDraft;
import io.salesdesk.commerce.quote.QuoteLine;
import io.salesdesk.commerce.quote.QuoteLineDraft;
import io.salesdesk.commerce.quote.QuoteService;
import io.salesdesk.commerce.quote.QuoteStatus;
import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A branch's quotes travel: priced offline from the hub's catalogue they reach head office with
 * their lines and totals, head office's edits come back, and lines changed on both sides are one
 * conflict for a person. A hub (the subclass's database) and a replica of 华东大区 on a real HSQLDB file.
 */
abstract class QuoteSyncContract {

    private static final int PAGE = 2;

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T02:00:00Z"));
    private Database hubDb;
    private SyncFixture org;
    private LocalHub hub;
    private Database replica;
    private Actor manager;
    private Customer hospital;
    private Product monitor;
    private Product probe;

    abstract Database openHub(Path hubDir);

    @BeforeEach
    void setUp() {
        hubDb = openHub(dir.resolve("hub"));
        org = new SyncFixture(hubDb, clock);
        hub = new LocalHub(hubDb, clock);
        manager = new Actor(org.zhang.id(), "总部经理", Role.MANAGER, org.company.path());
        Actor admin = new Actor(org.zhang.id(), "总部管理员", Role.ADMIN, org.company.path());
        ProductService products = new ProductService(hubDb, clock);
        monitor = products.create(admin, new ProductDraft("JH-M100", "康瑞 M100 监护仪", "监护仪", "台",
                new BigDecimal("18800.00"), new BigDecimal("12000.00")));
        probe = products.create(admin, new ProductDraft("JH-P20", "康瑞 P20 血氧探头", "耗材", "个",
                new BigDecimal("380.50"), new BigDecimal("150.00")));
        hospital = org.create(hubDb, org.wang, "苏州第一医院");
    }

    @AfterEach
    void tearDown() {
        for (Database db : new Database[] {replica, hubDb}) {
            if (db != null) {
                db.close();
            }
        }
    }

    @Test
    void aQuotePricedOfflineFromTheHubsCatalogueReachesHeadOfficeWithItsLinesAndTotals() {
        createReplica();
        Quote offline = quotes(replica).create(org.wang.asActor(), new QuoteDraft(hospital.id(), null, null, "含安装",
                List.of(line(monitor, "2", null, "5"), line(probe, "10", "360.00", null))));

        SyncReport report = sync();

        assertThat(report.conflicts()).isZero();
        Quote atHub = quotes(hubDb).find(offline.id()).orElseThrow();
        assertThat(atHub.quoteNo()).isEqualTo(offline.quoteNo());
        assertThat(atHub.ownerId()).isEqualTo(org.wang.id());
        assertThat(atHub.note()).isEqualTo("含安装");
        assertThat(atHub.lines()).extracting(l -> l.sku() + " " + l.quantity().stripTrailingZeros().toPlainString()
                        + " @ " + l.unitPrice().toPlainString() + " -" + l.discountPct().stripTrailingZeros().toPlainString()
                        + "% cost " + l.unitCost().toPlainString())
                .containsExactly("JH-M100 2 @ 18800.00 -5% cost 12000.00", "JH-P20 10 @ 360.00 -0% cost 150.00");
        // 2 × 18800 × 95 % + 10 × 360 = 35720 + 3600
        assertThat(atHub.totalNet()).isEqualByComparingTo("39320.00");
        assertThat(atHub.totalList()).isEqualByComparingTo(offline.totalList());
        assertThat(atHub.totalCost()).isEqualByComparingTo("25500.00");
        assertThat(atHub.needsApproval()).isFalse();
        assertThat(SyncFixture.trail(hubDb, offline.id())).first().isEqualTo("SYNC");
    }

    @Test
    void aQuoteEditedAtHeadOfficeArrivesWithItsNewTotals() {
        Quote q = quotes(hubDb).create(org.wang.asActor(), new QuoteDraft(hospital.id(), null, null, null,
                List.of(line(monitor, "1", null, null))));
        createReplica();
        assertThat(quotes(replica).find(q.id()).orElseThrow().totalNet()).isEqualByComparingTo("18800.00");

        quotes(hubDb).update(manager, q.id(), q.version(), new QuoteDraft(hospital.id(), null, null, "总部让利",
                List.of(line(monitor, "1", null, "20"), line(probe, "4", null, null))));
        sync();

        Quote here = quotes(replica).find(q.id()).orElseThrow();
        assertThat(here.note()).isEqualTo("总部让利");
        assertThat(here.lines()).extracting(QuoteLine::sku).containsExactly("JH-M100", "JH-P20");
        // 18800 × 80 % + 4 × 380.50; a 20 % discount is above the 15 % threshold on this side too.
        assertThat(here.totalNet()).isEqualByComparingTo("16562.00");
        assertThat(here.needsApproval()).isTrue();
    }

    @Test
    void theNoteChangedOfflineAndTheLinesChangedAtHeadOfficeBothSurvive() {
        Quote q = quotes(hubDb).create(org.wang.asActor(), new QuoteDraft(hospital.id(), null, null, null,
                List.of(line(monitor, "1", null, null))));
        createReplica();
        Quote offline = quotes(replica).find(q.id()).orElseThrow();
        quotes(replica).update(org.wang.asActor(), q.id(), offline.version(), new QuoteDraft(hospital.id(), null,
                offline.validUntil(), "院长已口头同意", List.of(line(monitor, "1", null, null))));
        quotes(hubDb).update(manager, q.id(), q.version(), new QuoteDraft(hospital.id(), null, q.validUntil(), null,
                List.of(line(monitor, "3", null, null))));

        SyncReport report = sync();

        assertThat(report.conflicts()).isZero();
        for (Database db : List.of(hubDb, replica)) {
            Quote merged = quotes(db).find(q.id()).orElseThrow();
            assertThat(merged.note()).isEqualTo("院长已口头同意");
            assertThat(merged.lines()).extracting(QuoteLine::quantity).usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("3"));
            assertThat(merged.totalNet()).isEqualByComparingTo("56400.00");
        }
    }

    @Test
    void linesChangedOnBothSidesAreOneConflictAndTheTotalsFollowTheLinesKept() {
        Quote q = quotes(hubDb).create(org.wang.asActor(), new QuoteDraft(hospital.id(), null, null, null,
                List.of(line(monitor, "1", null, null), line(probe, "2", null, null))));
        createReplica();
        Quote offline = quotes(replica).find(q.id()).orElseThrow();
        // The rep adds probes; head office gives a discount on the monitor: two different price lists.
        quotes(replica).update(org.wang.asActor(), q.id(), offline.version(), new QuoteDraft(hospital.id(), null,
                offline.validUntil(), null, List.of(line(monitor, "1", null, null), line(probe, "6", null, null))));
        quotes(hubDb).update(manager, q.id(), q.version(), new QuoteDraft(hospital.id(), null, q.validUntil(), null,
                List.of(line(monitor, "1", null, "10"), line(probe, "2", null, null))));

        SyncReport report = sync();

        assertThat(report.conflicts()).isEqualTo(1);
        assertThat(SyncFixture.conflicts(hubDb)).singleElement().satisfies(c -> {
            assertThat(c.entity()).isEqualTo(SyncedEntity.QUOTE);
            assertThat(c.kind()).isEqualTo(SyncConflict.Kind.FIELD);
            assertThat(c.field()).isEqualTo("lines");
            assertThat(c.hubValue()).isEqualTo("JH-M100×1@18800.00-10%, JH-P20×2@380.50-0%");
            assertThat(c.incomingValue()).isEqualTo("JH-M100×1@18800.00-0%, JH-P20×6@380.50-0%");
        });
        for (Database db : List.of(hubDb, replica)) {
            Quote kept = quotes(db).find(q.id()).orElseThrow();
            assertThat(kept.totalNet()).isEqualByComparingTo("17681.00");
        }
        assertThat(SyncFixture.row(replica, SyncedEntity.QUOTE, q.id()).orElseThrow().fields())
                .isEqualTo(SyncFixture.row(hubDb, SyncedEntity.QUOTE, q.id()).orElseThrow().fields());

        // The manager takes the branch's lines: they become the quote's on both sides, totals with them.
        SyncConflictService conflicts = new SyncConflictService(hubDb, clock);
        conflicts.resolve(manager, conflicts.open().get(0).id(), "JH-M100×1@18800.00-0%, JH-P20×6@380.50-0%");
        sync();
        for (Database db : List.of(hubDb, replica)) {
            assertThat(quotes(db).find(q.id()).orElseThrow().totalNet()).isEqualByComparingTo("21083.00");
        }
    }

    @Test
    void aReplicaIsCreatedWithTheQuotesOfItsPeopleOnly() {
        Customer south = org.create(hubDb, org.zhang, "广州医院");
        Quote theirs = quotes(hubDb).create(org.zhang.asActor(), new QuoteDraft(south.id(), null, null, null,
                List.of(line(probe, "1", null, null))));
        Quote ours = quotes(hubDb).create(org.wang.asActor(), new QuoteDraft(hospital.id(), null, null, null,
                List.of(line(probe, "1", null, null))));

        createReplica();

        assertThat(quotes(replica).find(ours.id())).isPresent();
        assertThat(SyncFixture.row(replica, SyncedEntity.QUOTE, theirs.id())).isEmpty();
    }

    @Test
    void aQuoteSentOfflineArrivesSentAndTheCustomersAnswerAtHeadOfficeComesBack() {
        Quote q = quotes(hubDb).create(org.wang.asActor(), new QuoteDraft(hospital.id(), null, null, null,
                List.of(line(monitor, "1", null, "10"))));
        createReplica();
        Quote offline = quotes(replica).find(q.id()).orElseThrow();
        quotes(replica).send(org.wang.asActor(), q.id(), offline.version());

        assertThat(sync().conflicts()).isZero();
        Quote atHub = quotes(hubDb).find(q.id()).orElseThrow();
        assertThat(atHub.status()).isEqualTo(QuoteStatus.SENT);
        assertThat(atHub.sentAt()).isNotNull();

        quotes(hubDb).accept(manager, q.id(), atHub.version());
        sync();
        assertThat(quotes(replica).find(q.id()).orElseThrow().status()).isEqualTo(QuoteStatus.ACCEPTED);
    }

    @Test
    void aQuoteSentOfflineWhoseLinesHeadOfficeChangedMeanwhileIsNotSentThereButRecorded() {
        Quote q = quotes(hubDb).create(org.wang.asActor(), new QuoteDraft(hospital.id(), null, null, null,
                List.of(line(monitor, "1", null, null))));
        createReplica();
        Quote offline = quotes(replica).find(q.id()).orElseThrow();
        // The rep sends the quote as it stands; head office, unaware, changes its lines.
        quotes(replica).send(org.wang.asActor(), q.id(), offline.version());
        quotes(hubDb).update(manager, q.id(), q.version(), new QuoteDraft(hospital.id(), null, q.validUntil(), null,
                List.of(line(monitor, "1", null, "20"))));

        sync();

        assertThat(SyncFixture.conflicts(hubDb)).extracting(SyncConflict::field)
                .containsExactlyInAnyOrder("lines", "status", "sentAt");
        assertThat(SyncFixture.conflicts(hubDb)).filteredOn(c -> c.field().equals("lines")).singleElement()
                .satisfies(c -> {
                    assertThat(c.hubValue()).isEqualTo("JH-M100×1@18800.00-20%");
                    assertThat(c.incomingValue()).isEqualTo("JH-M100×1@18800.00-0%");
                });
        for (Database db : List.of(hubDb, replica)) {
            Quote kept = quotes(db).find(q.id()).orElseThrow();
            assertThat(kept.status()).isEqualTo(QuoteStatus.DRAFT);
            assertThat(kept.sentAt()).isNull();
            assertThat(kept.needsApproval()).isTrue();
        }
    }

    @Test
    void offlineADraftWithinTheThresholdIsFinishedAndOneNeedingApprovalWaitsForHeadOffice() {
        createReplica();
        QuoteService here = quotes(replica);
        Quote free = here.create(org.wang.asActor(), new QuoteDraft(hospital.id(), null, null, null,
                List.of(line(monitor, "1", null, "10"))));
        Quote discounted = here.create(org.wang.asActor(), new QuoteDraft(hospital.id(), null, null, null,
                List.of(line(monitor, "1", null, "25"))));
        Actor branchManager = new Actor(org.li.id(), "李二", Role.MANAGER, org.east.path());

        assertThat(here.submit(org.wang.asActor(), free.id(), free.version()).status()).isEqualTo(QuoteStatus.READY);
        atHeadOffice(() -> here.submit(org.wang.asActor(), discounted.id(), discounted.version()));
        atHeadOffice(() -> here.send(org.wang.asActor(), discounted.id(), discounted.version()));
        atHeadOffice(() -> here.approve(discounted.id(), branchManager));
        assertThat(here.find(discounted.id()).orElseThrow().status()).isEqualTo(QuoteStatus.DRAFT);

        // At head office the draft is submitted and approved as any other.
        sync();
        Quote atHub = quotes(hubDb).find(discounted.id()).orElseThrow();
        atHub = quotes(hubDb).submit(manager, atHub.id(), atHub.version());
        assertThat(atHub.status()).isEqualTo(QuoteStatus.NEEDS_APPROVAL);
        quotes(hubDb).approve(atHub.id(), manager);
        sync();
        assertThat(here.find(discounted.id()).orElseThrow().status()).isEqualTo(QuoteStatus.READY);
    }

    private static void atHeadOffice(ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CommerceException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("quote.approval.atHeadOffice");
            assertThat(e.message(java.util.Locale.SIMPLIFIED_CHINESE)).startsWith("这台电脑是分支副本");
        });
    }

    private static QuoteLineDraft line(Product p, String qty, String price, String discount) {
        return new QuoteLineDraft(p.id(), new BigDecimal(qty), price == null ? null : new BigDecimal(price),
                discount == null ? null : new BigDecimal(discount));
    }

    private QuoteService quotes(Database db) {
        return new QuoteService(db, clock, new OrderFreezeService(db, clock));
    }

    private void createReplica() {
        replica = SyncService.createReplica(hub, DatabaseConfig.embedded(dir.resolve("r1")), org.east.id(), clock, PAGE);
    }

    private SyncReport sync() {
        return new SyncService(replica, clock, PAGE).sync(hub);
    }
}
