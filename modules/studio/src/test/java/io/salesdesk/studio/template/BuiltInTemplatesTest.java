package io.salesdesk.studio.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.salesdesk.board.escalation.Escalation;
import io.salesdesk.board.escalation.EscalationStatus;
import io.salesdesk.board.task.Task;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.ActivityDraft;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.crm.lead.LeadService;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.dispatch.DispatchResult;
import io.salesdesk.dispatch.DispatchService;
import io.salesdesk.dispatch.DispatchSettings;
import io.salesdesk.insight.tier.Completion;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.onboarding.Assignment;
import io.salesdesk.studio.onboarding.OnboardingPath;
import io.salesdesk.studio.onboarding.OnboardingService;
import io.salesdesk.studio.rule.RuleRunner;
import io.salesdesk.workflow.notify.NotificationService;
import io.salesdesk.workflow.approval.Route;
import io.salesdesk.workflow.approval.RouteParallel;
import io.salesdesk.workflow.approval.RouteStep;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each built-in template installs on an empty workspace, and its scenario then works. */
class BuiltInTemplatesTest {

    @TempDir
    Path dataDir;

    Database db;
    TemplateWorkspace w;

    @BeforeEach
    void setUp() {
        db = TestDatabases.hsqldb(dataDir);
        w = new TemplateWorkspace(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private void install(String id) {
        InstallPlan plan = w.templates.install(w.org.admin.asActor(), w.builtIn(id), TemplateWorkspace.ZH);
        assertThat(plan.changes()).isNotEmpty();
    }

    private void days(int n) {
        w.clock.advance(Duration.ofDays(n));
    }

    private List<Escalation> openEscalations() {
        return w.escalations.column(w.org.admin.asActor(), EscalationStatus.OPEN, 100);
    }

    private void demo(User rep, UUID customer) {
        w.org.customers.logFollowUp(rep.asActor(), customer, new ActivityDraft(ActivityKind.DEMO, Rows.now(w.clock),
                null, 60, "现场技术演示", null, null, null));
    }

    @Test
    void everyBuiltInTemplateInstallsOnAnEmptyWorkspace() {
        for (Template t : w.templates.builtIns()) {
            InstallPlan plan = w.templates.install(w.org.admin.asActor(), t, TemplateWorkspace.ZH);
            assertThat(plan.changes()).as(t.id()).isNotEmpty();
        }
        assertThat(w.templates.installed()).extracting(InstalledTemplate::templateId)
                .containsExactlyInAnyOrderElementsOf(w.templates.builtIns().stream().map(Template::id).toList());
    }

    @Test
    void medicalRegionalEscalatesACustomerNotFollowedUpFor3Days() {
        install("medical-regional");
        UUID hospital = w.org.customer(w.org.wang, "杭州市第一人民医院", Tier.C, SalesOrgFixture.XIHU,
                Rows.now(w.clock));

        days(2);
        w.slaScanner().scan();
        assertThat(openEscalations()).noneMatch(e -> e.subjectId().equals(hospital));

        days(1);
        w.clock.advance(Duration.ofHours(1));
        w.slaScanner().scan();
        assertThat(openEscalations()).filteredOn(e -> e.subjectId().equals(hospital)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("3 天"));
    }

    @Test
    void medicalRegionalSendsContractsOver500000ToLegalFinanceAndTheGmInParallel() {
        install("medical-regional");

        Route big = w.approvals.simulate("contract", "submit", Map.of("amount", "600000"), w.org.wang.id())
                .orElseThrow();
        Route small = w.approvals.simulate("contract", "submit", Map.of("amount", "500000"), w.org.wang.id())
                .orElseThrow();

        assertThat(big.nodes()).singleElement().isInstanceOfSatisfying(RouteParallel.class,
                p -> assertThat(p.branches()).hasSize(3));
        assertThat(big.steps()).extracting(RouteStep::key, RouteStep::approvers).containsExactly(
                tuple("legal", List.of(w.legal.id())), tuple("finance", List.of(w.finance.id())),
                tuple("gm", List.of(w.gm.id())));
        assertThat(small.steps()).extracting(RouteStep::key, RouteStep::approvers)
                .containsExactly(tuple("manager", List.of(w.org.zjManager.id())));
        assertThat(db.transactionResult(cfg -> DispatchSettings.using(cfg).weights()).region()).isEqualTo(0.7);
    }

    @Test
    void keyAccountEscalatesAKeyAccountWithoutAVisitFor14Days() {
        install("key-account");
        UUID account = w.org.customer(w.org.wang, "浙江大学医学院附属第一医院", Tier.A, SalesOrgFixture.XIHU, null);
        UUID other = w.org.customer(w.org.wang, "西湖社区卫生服务中心", Tier.A, SalesOrgFixture.XIHU, null);
        w.fields.setValues(w.org.wang.asActor(), CustomEntity.CUSTOMER, account,
                Map.of("key_account", "true", "tech_contact", "周工", "competitor", "迈瑞\n联影"));

        days(15);
        w.ruleRunner().runDue();

        assertThat(openEscalations()).filteredOn(e -> e.subjectId().equals(account)).singleElement()
                .satisfies(e -> assertThat(e.reason()).startsWith("大客户浙江大学医学院附属第一医院 14 天无拜访"));
        assertThat(openEscalations()).noneMatch(e -> e.subjectId().equals(other));
        assertThat(w.fields.values(CustomEntity.CUSTOMER, account)).containsEntry("tech_contact", "周工");
    }

    @Test
    void industrialTieringTiesTwoDemosAMonthOnTierACustomersToTheBonusCoefficient() {
        install("industrial-tiering");
        UUID wangsA = w.org.customer(w.org.wang, "杭州汽轮机厂", Tier.A, SalesOrgFixture.XIHU, null);
        UUID lisA = w.org.customer(w.org.li, "杭州制氧机厂", Tier.A, SalesOrgFixture.XIHU, null);
        demo(w.org.wang, wangsA);
        days(1);
        demo(w.org.wang, wangsA);
        demo(w.org.li, lisA);

        List<Completion> november = w.tiers.perRep(w.org.admin.asActor(), LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 1));

        assertThat(november).filteredOn(c -> c.required() > 0)
                .extracting(Completion::name, Completion::required, Completion::done)
                .containsExactlyInAnyOrder(tuple("王一", 2, 2), tuple("李二", 2, 1));
        var formula = w.tiers.formula();
        assertThat(november).filteredOn(c -> c.name().equals("王一")).singleElement()
                .satisfies(c -> assertThat(formula.coefficient(c.ratio())).hasValue(new BigDecimal("1.30")));
        assertThat(november).filteredOn(c -> c.name().equals("李二")).singleElement()
                .satisfies(c -> assertThat(formula.coefficient(c.ratio())).hasValue(new BigDecimal("0.90")));
    }

    @Test
    void industrialTieringGivesTheOwnerATaskWhenATierACustomerHasHadNoDemoFor20Days() {
        install("industrial-tiering");
        UUID plant = w.org.customer(w.org.li, "杭州制氧机厂", Tier.A, SalesOrgFixture.XIHU, null);
        demo(w.org.li, plant);

        days(19);
        w.ruleRunner().runDue();
        assertThat(w.tasks.myOpen(w.org.li.asActor(), 10)).isEmpty();

        days(2);
        w.ruleRunner().runDue();
        assertThat(w.tasks.myOpen(w.org.li.asActor(), 10)).extracting(Task::title)
                .containsExactly("为杭州制氧机厂安排技术演示");
    }

    @Test
    void edtechTrialInstallsTheSevenNodeFunnelAndCallsNewStudentsBackWithinADay() {
        install("edtech-trial");

        assertThat(w.funnels.funnels()).filteredOn(f -> f.name().equals("试听转化漏斗")).singleElement()
                .satisfies(f -> assertThat(f.nodes()).extracting(n -> n.name()).containsExactly("试听前发送课程资料",
                        "3 天内约到试听", "试听后 24 小时内回访", "家长提问 2 小时内回复", "试听期内互动 ≥3 次", "7 天内给出报价",
                        "14 天内进入签约"));
        days(1);
        w.org.customer(w.org.li, "王小明（三年级）", Tier.C, SalesOrgFixture.XIHU, null);
        w.ruleRunner().runDue();
        assertThat(w.tasks.myOpen(w.org.li.asActor(), 10)).extracting(Task::title)
                .containsExactly("回访王小明（三年级），预约试听课");
    }

    @Test
    void saasRenewalEscalatesARenewalMarkedAtRisk() {
        install("saas-renewal");
        UUID tenant = w.org.customer(w.org.wang, "杭州云栖科技有限公司", Tier.B, SalesOrgFixture.XIHU, Rows.now(w.clock));
        w.fields.setValues(w.org.wang.asActor(), CustomEntity.CUSTOMER, tenant,
                Map.of("contract_end", "2027-01-31", "arr", "360000", "renewal_status", "正常"));
        days(1);
        w.fields.setValues(w.org.wang.asActor(), CustomEntity.CUSTOMER, tenant, Map.of("renewal_status", "有风险"));

        w.ruleRunner().runDue();

        assertThat(openEscalations()).filteredOn(e -> e.subjectId().equals(tenant)).singleElement()
                .satisfies(e -> assertThat(e.reason()).startsWith("杭州云栖科技有限公司续费有风险"));
        assertThat(w.tasks.myOpen(w.org.wang.asActor(), 10)).extracting(Task::title)
                .contains("与杭州云栖科技有限公司确认续费障碍并制定挽留方案");
    }

    @Test
    void projectCollectionEscalatesAnOverdueCollectionAndSendsBigContractsToFinanceAndTheGm() {
        install("project-collection");
        UUID builder = w.org.customer(w.org.li, "浙江建工集团", Tier.A, SalesOrgFixture.XIHU, Rows.now(w.clock));
        days(1);
        w.fields.setValues(w.org.li.asActor(), CustomEntity.CUSTOMER, builder,
                Map.of("collection_milestone", "进度款", "collection_status", "逾期"));

        w.ruleRunner().runDue();

        assertThat(openEscalations()).anyMatch(e -> e.subjectId().equals(builder));
        assertThat(w.tasks.myOpen(w.org.li.asActor(), 10)).extracting(Task::title).contains("催收浙江建工集团逾期款项");
        Route big = w.approvals.simulate("contract", "submit", Map.of("amount", "1200000"), w.org.li.id()).orElseThrow();
        assertThat(big.steps()).extracting(RouteStep::key).containsExactly("manager", "finance", "gm");
    }

    @Test
    void storeSalesGivesAVisitTaskForAStoreNotVisitedFor7Days() {
        install("store-sales");
        UUID store = w.org.customer(w.org.zhang, "苏州观前街旗舰店", Tier.A, SalesOrgFixture.SUZHOU, null);
        w.org.customer(w.org.zhang, "苏州某经销商", Tier.A, SalesOrgFixture.SUZHOU, null);
        w.fields.setValues(w.org.zhang.asActor(), CustomEntity.CUSTOMER, store, Map.of("store_no", "SZ-001"));

        days(8);
        w.ruleRunner().runDue();

        // Only the store: a customer without a store number is no store.
        assertThat(w.tasks.myOpen(w.org.zhang.asActor(), 10)).extracting(Task::title)
                .containsExactly("巡店：苏州观前街旗舰店").doesNotContain("巡店：苏州某经销商");
        assertThat(w.tiers.rules()).extracting(r -> r.name()).contains("A 类门店每月 4 次巡店");
    }

    @Test
    void fmcgPromotionGivesAFixUpTaskWhenADisplayIsMarkedBelowStandard() {
        install("fmcg-promotion");
        UUID outlet = w.org.customer(w.org.wang, "联华超市文三路店", Tier.B, SalesOrgFixture.XIHU, Rows.now(w.clock));
        days(1);
        w.fields.setValues(w.org.wang.asActor(), CustomEntity.CUSTOMER, outlet,
                Map.of("promotion", "双 11", "display_status", "不达标"));

        w.ruleRunner().runDue();

        assertThat(w.tasks.myOpen(w.org.wang.asActor(), 10)).extracting(Task::title)
                .containsExactly("整改联华超市文三路店的促销陈列并拍照回传");
    }

    @Test
    void medicalRegionalDispatchesALeadToARepOfItsRegion() {
        install("medical-regional");
        LeadService leads = new LeadService(db, w.clock, w.org.regions, w.org.customers);
        DispatchService dispatch = new DispatchService(db, w.clock, w.org.regions, leads,
                TemplateWorkspace.ZH);

        DispatchResult suzhou = dispatch.capture(w.org.admin.asActor(), new LeadDraft("苏州市立医院",
                "周医生", "0512-68881234", null, SalesOrgFixture.SUZHOU, "HOSPITAL", Tier.B, "展会", null),
                ChangeReason.user());
        DispatchResult hangzhou = dispatch.capture(w.org.admin.asActor(), new LeadDraft("杭州口腔医院",
                "吴医生", "0571-88881234", null, SalesOrgFixture.HANGZHOU, "HOSPITAL", Tier.B, "展会", null),
                ChangeReason.user());

        assertThat(suzhou.lead().ownerId()).isEqualTo(w.org.zhang.id());
        assertThat(hangzhou.lead().ownerId()).isIn(w.org.wang.id(), w.org.li.id());
    }

    @Test
    void newHire90DaysPutsAHireOnThePathWithATaskForEveryStep() {
        InstallPlan plan = w.templates.install(w.org.zjManager.asActor(), w.builtIn("new-hire-90-days"),
                TemplateWorkspace.ZH);
        assertThat(plan.changes()).extracting(PlanLine::kind).contains(ItemKind.FIELD, ItemKind.RULE,
                ItemKind.ONBOARDING, ItemKind.DASHBOARD);
        OnboardingPath path = w.onboarding.paths().stream()
                .filter(p -> p.name().equals(OnboardingService.NEW_HIRE_90_DAYS)).findFirst().orElseThrow();
        assertThat(path.definition().days()).isEqualTo(90);

        Assignment a = w.onboarding.assign(w.org.zjManager.asActor(), path.id(), w.org.wang.id(), w.org.li.id(),
                LocalDate.of(2026, 11, 2));

        // The hire learns (7 tasks); the mentor scores the 3 drills and fills in the 3 feedback forms.
        assertThat(w.tasks.myOpen(w.org.wang.asActor(), 50)).hasSize(7);
        assertThat(w.tasks.myOpen(w.org.li.asActor(), 50)).hasSize(6)
                .extracting(Task::title).anyMatch(t -> t.contains("产品讲解演练"));
        assertThat(w.onboarding.team(w.org.zjManager.asActor(), LocalDate.of(2026, 11, 2)))
                .extracting(p -> p.assignment().id()).containsExactly(a.id());
        assertThat(w.dashboards.teamDefault()).hasValueSatisfying(widgets ->
                assertThat(widgets).startsWith("kpi.DAILY_TOUCHES"));
        assertThat(w.fields.fields(CustomEntity.TASK)).extracting(f -> f.key())
                .containsExactly("mentor_feedback", "mentor_readiness");
    }

    @Test
    void newHire90DaysTellsTheManagerWhenAPracticeCustomerHasNoFollowUpFor7Days() {
        install("new-hire-90-days");
        UUID practice = w.org.customer(w.org.wang, "杭州新人练手客户", Tier.C, SalesOrgFixture.XIHU, null);
        w.org.customer(w.org.wang, "杭州普通客户", Tier.C, SalesOrgFixture.XIHU, null);
        w.fields.setValues(w.org.wang.asActor(), CustomEntity.CUSTOMER, practice, Map.of("practice_account", "true"));

        days(8);
        w.ruleRunner().runDue();

        assertThat(w.tasks.myOpen(w.org.wang.asActor(), 10)).extracting(Task::title)
                .containsExactly("跟进带教客户杭州新人练手客户，记录需求和下一步");
        assertThat(new NotificationService(db, w.clock).inbox(w.org.zjManager.asActor()))
                .filteredOn(n -> n.kind().equals(RuleRunner.NOTIFY_KIND)).singleElement()
                .satisfies(n -> assertThat(n.body()).contains("杭州新人练手客户", "7 天"));
    }
}
