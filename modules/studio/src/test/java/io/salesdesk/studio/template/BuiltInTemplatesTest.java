package io.salesdesk.studio.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.salesdesk.board.escalation.Escalation;
import io.salesdesk.board.escalation.EscalationStatus;
import io.salesdesk.board.task.Task;
import io.salesdesk.crm.ActivityDraft;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.dispatch.DispatchSettings;
import io.salesdesk.insight.tier.Completion;
import io.salesdesk.studio.field.CustomEntity;
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
                Map.of("key_account", "true", "tech_contact", "周工", "competitors", "迈瑞\n联影"));

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
}
