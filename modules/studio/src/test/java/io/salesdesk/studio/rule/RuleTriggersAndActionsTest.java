package io.salesdesk.studio.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.salesdesk.board.escalation.EscalationService;
import io.salesdesk.board.task.Task;
import io.salesdesk.board.task.TaskService;
import io.salesdesk.commerce.freeze.OrderFreezeService;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.crm.lead.LeadRepository;
import io.salesdesk.crm.lead.LeadService;
import io.salesdesk.crm.lead.LeadStatus;
import io.salesdesk.crm.pool.PoolService;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.CustomFieldService;
import io.salesdesk.studio.field.FieldType;
import io.salesdesk.workflow.approval.ApprovalService;
import io.salesdesk.workflow.approval.ApprovalSubject;
import io.salesdesk.workflow.approval.UserDirectory;
import io.salesdesk.workflow.approval.flow.ApprovalStep;
import io.salesdesk.workflow.approval.flow.Approvers;
import io.salesdesk.workflow.approval.flow.FlowDefinition;
import io.salesdesk.workflow.approval.flow.SignMode;
import io.salesdesk.workflow.approval.flow.StepTimeout;
import io.salesdesk.workflow.notify.Notification;
import io.salesdesk.workflow.notify.NotificationService;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules on leads and opportunities, the "updated", "date" and "approval outcome" triggers, and the
 * assign, return-to-pool and webhook actions, on a real database with a moved clock.
 */
class RuleTriggersAndActionsTest {

    @TempDir
    Path dataDir;

