package io.salesdesk.studio.field;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.workflow.approval.ApprovalRequest;
import io.salesdesk.workflow.approval.ApprovalService;
import io.salesdesk.workflow.approval.ApprovalSubject;
import io.salesdesk.workflow.approval.ApprovalTrigger;
import io.salesdesk.workflow.approval.ApprovalTrigger.FieldType;
import io.salesdesk.workflow.approval.UserDirectory;
import io.salesdesk.workflow.approval.flow.AnyOf;
import io.salesdesk.workflow.approval.flow.ApprovalStep;
import io.salesdesk.workflow.approval.flow.Approvers;
import io.salesdesk.workflow.approval.flow.Branch;
import io.salesdesk.workflow.approval.flow.Branches;
import io.salesdesk.workflow.approval.flow.FieldTest;
import io.salesdesk.workflow.approval.flow.FlowDefinition;
import io.salesdesk.workflow.approval.flow.Operator;
import io.salesdesk.workflow.approval.flow.SignMode;
import io.salesdesk.workflow.approval.flow.StepTimeout;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An approval flow that branches on the custom fields a director added to deals, on a real database. */
class FlowCustomValuesTest {

    @TempDir
    Path dataDir;

    Database db;
    SalesOrgFixture f;
    final TestClock clock = new TestClock(Instant.parse("2026-11-02T01:30:00Z"));
    CustomFieldService fields;
    OpportunityService opportunities;
    ApprovalService approvals;
    UUID hospital;

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new SalesOrgFixture(db, clock);
        fields = new CustomFieldService(db, clock);
        opportunities = new OpportunityService(db, clock);
        approvals = new ApprovalService(db, clock, cfg -> UserDirectory.using(cfg, clock), Locale.SIMPLIFIED_CHINESE,
                new FlowCustomValues(fields));
        approvals.register(new ApprovalTrigger("opportunity", "bid", List.of(new ApprovalTrigger.Field("amount",
                FieldType.MONEY))));
        fields.define(f.admin.asActor(), CustomEntity.OPPORTUNITY, new CustomFieldDraft("行业", "industry",
                io.salesdesk.studio.field.FieldType.SINGLE_CHOICE, List.of("医疗", "教育"), false, null, null));
        fields.define(f.admin.asActor(), CustomEntity.OPPORTUNITY, new CustomFieldDraft("客户预算", "budget",
                io.salesdesk.studio.field.FieldType.MONEY, List.of(), false, null, null));
        hospital = f.customer(f.wang, "浙江省中医院", Tier.A, SalesOrgFixture.XIHU, null);
        // 医疗 deals, or any deal whose customer budget passes 500,000, go to the manager.
        approvals.saveFlow(f.admin.asActor(), "opportunity", "bid", "投标审批", new FlowDefinition(List.of(
                new Branches("fork", true, List.of(
                        new Branch("医疗或大预算", new AnyOf(List.of(
                                new FieldTest("custom.industry", Operator.EQ, "医疗"),
                                new FieldTest("custom.budget", Operator.GT, "500000"))),
                                List.of(new ApprovalStep("manager", "主管审批", Approvers.manager(1), SignMode.ANY,
                                        StepTimeout.remindAfter(24)))),
                        new Branch("其他", null, List.of())))), true, false, false));
    }

    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void theDesignerOffersAnEntitysCustomFieldsByTheirOwnLabelsAfterItsBuiltInOnes() {
        ApprovalTrigger bid = approvals.triggers().stream().filter(t -> t.action().equals("bid")).findFirst().orElseThrow();

        assertThat(bid.fields()).extracting(ApprovalTrigger.Field::name, ApprovalTrigger.Field::type,
                ApprovalTrigger.Field::label).containsExactly(
                org.assertj.core.groups.Tuple.tuple("amount", FieldType.MONEY, null),
                org.assertj.core.groups.Tuple.tuple("custom.industry", FieldType.TEXT, "行业"),
                org.assertj.core.groups.Tuple.tuple("custom.budget", FieldType.MONEY, "客户预算"));
    }

    @Test
    void aDealIsRoutedByItsCustomValuesAndTheRequestKeepsThem() {
        Opportunity medical = deal("影像中心", Map.of("industry", "医疗"));
        Opportunity school = deal("智慧教室", Map.of("industry", "教育", "budget", "300000"));
        Opportunity bigSchool = deal("校园网", Map.of("industry", "教育", "budget", "800000.00"));

        assertThat(submit(medical)).as("医疗 takes the manager's branch").isPresent();
        assertThat(submit(school)).as("教育 under 500,000 needs no approval").isEmpty();
        assertThat(submit(bigSchool)).as("a budget compares as a number").isPresent();
        assertThat(approvals.inbox(f.zjManager.asActor())).extracting(t -> t.recordId())
                .containsExactlyInAnyOrder(medical.id(), bigSchool.id());
    }

    @Test
    void theDealsOwnFieldWinsOverACustomFieldOfTheSameName() {
        Opportunity medical = deal("影像中心", Map.of("industry", "医疗"));

        Optional<ApprovalRequest> request = approvals.submit(f.wang.asActor(), new ApprovalSubject("opportunity", "bid",
                medical.id(), medical.name(), Map.of("amount", new BigDecimal("10"), "custom.industry", "教育")));

        assertThat(request).as("the module said 教育, so the 医疗 branch does not apply").isEmpty();
    }

    private Opportunity deal(String name, Map<String, String> custom) {
        Opportunity deal = opportunities.create(f.wang.asActor(), new OpportunityDraft(hospital, name, f.wang.id(), null,
                new BigDecimal("100000"), null, null, null, null));
        fields.setValues(f.wang.asActor(), CustomEntity.OPPORTUNITY, deal.id(), custom);
        return deal;
    }

    private Optional<ApprovalRequest> submit(Opportunity deal) {
        return approvals.submit(f.wang.asActor(), new ApprovalSubject("opportunity", "bid", deal.id(), deal.name(),
                Map.of("amount", deal.amount())));
    }
}
