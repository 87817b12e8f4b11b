package io.salesdesk.insight.funnel;

import static io.salesdesk.db.jooq.Tables.FUNNEL_OUTCOME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.ActivityDraft;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.workflow.notify.Notification;
import io.salesdesk.workflow.notify.NotificationService;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo-sale funnel on three hand-made deals, measured from day 0 (T0):
 * <ul>
 * <li>A (王一): material note day 1, 方案演示 day 3, calls/visit days 4, 6, 10, a question day 11
 *     answered 5 h later, 报价 day 20 — passes every node.</li>
 * <li>B (王一): no material, 方案演示 day 2, one call day 5, a question day 6 answered day 8 (48 h),
 *     stays in 方案演示 — misses every node (3 interactions in its trial window, 4 needed).</li>
 * <li>C (李二): opened day 35, nothing yet — pending on every node; the reply node does not apply.</li>
 * </ul>
 */
class FunnelScannerTest {

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private TestClock clock;
    private SalesOrgFixture org;
    private OpportunityService deals;
    private FunnelScanner scanner;
    private FunnelService funnels;
    private Funnel funnel;
    private UUID dealB;

    /** The database the tests run on; the PostgreSQL variant overrides it. */
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @BeforeEach
    void setUp() {
        db = open(dir);
        clock = new TestClock(T0);
        org = new SalesOrgFixture(db, clock);
        deals = new OpportunityService(db, clock);
        scanner = new FunnelScanner(db, clock, Locale.SIMPLIFIED_CHINESE);
        funnels = new FunnelService(db, clock, scanner);
        funnel = funnels.save(org.admin.asActor(), demoFunnel());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    static Funnel demoFunnel() {
        return new Funnel(null, "医疗设备演示销售", null, true, 0, List.of(
                new FunnelNode(null, 1, "演示前发送资料", new Measure.ActivityBeforeStage(ActivityKind.NOTE, "资料", "SOLUTION")),
                new FunnelNode(null, 2, "试用期内互动 ≥4 次", new Measure.ActivityCount(null, null, "SOLUTION", 14, 4)),
                new FunnelNode(null, 3, "客户提问 24 小时内回复", new Measure.ReplyWithin(ActivityKind.NOTE, "提问", 24)),
                new FunnelNode(null, 4, "30 天内进入报价", new Measure.StageWithin("QUOTE", 30))));
    }

    /** Builds the three deals; the clock ends at day 12. */
    private void threeDeals() {
        UUID customerA = org.customer(org.wang, "甲医院", Tier.A, SalesOrgFixture.HANGZHOU, null);
        UUID customerB = org.customer(org.wang, "乙医院", Tier.B, SalesOrgFixture.HANGZHOU, null);
        UUID a = deal(org.wang, customerA);
        dealB = deal(org.wang, customerB);
        at(1, 0);
        log(org.wang, customerA, ActivityKind.NOTE, "发送产品资料与参数表");
        at(2, 0);
        move(org.wang, dealB, "SOLUTION");
        at(3, 0);
        move(org.wang, a, "SOLUTION");
        at(4, 0);
        log(org.wang, customerA, ActivityKind.CALL, "试用反馈");
        at(5, 0);
        log(org.wang, customerB, ActivityKind.CALL, "试用反馈");
        at(6, 0);
        log(org.wang, customerA, ActivityKind.VISIT, "现场指导");
        log(org.wang, customerB, ActivityKind.NOTE, "客户提问：交期");
        at(8, 0);
        log(org.wang, customerB, ActivityKind.CALL, "答复交期");
        at(10, 0);
        log(org.wang, customerA, ActivityKind.CALL, "试用回访");
        at(11, 0);
        log(org.wang, customerA, ActivityKind.NOTE, "客户提问：耗材价格");
        at(11, 5);
        log(org.wang, customerA, ActivityKind.CALL, "答复耗材价格");
        at(12, 0);
        this.dealA = a;
    }

    private UUID dealA;

    @Test
    void missedNodesPromptTheRepOncePerDealAndNodeAndOnlyWhenDecided() {
        threeDeals();
        FunnelScanner.Report day12 = scanner.scan();
        // Day 12: B already missed the material (演示 on day 2 without it) and the reply (48 h > 24 h);
        // its trial window (days 2–16) and the 30-day goal are still open.
        assertThat(day12.prompts()).isEqualTo(2);
        assertThat(coaching(org.wang)).hasSize(2);
        assertThat(coaching(org.wang)).extracting(Notification::subjectId).containsOnly(dealB);
        assertThat(coaching(org.zjManager)).isEmpty();

        at(20, 0);
        move(org.wang, dealA, "QUOTE");
        at(40, 0);
        UUID customerC = org.customer(org.li, "丙诊所", Tier.C, SalesOrgFixture.HANGZHOU, null);
        clock.advance(Duration.ofDays(-5));
        deal(org.li, customerC);
        at(40, 0);
        FunnelScanner.Report day40 = scanner.scan();
        assertThat(day40.prompts()).isEqualTo(2);
        assertThat(scanner.scan().prompts()).isZero();
        assertThat(coaching(org.wang)).hasSize(4);
        assertThat(coaching(org.li)).isEmpty();
        Notification reply = coaching(org.wang).stream().filter(n -> n.title().contains("24 小时")).findFirst()
                .orElseThrow();
        assertThat(reply.body()).contains("乙医院", "王一", "客户「备注·提问」后 24 小时内回复", "最慢 48 小时");
    }

    @Test
    void theManagerGetsOneDigestPerScanDayWithMissesPerRepAndNodeInsteadOfCopies() {
        threeDeals();
        FunnelScanner.Report first = scanner.scan();
        assertThat(first.digests()).isEqualTo(1);
        List<Notification> digests = digests(org.zjManager);
        assertThat(digests).hasSize(1);
        Notification digest = digests.get(0);
        assertThat(digest.title()).isEqualTo("辅导汇总 2026-03-14：1 名销售 2 个未达标节点");
        assertThat(digest.body()).contains(
                "王一 ·「演示前发送资料」（医疗设备演示销售）：1 笔，进入阶段前均无记录",
                "王一 ·「客户提问 24 小时内回复」（医疗设备演示销售）：1 笔，最慢 48 小时回复");
        // The digest opens the funnel tab on its funnel.
        assertThat(digest.subjectEntity()).isEqualTo("funnel");
        assertThat(digest.subjectId()).isEqualTo(funnel.id());

        // Later the same day 李二's new deal skips the material: he is told at once, the manager tomorrow.
        at(12, 3);
        UUID customerC = org.customer(org.li, "丙诊所", Tier.C, SalesOrgFixture.HANGZHOU, null);
        UUID dealC = deal(org.li, customerC);
        move(org.li, dealC, "SOLUTION");
        FunnelScanner.Report sameDay = scanner.scan();
        assertThat(sameDay.prompts()).isEqualTo(1);
        assertThat(sameDay.digests()).isZero();
        assertThat(coaching(org.li)).hasSize(1);
        assertThat(digests(org.zjManager)).hasSize(1);

        at(13, 0);
        assertThat(scanner.scan().digests()).isEqualTo(1);
        assertThat(scanner.scan().digests()).isZero();
        Notification next = digests(org.zjManager).stream().filter(n -> !n.id().equals(digest.id())).findFirst()
                .orElseThrow();
        // Only what is new since the first digest: 王一's misses are not counted again.
        assertThat(next.title()).isEqualTo("辅导汇总 2026-03-15：1 名销售 1 个未达标节点");
        assertThat(next.body()).contains("李二 ·「演示前发送资料」（医疗设备演示销售）：1 笔").doesNotContain("王一");
        assertThat(coaching(org.zjManager)).isEmpty();
    }

    @Test
    void theDigestNamesTheWorstValueOfEachNode() {
        threeDeals();
        scanner.scan();
        at(40, 0);
        // A never reached 报价 either: the line counts both deals and names B's 40 days.
        scanner.scan();
        Notification day40 = digests(org.zjManager).stream().filter(n -> n.title().contains("2026-04-11"))
                .findFirst().orElseThrow();
        assertThat(day40.body()).contains("「试用期内互动 ≥4 次」（医疗设备演示销售）：1 笔，最少 3 次",
                "「30 天内进入报价」（医疗设备演示销售）：2 笔，最长 40 天");
    }

    @Test
    void theDigestIsWrittenInTheScannersLanguage() {
        threeDeals();
        new FunnelScanner(db, clock, Locale.ENGLISH).scan();
        assertThat(digests(org.zjManager)).singleElement().satisfies(d -> {
            assertThat(d.title()).isEqualTo("Coaching digest 2026-03-14: 2 misses by 1 rep");
            assertThat(d.body()).contains("王一 · \"客户提问 24 小时内回复\" (医疗设备演示销售): 1 missed, slowest reply 48 hours");
        });
    }

    @Test
    void anIncrementalScanLeavesTheSameOutcomesAsAFullOne() {
        threeDeals();
        scanner.scanChanges();
        // Through day 12: A's customer gets a call, a new deal skips the material, A reaches 报价;
        // B's 30-day goal only ages (its measured days grow without any record changing).
        at(12, 1);
        log(org.wang, dealCustomer(dealA), ActivityKind.CALL, "回访");
        at(12, 2);
        UUID customerC = org.customer(org.li, "丙诊所", Tier.C, SalesOrgFixture.HANGZHOU, null);
        UUID dealC = deal(org.li, customerC);
        move(org.li, dealC, "SOLUTION");
        assertThat(scanner.scanChanges().prompts()).isEqualTo(1);
        at(12, 5);
        scanner.scanChanges();
        at(12, 6);
        move(org.wang, dealA, "QUOTE");
        scanner.scanChanges();
        // Day 16 (Beijing): the day's first scan is full; B's trial window closes at 09:00 and only
        // the clock says so.
        at(15, 23);
        scanner.scanChanges();
        at(16, 1);
        FunnelScanner.Report incremental = scanner.scanChanges();
        assertThat(incremental.prompts()).as("B missed its trial interactions").isEqualTo(1);
        List<List<Object>> afterIncremental = outcomes();

        scanner.scan();
        assertThat(outcomes()).isEqualTo(afterIncremental);
    }

    @Test
    void anIncrementalScanEvaluatesOnlyDealsThatMayHaveChanged() {
        threeDeals();
        FunnelScanner.Report full = scanner.scanChanges();
        at(12, 1);
        FunnelScanner.Report quiet = scanner.scanChanges();
        // Only what the clock moves: A's and B's unreached 报价 (their days grow). B's trial window
        // stays open until day 16: nothing about it can change before then but a record.
        assertThat(quiet.evaluated()).isEqualTo(2).isLessThan(full.evaluated());
        at(12, 2);
        log(org.wang, dealCustomer(dealA), ActivityKind.CALL, "回访");
        assertThat(scanner.scanChanges().evaluated()).as("A's four nodes and B's 报价").isEqualTo(4 + 1);
    }

    /** Every outcome as the scans left it, without when it was evaluated. */
    private List<List<Object>> outcomes() {
        return db.transactionResult(cfg -> DSL.using(cfg).select(FUNNEL_OUTCOME.NODE_ID, FUNNEL_OUTCOME.OPPORTUNITY_ID,
                        FUNNEL_OUTCOME.STATUS, FUNNEL_OUTCOME.MEASURED, FUNNEL_OUTCOME.EVIDENCE_AT,
                        FUNNEL_OUTCOME.PROMPTED_AT)
                .from(FUNNEL_OUTCOME).orderBy(FUNNEL_OUTCOME.NODE_ID, FUNNEL_OUTCOME.OPPORTUNITY_ID)
                .fetch(r -> java.util.Arrays.asList(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5() == null ? null : r.value5().toInstant(),
                        r.value6() == null ? null : r.value6().toInstant())));
    }

    private UUID dealCustomer(UUID deal) {
        return deals.find(org.admin.asActor(), deal).orElseThrow().customerId();
    }

    @Test
    void conversionPerNodeAndPerRepCountsDecidedDealsTheViewerSees() {
        threeDeals();
        at(20, 0);
        move(org.wang, dealA, "QUOTE");
        at(35, 0);
        UUID customerC = org.customer(org.li, "丙诊所", Tier.C, SalesOrgFixture.HANGZHOU, null);
        deal(org.li, customerC);
        at(40, 0);
        scanner.scan();

        FunnelFigures all = funnels.figures(org.admin.asActor(), funnel.id());
        assertThat(all.nodes()).extracting(NodeConversion::name, NodeConversion::passed, NodeConversion::missed,
                        NodeConversion::pending, NodeConversion::reachedAll)
                .containsExactly(
                        tuple("演示前发送资料", 1, 1, 1, 1),
                        tuple("试用期内互动 ≥4 次", 1, 1, 1, 1),
                        tuple("客户提问 24 小时内回复", 1, 1, 0, 1),
                        tuple("30 天内进入报价", 1, 1, 1, 1));
        assertThat(all.nodes().get(0).rate()).hasValue(0.5);
        RepConversion wangFirst = all.reps().stream()
                .filter(r -> r.ownerId().equals(org.wang.id()) && r.nodeId().equals(funnel.nodes().get(0).id()))
                .findFirst().orElseThrow();
        assertThat(wangFirst.passed()).isEqualTo(1);
        assertThat(wangFirst.missed()).isEqualTo(1);
        assertThat(all.missed()).hasSize(4).extracting(MissedNode::opportunityId).containsOnly(dealB);
        MissedNode stage = all.missed().stream().filter(m -> m.nodeName().startsWith("30")).findFirst().orElseThrow();
        assertThat(stage.measured()).isEqualByComparingTo("40.0");

        FunnelFigures li = funnels.figures(org.li.asActor(), funnel.id());
        assertThat(li.nodes().get(0).pending()).isEqualTo(1);
        assertThat(li.nodes().get(0).rate()).isEmpty();
        assertThat(li.missed()).isEmpty();
    }

    @Test
    void aFunnelWithNothingEvaluatedIsEmptyNotNaN() {
        FunnelFigures figures = funnels.figures(org.admin.asActor(), funnel.id());
        assertThat(figures.empty()).isTrue();
        assertThat(figures.nodes()).allSatisfy(n -> assertThat(n.rate()).isEmpty());
    }

    @Test
    void editingAFunnelKeepsNodeIdsAndRefusesBadThresholds() {
        Funnel edited = new Funnel(funnel.id(), funnel.name(), "监护仪", true, funnel.version(), List.of(
                funnel.nodes().get(0),
                new FunnelNode(funnel.nodes().get(3).id(), 2, "20 天内进入报价", new Measure.StageWithin("QUOTE", 20))));
        Funnel saved = funnels.save(org.admin.asActor(), edited);
        assertThat(saved.nodes()).extracting(FunnelNode::id)
                .containsExactly(funnel.nodes().get(0).id(), funnel.nodes().get(3).id());
        assertThat(saved.productFilter()).isEqualTo("监护仪");

        Funnel bad = new Funnel(saved.id(), " ", null, true, saved.version(), List.of(
                new FunnelNode(null, 1, "x", new Measure.ActivityCount(null, null, null, 0, 0))));
        assertThatThrownBy(() -> funnels.save(org.admin.asActor(), bad))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.problems()).extracting(p -> p.field())
                                .containsExactlyInAnyOrder("name", "nodes[1].threshold", "nodes[1].days"));
        assertThatThrownBy(() -> funnels.save(org.wang.asActor(), saved))
                .isInstanceOf(SalesDeskException.class);
    }

    private List<Notification> coaching(User user) {
        return new NotificationService(db, clock).inbox(user.asActor()).stream()
                .filter(n -> n.kind().equals(FunnelScanner.PROMPT_KIND)).toList();
    }

    private List<Notification> digests(User user) {
        return new NotificationService(db, clock).inbox(user.asActor()).stream()
                .filter(n -> n.kind().equals(FunnelDigest.KIND)).toList();
    }

    private void at(int day, int hour) {
        clock.advance(Duration.between(clock.instant(), T0.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour))));
    }

    private UUID deal(User owner, UUID customer) {
        return deals.create(owner.asActor(), new OpportunityDraft(customer, "监护仪 2 台", owner.id(), "INITIAL",
                new BigDecimal("180000.00"), null, null, "多参数监护仪", null)).id();
    }

    private void move(User owner, UUID id, String stage) {
        Opportunity current = deals.find(owner.asActor(), id).orElseThrow();
        deals.move(owner.asActor(), id, current.version(), stage, null, null, null);
    }

    private void log(User owner, UUID customer, ActivityKind kind, String note) {
        org.customers.logFollowUp(owner.asActor(), customer,
                new ActivityDraft(kind, null, null, null, note, null, null, null));
    }
}