    Database db;
    SalesOrgFixture f;
    final TestClock clock = new TestClock(Instant.parse("2026-11-02T01:30:00Z"));
    CustomFieldService fields;
    TaskService tasks;
    NotificationService inbox;
    AutomationRuleService rules;
    LeadService leads;
    OpportunityService opportunities;
    PoolService pool;
    ApprovalService approvals;
    OrderFreezeService freezes;
    RuleRunner runner;
    HttpServer server;

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new SalesOrgFixture(db, clock);
        fields = new CustomFieldService(db, clock);
        tasks = new TaskService(db, clock);
        inbox = new NotificationService(db, clock);
        rules = new AutomationRuleService(db, clock, fields, Locale.SIMPLIFIED_CHINESE);
        leads = new LeadService(db, clock, f.regions, f.customers);
        opportunities = new OpportunityService(db, clock);
        pool = new PoolService(db, clock, f.regions, f.customers);
        approvals = new ApprovalService(db, clock, cfg -> UserDirectory.using(cfg, clock), Locale.SIMPLIFIED_CHINESE);
        freezes = new OrderFreezeService(db, clock);
        RuleActions.OrderHold hold = (actor, customer, deal, categories, reason) -> db.transactionResult(cfg ->
                freezes.hold(cfg, actor, customer, deal, categories, reason)).size();
        runner = new RuleRunner(db, clock, new RuleActions(db, clock, Locale.SIMPLIFIED_CHINESE, tasks,
                new EscalationService(db, clock), f.customers, fields, new RuleActions.Extras(
                new RuleActions.Owners(leads, opportunities, pool, null),
                new RuleWebhook(HttpClient.newHttpClient(), Duration.ofSeconds(2)), approvals, hold)), fields,
                Locale.SIMPLIFIED_CHINESE);
    }

    /** The database the tests run on: HSQLDB here, PostgreSQL in the subclass. */
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.stop(0);
        }
        db.close();
    }

    private void days(int n) {
        clock.advance(Duration.ofDays(n));
    }

    private List<Notification> ruleMessages(io.salesdesk.crm.User user) {
        return inbox.inbox(user.asActor()).stream().filter(n -> n.kind().equals(RuleRunner.NOTIFY_KIND)).toList();
    }

    private UUID lead(String name, Tier tier, String source) {
        UUID id = Ids.newId(clock);
        db.transaction(cfg -> LeadRepository.using(cfg, clock).insertAll(null, ChangeReason.user(), List.of(
                new LeadRepository.NewLead(id, new LeadDraft(name, "张主任", "13800000000", null, SalesOrgFixture.XIHU,
                        "HOSPITAL", tier, source, null), LeadStatus.ASSIGNED, f.wang.id(), Rows.now(clock), "测试",
                        null, "m", Rows.now(clock)))));
        return id;
    }

    private Opportunity deal(UUID customer, String name, String amount, LocalDate close) {
        return opportunities.create(f.wang.asActor(), new OpportunityDraft(customer, name, f.wang.id(), null,
                new BigDecimal(amount), close, null, null, null));
    }

    private AutomationRule save(RuleDefinition d) {
        return rules.save(f.zjManager.asActor(), null, 0, d);
    }

    @Test
    void aRuleOnNewLeadsFromAnExhibitionAssignsThemToANamedRep() {
        save(new RuleDefinition("展会线索给李", RuleDefinition.LEAD, RuleTrigger.created(),
                RuleConditions.all(new RuleCondition("source", RuleCondition.Operator.EQ, "展会")),
                List.of(RuleAction.assign(f.li.id().toString())), true));
        days(1);
        UUID fromShow = lead("杭州某医院采购", Tier.B, "展会");
        UUID fromWeb = lead("宁波某诊所", Tier.C, "官网");

        assertThat(runner.runDue().fired()).isEqualTo(1);

        assertThat(leads.find(f.admin.asActor(), fromShow).map(Lead::ownerId)).contains(f.li.id());
        assertThat(leads.find(f.admin.asActor(), fromWeb).map(Lead::ownerId)).contains(f.wang.id());
        assertThat(rules.runLog(null, 5)).singleElement()
                .satisfies(r -> assertThat(r.actionsTaken()).isEqualTo("负责人改为 " + f.li.displayName()));
    }

    @Test
    void anOpportunityRuleTestsItsAmountAndFiresThreeDaysBeforeTheExpectedCloseDate() {
        UUID hospital = f.customer(f.wang, "浙江省中医院", Tier.A, SalesOrgFixture.XIHU, null);
        LocalDate today = LocalDate.of(2026, 11, 2);
        Opportunity big = deal(hospital, "检验科设备", "800000", today.plusDays(10));
        deal(hospital, "耗材", "20000", today.plusDays(10));
        RuleDefinition rule = new RuleDefinition("大单预计成交前 3 天提醒", RuleDefinition.OPPORTUNITY,
                RuleTrigger.relativeTo("expectedCloseOn", -3),
                RuleConditions.all(new RuleCondition("amount", RuleCondition.Operator.GT, "500000")),
                List.of(RuleAction.createTask("跟进{记录}的签约", 1)), true);
        assertThat(rules.test(rule, 5).first()).as("test mode: what it will act on in the next 30 days")
                .extracting(RuleMatch::label).containsExactly("检验科设备");
        save(rule);

        days(6);
        assertThat(runner.runDue().fired()).as("ten days before: not yet").isZero();
        days(1);
        assertThat(runner.runDue().fired()).isEqualTo(1);
        assertThat(runner.runDue().fired()).isZero();

        List<Task> mine = tasks.myOpen(f.wang.asActor(), 10);
        assertThat(mine).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("跟进检验科设备的签约");
            assertThat(t.customerId()).isEqualTo(hospital);
            assertThat(t.opportunityId()).isEqualTo(big.id());
        });
        assertThat(rules.test(new RuleDefinition("x", RuleDefinition.OPPORTUNITY, RuleTrigger.updated(),
                RuleConditions.all(new RuleCondition("amount", RuleCondition.Operator.LT, "100000")), List.of(), true),
                5).first()).extracting(RuleMatch::label).containsExactly("耗材");
    }

    @Test
    void aCustomDateFieldTriggersOnTheDayItNamesOnceForEachDate() {
        fields.define(f.admin.asActor(), CustomEntity.CUSTOMER, new CustomFieldDraft("合同到期", "contract_end",
                FieldType.DATE, List.of(), false, null, null));
        UUID hospital = f.customer(f.wang, "浙江省中医院", Tier.A, SalesOrgFixture.XIHU, null);
        fields.setValues(f.admin.asActor(), CustomEntity.CUSTOMER, hospital, Map.of("contract_end", "2026-11-20"));
        save(new RuleDefinition("合同到期前 3 天通知", RuleDefinition.CUSTOMER,
                RuleTrigger.relativeTo("custom.contract_end", -3), RuleConditions.all(),
                List.of(RuleAction.notifyOwner("{客户}合同 3 天后到期")), true));

        days(14);
        assertThat(runner.runDue().fired()).isZero();
        days(1);
        assertThat(runner.runDue().fired()).isEqualTo(1);
        days(1);
        assertThat(runner.runDue().fired()).isZero();
        // Renewed: a new date, a new reminder when it comes.
        fields.setValues(f.admin.asActor(), CustomEntity.CUSTOMER, hospital, Map.of("contract_end", "2026-12-20"));
        days(28);
        assertThat(runner.runDue().fired()).as("3 days before 12-20 is 12-17").isZero();
        days(1);
        assertThat(runner.runDue().fired()).isEqualTo(1);
        assertThat(ruleMessages(f.wang)).hasSize(2).allSatisfy(n -> assertThat(n.body()).isEqualTo("浙江省中医院合同 3 天后到期"));
    }

    @Test
    void anUpdatedRuleActsOnEachChangeAPersonMakesButNotOnChangesMadeByRules() {
        UUID hospital = f.customer(f.wang, "浙江省中医院", Tier.B, SalesOrgFixture.XIHU, null);
        save(new RuleDefinition("客户资料变更通知主管", RuleDefinition.CUSTOMER, RuleTrigger.updated(),
                RuleConditions.all(new RuleCondition("regionCode", RuleCondition.Operator.EQ, "330000")),
                List.of(RuleAction.notifyManager("{客户}的资料有变更")), true));
        save(new RuleDefinition("检验机构升 A", RuleDefinition.CUSTOMER, RuleTrigger.fieldChanged("industry", "LAB"),
                RuleConditions.all(), List.of(RuleAction.setField("tier", "A")), true));

        edit(hospital, Tier.B, "LAB");
        assertThat(runner.runDue().fired()).as("the person's change, and the field rule").isEqualTo(2);
        assertThat(runner.runDue().fired()).as("the tier the rule raised does not count as an update").isZero();

        days(1);
        edit(hospital, Tier.A, "HOSPITAL");
        assertThat(runner.runDue().fired()).isEqualTo(1);
        assertThat(ruleMessages(f.zjManager)).hasSize(2)
                .allSatisfy(n -> assertThat(n.body()).isEqualTo("浙江省中医院的资料有变更"));
    }

    @Test
    void aFieldChangedRuleActsRightAfterTheSaveAndTheMinuteRunDoesNotActAgain() {
        UUID hospital = f.customer(f.wang, "浙江省中医院", Tier.B, SalesOrgFixture.XIHU, null);
        save(new RuleDefinition("转为检验机构后安排演示", RuleDefinition.CUSTOMER, RuleTrigger.fieldChanged("industry", "LAB"),
                RuleConditions.all(), List.of(RuleAction.createTask("为{客户}安排检验科演示", 3)), true));

        edit(hospital, Tier.B, "HOSPITAL");
        assertThat(runner.runFor(RuleDefinition.CUSTOMER, hospital)).as("another value: nothing").isZero();
        edit(hospital, Tier.B, "LAB");
        assertThat(runner.runFor(RuleDefinition.CUSTOMER, hospital)).isEqualTo(1);
        assertThat(tasks.myOpen(f.wang.asActor(), 10)).extracting(Task::title).containsExactly("为浙江省中医院安排检验科演示");

        assertThat(runner.runFor(RuleDefinition.CUSTOMER, hospital)).as("the same change, saved again").isZero();
        assertThat(runner.runDue().fired()).as("the minute run reads the same change").isZero();
        assertThat(rules.runLog(null, 10)).hasSize(1);
    }

    @Test
    void anUpdatedRuleActsAtOnceOnEachSaveButNotOnTheChangeItsOwnActionMakes() {
        UUID hospital = f.customer(f.wang, "浙江省中医院", Tier.B, SalesOrgFixture.XIHU, null);
        save(new RuleDefinition("客户资料变更通知主管", RuleDefinition.CUSTOMER, RuleTrigger.updated(),
                RuleConditions.all(new RuleCondition("regionCode", RuleCondition.Operator.EQ, "330000")),
                List.of(RuleAction.notifyManager("{客户}的资料有变更")), true));
        save(new RuleDefinition("检验机构升 A", RuleDefinition.CUSTOMER, RuleTrigger.fieldChanged("industry", "LAB"),
                RuleConditions.all(), List.of(RuleAction.setField("tier", "A")), true));

        edit(hospital, Tier.B, "LAB");
        assertThat(runner.runFor(RuleDefinition.CUSTOMER, hospital)).as("the person's change, and the field rule")
                .isEqualTo(2);
        assertThat(runner.runFor(RuleDefinition.CUSTOMER, hospital)).as("the tier the rule set is no person's change")
                .isZero();
        assertThat(runner.runDue().fired()).isZero();
        days(1);
        edit(hospital, Tier.A, "HOSPITAL");
        assertThat(runner.runFor(RuleDefinition.CUSTOMER, hospital)).isEqualTo(1);
        assertThat(runner.runDue().fired()).isZero();
        assertThat(ruleMessages(f.zjManager)).hasSize(2);
    }

    @Test
    void anApprovedRequestAboutACustomerSetsOffTheRuleOnce() {
        UUID hospital = f.customer(f.wang, "浙江省中医院", Tier.A, SalesOrgFixture.XIHU, null);
        UUID other = f.customer(f.wang, "杭州市第一人民医院", Tier.A, SalesOrgFixture.XIHU, null);
        approvals.saveFlow(f.admin.asActor(), "customer", "review", "客户审核", new FlowDefinition(List.of(
                new ApprovalStep("manager", "主管审批", Approvers.manager(1), SignMode.ANY, StepTimeout.remindAfter(24))),
                true, false, true));
        save(new RuleDefinition("审批通过后通知负责人", RuleDefinition.CUSTOMER,
                RuleTrigger.approval("customer", "APPROVED"), RuleConditions.all(),
                List.of(RuleAction.notifyOwner("{客户}的审批已通过")), true));
        days(1);
        approvals.submit(f.wang.asActor(), new ApprovalSubject("customer", "review", hospital, "审核浙江省中医院", Map.of()));
        approvals.submit(f.wang.asActor(), new ApprovalSubject("customer", "review", other, "审核一院", Map.of()));
        assertThat(runner.runDue().fired()).as("still pending").isZero();

        var mine = approvals.inbox(f.zjManager.asActor());
        approvals.approve(f.zjManager.asActor(), mine.stream().filter(t -> t.recordId().equals(hospital)).findFirst()
                .orElseThrow().id(), "同意");
        approvals.reject(f.zjManager.asActor(), mine.stream().filter(t -> t.recordId().equals(other)).findFirst()
                .orElseThrow().id(), "资料不全", false);
        days(1);

        assertThat(runner.runDue().fired()).isEqualTo(1);
        assertThat(runner.runDue().fired()).isZero();
        assertThat(ruleMessages(f.wang)).singleElement().satisfies(n -> assertThat(n.subjectId()).isEqualTo(hospital));
    }

    @Test
    void aBigOpportunityStartsTheApprovalFlowSetUpForRulesAndTheRunLogSaysWhenThereIsNone() {
        UUID hospital = f.customer(f.wang, "浙江省中医院", Tier.A, SalesOrgFixture.XIHU, null);
        save(new RuleDefinition("大单立项审批", RuleDefinition.OPPORTUNITY, RuleTrigger.created(),
                RuleConditions.all(new RuleCondition("amount", RuleCondition.Operator.GT, "500000")),
                List.of(RuleAction.startApproval("大单立项：{记录}")), true));
        days(1);
        deal(hospital, "影像中心", "900000", null);
        assertThat(runner.runDue().fired()).isEqualTo(1);
        assertThat(rules.runLog(null, 1).get(0).error()).as("no flow yet: the log says so")
                .startsWith("发起审批: 没有为规则发起的审批配置流程");

        approvals.saveFlow(f.admin.asActor(), "opportunity", RuleApprovals.ACTION, "大单立项", new FlowDefinition(List.of(
                new ApprovalStep("manager", "主管审批", Approvers.manager(1), SignMode.ANY, StepTimeout.remindAfter(24))),
                true, false, true));
        days(1);
        Opportunity second = deal(hospital, "检验流水线", "1200000", null);
        assertThat(runner.runDue().fired()).isEqualTo(1);

        assertThat(approvals.inbox(f.zjManager.asActor())).singleElement().satisfies(t -> {
            assertThat(t.recordId()).isEqualTo(second.id());
            assertThat(t.requestTitle()).isEqualTo("大单立项：检验流水线");
        });
        assertThat(rules.runLog(null, 1).get(0).actionsTaken()).isEqualTo("已发起审批「大单立项：检验流水线」");
    }

    @Test
    void aLostBigDealFreezesItsCustomersOrdersInTheNamedCategoriesOnce() {
        UUID hospital = f.customer(f.wang, "浙江省中医院", Tier.A, SalesOrgFixture.XIHU, null);
        Opportunity deal = deal(hospital, "检验科设备", "800000", null);
        save(new RuleDefinition("大单变更冻结订单", RuleDefinition.OPPORTUNITY, RuleTrigger.updated(),
                RuleConditions.all(new RuleCondition("amount", RuleCondition.Operator.GT, "500000")),
                List.of(RuleAction.freezeOrders("试剂，耗材", "大单金额变更，待核对库存")), true));
        Opportunity current = opportunities.find(f.admin.asActor(), deal.id()).orElseThrow();
        OpportunityDraft d = current.toDraft();
        opportunities.update(f.wang.asActor(), deal.id(), current.version(), new OpportunityDraft(d.customerId(), d.name(),
                d.ownerId(), d.stage(), new BigDecimal("900000"), d.expectedCloseOn(), d.probability(), d.products(),
                d.closeReason()));

        assertThat(runner.runDue().fired()).isEqualTo(1);

        assertThat(freezes.active(hospital)).extracting(io.salesdesk.commerce.freeze.OrderFreeze::category,
                io.salesdesk.commerce.freeze.OrderFreeze::opportunityId, io.salesdesk.commerce.freeze.OrderFreeze::reason)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("试剂", deal.id(), "大单金额变更，待核对库存"),
                        org.assertj.core.groups.Tuple.tuple("耗材", deal.id(), "大单金额变更，待核对库存"));
        assertThat(rules.runLog(null, 1).get(0).actionsTaken()).isEqualTo("已冻结 试剂、耗材 的订单");
    }

    @Test
    void anAdvancedExpressionNarrowsTheRowsAndABrokenOneIsRefusedWithCelsReason() {
        fields.define(f.admin.asActor(), CustomEntity.OPPORTUNITY, new CustomFieldDraft("竞争对手数", "rivals",
                FieldType.NUMBER, List.of(), false, null, null));
        UUID hospital = f.customer(f.wang, "浙江省中医院", Tier.A, SalesOrgFixture.XIHU, null);
        RuleDefinition rule = new RuleDefinition("多家竞争的大单", RuleDefinition.OPPORTUNITY, RuleTrigger.updated(),
                new RuleConditions(RuleConditions.Match.ALL, List.of(), "amount > 500000.0 && rivals >= 2.0"),
                List.of(RuleAction.notifyManager("{记录}竞争激烈，请关注")), true);
        save(rule);
        Opportunity contested = deal(hospital, "检验科设备", "800000", null);
        Opportunity alone = deal(hospital, "影像设备", "900000", null);
        Opportunity small = deal(hospital, "耗材", "20000", null);
        days(1);
        fields.setValues(f.wang.asActor(), CustomEntity.OPPORTUNITY, contested.id(), Map.of("rivals", "3"));
        fields.setValues(f.wang.asActor(), CustomEntity.OPPORTUNITY, alone.id(), Map.of("rivals", "1"));
        fields.setValues(f.wang.asActor(), CustomEntity.OPPORTUNITY, small.id(), Map.of("rivals", "4"));

        assertThat(rules.test(rule, 5).first()).extracting(RuleMatch::label).containsExactly("检验科设备");
        assertThat(runner.runDue().fired()).isEqualTo(1);
        assertThat(ruleMessages(f.zjManager)).singleElement()
                .satisfies(n -> assertThat(n.body()).isEqualTo("检验科设备竞争激烈，请关注"));
        assertThat(runner.runFor(RuleDefinition.OPPORTUNITY, alone.id())).as("after a save, the same test").isZero();

        assertThatThrownBy(() -> save(new RuleDefinition("坏表达式", RuleDefinition.OPPORTUNITY, RuleTrigger.updated(),
                new RuleConditions(RuleConditions.Match.ALL, List.of(), "amount > "),
                List.of(RuleAction.notifyOwner("x")), true)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.messageKey()).isEqualTo("rule.expression.invalid")));
    }

    @Test
    void aCustomerWithoutAVisitFor60DaysGoesBackToThePublicPool() {
        UUID idle = f.customer(f.wang, "萧山区卫生院", Tier.C, SalesOrgFixture.HANGZHOU, null);
        save(new RuleDefinition("60 天未拜访退回公海", RuleDefinition.CUSTOMER, RuleTrigger.noActivity("VISIT", 60),
                RuleConditions.all(new RuleCondition("tier", RuleCondition.Operator.IN, "C,D")),
                List.of(RuleAction.returnToPool("60 天未拜访")), true));
        days(61);

        assertThat(runner.runDue().fired()).isEqualTo(1);

        Customer c = f.customers.open(f.admin.asActor(), idle).orElseThrow().customer();
        assertThat(c.ownerId()).isNull();
        assertThat(rules.runLog(null, 1).get(0).actionsTaken()).isEqualTo("已退回公海");
    }

    @Test
    void aWebhookGetsTheRecordAsJsonAndTheRunLogKeepsTheAnswer() throws IOException {
        List<String> bodies = new CopyOnWriteArrayList<>();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/broken", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        save(new RuleDefinition("新 A 类客户推送 CRM 中台", RuleDefinition.CUSTOMER, RuleTrigger.created(),
                RuleConditions.all(new RuleCondition("tier", RuleCondition.Operator.EQ, "A")),
                List.of(RuleAction.webhook(base + "/hook"), RuleAction.webhook(base + "/broken")), true));
        UUID hospital = f.customer(f.wang, "浙江省中医院", Tier.A, SalesOrgFixture.XIHU, null);

        assertThat(runner.runDue().fired()).isEqualTo(1);

        assertThat(bodies).singleElement().satisfies(json -> assertThat(json)
                .contains("\"name\":\"浙江省中医院\"", "\"recordId\":\"" + hospital + "\"", "\"entity\":\"customer\""));
        assertThat(rules.runLog(null, 1)).singleElement().satisfies(run -> {
            assertThat(run.outcome()).isEqualTo(RuleRun.Outcome.PARTIAL);
            assertThat(run.actionsTaken()).isEqualTo("已调用 " + base + "/hook（HTTP 204）");
            assertThat(run.error()).isEqualTo("调用 Webhook: " + base + "/broken 返回 HTTP 500");
        });
    }

    @Test
    void aRuleThatCannotWorkOnItsEntityIsRefusedWithTheReason() {
        assertThatThrownBy(() -> save(new RuleDefinition("线索 10 天无跟进", RuleDefinition.LEAD,
                RuleTrigger.noActivity(null, 10), RuleConditions.all(), List.of(RuleAction.returnToPool("x")), true)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.messageKey())
                        .containsExactlyInAnyOrder("rule.trigger.noActivities", "rule.action.pool.customers"));
        assertThatThrownBy(() -> save(new RuleDefinition("坏地址", RuleDefinition.CUSTOMER, RuleTrigger.created(),
                RuleConditions.all(), List.of(RuleAction.webhook("file:///etc/passwd")), true)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.messageKey()).containsExactly("rule.action.webhook.url"));
    }

    private void edit(UUID id, Tier tier, String industry) {
        Customer c = f.customers.open(f.admin.asActor(), id).orElseThrow().customer();
        CustomerDraft d = c.toDraft();
        f.customers.update(f.admin.asActor(), id, c.version(), new CustomerDraft(d.name(), d.creditCode(), tier,
                industry, d.regionCode(), d.address(), d.phone(), d.ownerId()));
    }
}
