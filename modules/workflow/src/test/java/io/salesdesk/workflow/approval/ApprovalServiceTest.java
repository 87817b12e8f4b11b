package io.salesdesk.workflow.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.workflow.approval.flow.ApprovalStep;
import io.salesdesk.workflow.approval.flow.Approvers;
import io.salesdesk.workflow.approval.flow.Branch;
import io.salesdesk.workflow.approval.flow.Branches;
import io.salesdesk.workflow.approval.flow.FieldTest;
import io.salesdesk.workflow.approval.flow.FlowDefinition;
import io.salesdesk.workflow.approval.flow.FlowNode;
import io.salesdesk.workflow.approval.flow.Operator;
import io.salesdesk.workflow.approval.flow.SignMode;
import io.salesdesk.workflow.approval.flow.StepTimeout;
import io.salesdesk.workflow.notify.NotificationService;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The approval engine on a real database: every mode and action, as the people involved see it. */
class ApprovalServiceTest {

    @TempDir
    Path dataDir;

    Database db;
    SalesOrgFixture f;
    ApprovalService approvals;
    NotificationService inbox;
    User legal;
    User legal2;
    User finance;
    User gm;
    final List<String> outcomes = new ArrayList<>();
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new SalesOrgFixture(db, clock);
        db.transaction(cfg -> {
            UserRepository users = UserRepository.using(cfg, clock);
            ChangeReason reason = ChangeReason.of(ChangeReason.Kind.SYSTEM, "fixture");
            legal = user(users, reason, "legal", "法务孙", Role.LEGAL);
            legal2 = user(users, reason, "legal2", "法务周", Role.LEGAL);
            finance = user(users, reason, "finance", "财务吴", Role.FINANCE);
            gm = user(users, reason, "gm", "总经理郑", Role.GM);
        });
        approvals = new ApprovalService(db, clock, cfg -> UserDirectory.using(cfg, clock), Locale.SIMPLIFIED_CHINESE);
        approvals.onDecision("contract", (cfg, request, outcome) -> outcomes.add(request.title() + " " + outcome));
        inbox = new NotificationService(db, clock);
    }

    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private User user(UserRepository users, ChangeReason reason, String login, String name, Role role) {
        User u = new User(Ids.newId(clock), login, name, role, f.admin.orgUnitId(), f.admin.orgUnitName(),
                f.admin.orgPath(), null);
        users.insert(null, reason, u, null, null);
        return u;
    }

    // ------------------------------------------------------------------ flows used here

    /** The seed scenario: over 500,000 legal + finance + GM at once; otherwise the regional manager. */
    static FlowDefinition contractFlow() {
        Branches bigDeal = new Branches("bigDeal", false, List.of(
                new Branch("法务", null, List.of(step("legal", "法务审核", Approvers.role("LEGAL"), SignMode.ANY))),
                new Branch("财务", null, List.of(step("finance", "财务风控", Approvers.role("FINANCE"), SignMode.ANY))),
                new Branch("总经理", null, List.of(step("gm", "总经理审批", Approvers.role("GM"), SignMode.ANY)))));
        return new FlowDefinition(List.of(new Branches("byAmount", true, List.of(
                new Branch("金额超过 50 万", new FieldTest("amount", Operator.GT, "500000"), List.of(bigDeal)),
                new Branch("其他", null, List.of(step("manager", "区域经理审批", Approvers.manager(1), SignMode.ANY)))))),
                true, false, true);
    }

    static ApprovalStep step(String id, String name, Approvers who, SignMode mode) {
        return new ApprovalStep(id, name, who, mode, StepTimeout.remindAfter(24));
    }

    private static FlowDefinition flow(FlowNode... nodes) {
        return new FlowDefinition(List.of(nodes), true, false, true);
    }

    private void useFlow(FlowDefinition flow) {
        approvals.saveFlow(f.admin.asActor(), "contract", "submit", "合同审批", flow);
    }

    private ApprovalRequest submit(User by, String amount) {
        UUID record = Ids.newId(clock);
        return approvals.submit(by.asActor(), new ApprovalSubject("contract", "submit", record, "合同 ¥" + amount,
                Map.of("amount", new BigDecimal(amount), "ownerId", by.id().toString()))).orElseThrow();
    }

    private ApprovalTask taskOf(User approver) {
        List<ApprovalTask> mine = approvals.inbox(approver.asActor());
        assertThat(mine).as("%s's inbox", approver.displayName()).hasSize(1);
        return mine.get(0);
    }

    // ------------------------------------------------------------------ the seed scenario

    @Test
    void aContractOverHalfAMillionGoesToLegalFinanceAndTheGmAtOnceAndIsApprovedWhenAllThreeSign() {
        useFlow(contractFlow());
        ApprovalRequest request = submit(f.wang, "600000");

        assertThat(request.status()).isEqualTo(RequestStatus.PENDING);
        assertThat(approvals.inbox(legal.asActor())).extracting(ApprovalTask::stepName).containsExactly("法务审核");
        assertThat(approvals.inbox(legal2.asActor())).hasSize(1);
        assertThat(approvals.inbox(finance.asActor())).hasSize(1);
        assertThat(approvals.inbox(gm.asActor())).hasSize(1);
        assertThat(approvals.inbox(f.zjManager.asActor())).isEmpty();
        assertThat(taskOf(gm).dueAt()).isEqualTo(java.time.OffsetDateTime.now(clock).plusHours(24));
        assertThat(inbox.inbox(legal.asActor())).extracting(n -> n.title()).containsExactly("待审批：合同 ¥600000");

        approvals.approve(legal.asActor(), taskOf(legal).id(), "条款无误");
        assertThat(approvals.inbox(legal2.asActor())).as("first-wins: the other lawyer's task closes").isEmpty();
        approvals.approve(finance.asActor(), taskOf(finance).id(), null);
        assertThat(approvals.detail(request.id()).orElseThrow().request().status()).isEqualTo(RequestStatus.PENDING);

        ApprovalRequest done = approvals.approve(gm.asActor(), taskOf(gm).id(), "同意");

        assertThat(done.status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(outcomes).containsExactly("合同 ¥600000 APPROVED");
        assertThat(inbox.inbox(f.wang.asActor())).extracting(n -> n.title()).contains("审批通过：合同 ¥600000");
        assertThat(approvals.detail(request.id()).orElseThrow().history()).extracting(ApprovalEvent::kind)
                .containsExactly(ApprovalEvent.Kind.SUBMITTED, ApprovalEvent.Kind.APPROVED,
                        ApprovalEvent.Kind.APPROVED, ApprovalEvent.Kind.APPROVED, ApprovalEvent.Kind.COMPLETED);
    }

    @Test
    void aSmallerContractGoesToTheSubmittersRegionalManagerOnly() {
        useFlow(contractFlow());
        submit(f.wang, "300000");

        assertThat(taskOf(f.zjManager).stepName()).isEqualTo("区域经理审批");
        assertThat(approvals.inbox(legal.asActor())).isEmpty();
        assertThat(approvals.inbox(gm.asActor())).isEmpty();
    }

    @Test
    void theSimulatorShowsThePathAndApproversWithoutStartingAnything() {
        useFlow(contractFlow());

        Route big = approvals.simulate("contract", "submit", Map.of("amount", "600000"), f.wang.id()).orElseThrow();
        Route small = approvals.simulate("contract", "submit", Map.of("amount", "300000"), f.wang.id()).orElseThrow();

        assertThat(big.nodes()).singleElement().isInstanceOf(RouteParallel.class);
        assertThat(big.steps()).extracting(RouteStep::key).containsExactly("legal", "finance", "gm");
        assertThat(big.steps().get(0).approvers()).containsExactly(legal.id(), legal2.id());
        assertThat(small.steps()).singleElement().satisfies(s -> assertThat(s.approvers())
                .containsExactly(f.zjManager.id()));
        assertThat(approvals.inbox(legal.asActor())).isEmpty();
    }

    // ------------------------------------------------------------------ modes

    @Test
    void allMustSignWaitsForEveryoneAndOneRejectionRejects() {
        useFlow(flow(step("legal", "法务会签", Approvers.role("LEGAL"), SignMode.ALL)));
        ApprovalRequest first = submit(f.wang, "1000");
        approvals.approve(legal.asActor(), taskOf(legal).id(), null);
        assertThat(approvals.detail(first.id()).orElseThrow().request().status()).isEqualTo(RequestStatus.PENDING);
        assertThat(approvals.approve(legal2.asActor(), taskOf(legal2).id(), null).status())
                .isEqualTo(RequestStatus.APPROVED);

        ApprovalRequest second = submit(f.wang, "2000");
        ApprovalRequest rejected = approvals.reject(legal2.asActor(), taskOf(legal2).id(), "违约条款缺失", false);
        assertThat(rejected.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(approvals.inbox(legal.asActor())).as("the other signer's task closes").isEmpty();
        assertThat(outcomes).containsExactly("合同 ¥1000 APPROVED", "合同 ¥2000 REJECTED");
        assertThat(inbox.inbox(f.wang.asActor())).extracting(n -> n.title()).contains("审批驳回：合同 ¥2000");
        assertThat(second.id()).isEqualTo(rejected.id());
    }

    @Test
    void sequentialSignersSignOneAfterTheOther() {
        useFlow(flow(step("legal", "法务依次审批", Approvers.role("LEGAL"), SignMode.SEQUENTIAL)));
        submit(f.wang, "1000");

        assertThat(approvals.inbox(legal2.asActor())).as("second in line waits").isEmpty();
        approvals.approve(legal.asActor(), taskOf(legal).id(), null);
        assertThat(approvals.approve(legal2.asActor(), taskOf(legal2).id(), null).status())
                .isEqualTo(RequestStatus.APPROVED);
    }

    @Test
    void stepsInSequenceFollowEachOther() {
        useFlow(flow(step("manager", "区域经理", Approvers.manager(1), SignMode.ANY),
                step("gm", "总经理", Approvers.role("GM"), SignMode.ANY)));
        submit(f.wang, "1000");

        assertThat(approvals.inbox(gm.asActor())).isEmpty();
        approvals.approve(f.zjManager.asActor(), taskOf(f.zjManager).id(), null);
        assertThat(approvals.approve(gm.asActor(), taskOf(gm).id(), null).status()).isEqualTo(RequestStatus.APPROVED);
    }

    // ------------------------------------------------------------------ actions

    @Test
    void rejectingBackOneStepHasThePreviousStepSignAgainThenTheRouteGoesOn() {
        useFlow(flow(step("manager", "区域经理", Approvers.manager(1), SignMode.ANY),
                step("gm", "总经理", Approvers.role("GM"), SignMode.ANY)));
        ApprovalRequest request = submit(f.wang, "1000");
        approvals.approve(f.zjManager.asActor(), taskOf(f.zjManager).id(), null);

        ApprovalRequest back = approvals.reject(gm.asActor(), taskOf(gm).id(), "请区域经理确认回款条件", true);

        assertThat(back.status()).isEqualTo(RequestStatus.PENDING);
        assertThat(approvals.inbox(gm.asActor())).isEmpty();
        approvals.approve(f.zjManager.asActor(), taskOf(f.zjManager).id(), "已确认");
        assertThat(approvals.approve(gm.asActor(), taskOf(gm).id(), null).status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(approvals.detail(request.id()).orElseThrow().history()).extracting(ApprovalEvent::kind)
                .contains(ApprovalEvent.Kind.SENT_BACK);
    }

    @Test
    void aRejectionNeedsAReason() {
        useFlow(flow(step("gm", "总经理", Approvers.role("GM"), SignMode.ANY)));
        submit(f.wang, "1000");
        UUID task = taskOf(gm).id();

        assertThatThrownBy(() -> approvals.reject(gm.asActor(), task, " ", false))
                .isInstanceOf(SalesDeskException.class)
                .satisfies(e -> assertThat(((SalesDeskException) e).messageKey()).isEqualTo("approval.reason.required"));
        assertThat(approvals.inbox(gm.asActor())).hasSize(1);
    }

    @Test
    void aTransferredTaskMovesToTheNewApprover() {
        useFlow(flow(step("gm", "总经理", Approvers.role("GM"), SignMode.ANY)));
        submit(f.wang, "1000");

        approvals.transfer(gm.asActor(), taskOf(gm).id(), finance.id(), "出差，请财务代批");

        assertThat(approvals.inbox(gm.asActor())).isEmpty();
        assertThat(approvals.approve(finance.asActor(), taskOf(finance).id(), null).status())
                .isEqualTo(RequestStatus.APPROVED);
        assertThat(approvals.done(gm.asActor(), 10)).extracting(ApprovalTask::status)
                .containsExactly(TaskStatus.TRANSFERRED);
    }

    @Test
    void theSubmitterRecallsAPendingRequestAndNobodyCanActOnItAnyMore() {
        useFlow(flow(step("gm", "总经理", Approvers.role("GM"), SignMode.ANY)));
        ApprovalRequest request = submit(f.wang, "1000");
        UUID task = taskOf(gm).id();

        assertThatThrownBy(() -> approvals.recall(f.li.asActor(), request.id(), null))
                .isInstanceOf(SalesDeskException.class);
        assertThat(approvals.recall(f.wang.asActor(), request.id(), "金额要改").status()).isEqualTo(RequestStatus.RECALLED);

        assertThat(approvals.inbox(gm.asActor())).isEmpty();
        assertThatThrownBy(() -> approvals.approve(gm.asActor(), task, null))
                .isInstanceOf(SalesDeskException.class)
                .satisfies(e -> assertThat(((SalesDeskException) e).messageKey()).isEqualTo("approval.task.decided"));
        assertThat(outcomes).containsExactly("合同 ¥1000 RECALLED");
    }

    @Test
    void onlyTheApproverActsOnTheirTask() {
        useFlow(flow(step("gm", "总经理", Approvers.role("GM"), SignMode.ANY)));
        submit(f.wang, "1000");
        UUID task = taskOf(gm).id();

        assertThatThrownBy(() -> approvals.approve(f.wang.asActor(), task, null))
                .isInstanceOf(SalesDeskException.class)
                .satisfies(e -> assertThat(((SalesDeskException) e).messageKey()).isEqualTo("approval.task.notYours"));
    }

    @Test
    void aRecordCannotBeSubmittedTwiceWhilePending() {
        useFlow(flow(step("gm", "总经理", Approvers.role("GM"), SignMode.ANY)));
        UUID record = Ids.newId(clock);
        ApprovalSubject subject = new ApprovalSubject("contract", "submit", record, "合同 A", Map.of("amount", "1"));
        approvals.submit(f.wang.asActor(), subject);

        assertThatThrownBy(() -> approvals.submit(f.wang.asActor(), subject))
                .isInstanceOf(SalesDeskException.class)
                .satisfies(e -> assertThat(((SalesDeskException) e).messageKey()).isEqualTo("approval.alreadyPending"));
    }

    @Test
    void aStepWhoseApproverIsTheSubmitterApprovesItself() {
        useFlow(flow(step("manager", "区域经理", Approvers.user("chen"), SignMode.ANY),
                step("gm", "总经理", Approvers.role("GM"), SignMode.ANY)));
        submit(f.zjManager, "1000");

        assertThat(approvals.inbox(f.zjManager.asActor())).isEmpty();
        assertThat(approvals.inbox(gm.asActor())).hasSize(1);
    }

    @Test
    void withoutAnActiveFlowNothingNeedsApproval() {
        assertThat(approvals.submit(f.wang.asActor(), new ApprovalSubject("quote", "discount", Ids.newId(clock), "报价",
                Map.of()))).isEmpty();
    }

    @Test
    void aRecordNoBranchAppliesToStartsNoRequestAndTellsNobody() {
        useFlow(flow(new Branches("big", true, List.of(new Branch("大单",
                new FieldTest("amount", Operator.GT, "500000"), List.of(step("gm", "总经理审批", Approvers.role("GM"),
                SignMode.ANY)))))));
        UUID record = Ids.newId(clock);

        assertThat(approvals.submit(f.wang.asActor(), new ApprovalSubject("contract", "submit", record, "合同 ¥1000",
                Map.of("amount", new BigDecimal("1000"))))).isEmpty();
        assertThat(approvals.pendingFor("contract", record)).isEmpty();
        assertThat(approvals.submitted(f.wang.asActor(), 10)).isEmpty();
        assertThat(inbox.inbox(f.wang.asActor())).isEmpty();
        assertThat(outcomes).isEmpty();
    }

    @Test
    void aStepThatFindsNobodyToSignRefusesTheSubmission() {
        useFlow(flow(step("ops", "运营复核", Approvers.role("OPS"), SignMode.ANY)));

        assertThatThrownBy(() -> submit(f.wang, "1000"))
                .isInstanceOf(SalesDeskException.class)
                .satisfies(e -> assertThat(((SalesDeskException) e).messageKey()).isEqualTo("approval.noApprover"));
    }

    // ------------------------------------------------------------------ 加签: adding a signer

    @Test
    void aSignerAddedBeforeMeApprovesFirstThenMyTaskReopensAndMyApprovalDecidesTheStep() {
        useFlow(flow(step("gm", "总经理", Approvers.role("GM"), SignMode.ANY)));
        ApprovalRequest request = submit(f.wang, "1000");
        UUID mine = taskOf(gm).id();

        approvals.addSigner(gm.asActor(), mine, finance.id(), SignerPosition.BEFORE, "请财务先核回款条件");

        assertThat(approvals.inbox(gm.asActor())).as("my task waits for the signer").isEmpty();
        assertThat(approvals.done(gm.asActor(), 10)).as("and is listed with what I handled meanwhile")
                .singleElement().extracting(ApprovalTask::status).isEqualTo(TaskStatus.WAITING);
        ApprovalTask added = taskOf(finance);
        assertThat(added.addedFor()).isEqualTo(mine);
        assertThat(added.addedPosition()).isEqualTo(SignerPosition.BEFORE);
        assertThat(approvals.approve(finance.asActor(), added.id(), "回款条件可以").status())
                .as("the signer's approval does not decide the step").isEqualTo(RequestStatus.PENDING);
        assertThat(taskOf(gm).id()).as("my own task reopens").isEqualTo(mine);
        assertThat(inbox.inbox(gm.asActor())).extracting(n -> n.title()).contains("待审批：合同 ¥1000");

        assertThat(approvals.approve(gm.asActor(), mine, "同意").status()).isEqualTo(RequestStatus.APPROVED);
        List<ApprovalEvent> history = approvals.detail(request.id()).orElseThrow().history();
        assertThat(history).extracting(ApprovalEvent::kind).containsExactly(ApprovalEvent.Kind.SUBMITTED,
                ApprovalEvent.Kind.ADDED_SIGNER, ApprovalEvent.Kind.APPROVED, ApprovalEvent.Kind.APPROVED,
                ApprovalEvent.Kind.COMPLETED);
        assertThat(history.get(1)).satisfies(e -> {
            assertThat(e.actorName()).isEqualTo("总经理郑");
            assertThat(e.signerId()).isEqualTo(finance.id());
            assertThat(e.signerName()).isEqualTo("财务吴");
            assertThat(e.signerPosition()).isEqualTo(SignerPosition.BEFORE);
            assertThat(e.note()).isEqualTo("请财务先核回款条件");
        });
    }

    @Test
    void onAFirstWinsStepMyApprovalWaitsForTheSignerAddedAfterMe() {
        useFlow(flow(step("legal", "法务或签", Approvers.role("LEGAL"), SignMode.ANY)));
        ApprovalRequest request = submit(f.wang, "1000");
        approvals.addSigner(legal.asActor(), taskOf(legal).id(), finance.id(), SignerPosition.AFTER, null);
        assertThat(approvals.inbox(finance.asActor())).as("after me: not before I approved").isEmpty();

        ApprovalRequest afterMine = approvals.approve(legal.asActor(), taskOf(legal).id(), "条款无误");

        assertThat(afterMine.status()).as("my approval alone does not decide").isEqualTo(RequestStatus.PENDING);
        assertThat(approvals.detail(request.id()).orElseThrow().steps()).singleElement()
                .extracting(ApprovalStepState::status).isEqualTo(StepStatus.ACTIVE);
        assertThat(taskOf(finance).addedPosition()).isEqualTo(SignerPosition.AFTER);
        assertThat(approvals.approve(finance.asActor(), taskOf(finance).id(), null).status())
                .isEqualTo(RequestStatus.APPROVED);
        assertThat(approvals.inbox(legal2.asActor())).as("first-wins: the other lawyer's task closes").isEmpty();
    }

    @Test
    void inASequentialStepTheNextInLineWaitsForTheSignerAddedAfterTheOneBefore() {
        useFlow(flow(step("legal", "法务依次审批", Approvers.role("LEGAL"), SignMode.SEQUENTIAL)));
        submit(f.wang, "1000");
        approvals.addSigner(legal.asActor(), taskOf(legal).id(), finance.id(), SignerPosition.AFTER, null);

        approvals.approve(legal.asActor(), taskOf(legal).id(), null);

        assertThat(approvals.inbox(legal2.asActor())).as("second in line waits for the added signer").isEmpty();
        approvals.approve(finance.asActor(), taskOf(finance).id(), null);
        assertThat(approvals.approve(legal2.asActor(), taskOf(legal2).id(), null).status())
                .isEqualTo(RequestStatus.APPROVED);
    }

    @Test
    void aSignerAddedBeforeMeWhoRejectsRejectsTheRequest() {
        useFlow(flow(step("gm", "总经理", Approvers.role("GM"), SignMode.ANY)));
        ApprovalRequest request = submit(f.wang, "1000");
        approvals.addSigner(gm.asActor(), taskOf(gm).id(), finance.id(), SignerPosition.BEFORE, null);

        ApprovalRequest rejected = approvals.reject(finance.asActor(), taskOf(finance).id(), "首付款比例过低", false);

        assertThat(rejected.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(approvals.inbox(gm.asActor())).isEmpty();
        assertThat(outcomes).containsExactly("合同 ¥1000 REJECTED");
        assertThat(approvals.detail(request.id()).orElseThrow().tasks()).extracting(ApprovalTask::status)
                .containsExactlyInAnyOrder(TaskStatus.CANCELLED, TaskStatus.REJECTED);
    }

    @Test
    void aSignerAddedBeforeMeCanHandTheirTaskOnAndMineStillReopens() {
        useFlow(flow(step("gm", "总经理", Approvers.role("GM"), SignMode.ANY)));
        submit(f.wang, "1000");
        UUID mine = taskOf(gm).id();
        approvals.addSigner(gm.asActor(), mine, finance.id(), SignerPosition.BEFORE, null);

        approvals.transfer(finance.asActor(), taskOf(finance).id(), legal.id(), "请法务看");
        assertThat(taskOf(legal).addedFor()).isEqualTo(mine);
        approvals.approve(legal.asActor(), taskOf(legal).id(), null);

        assertThat(taskOf(gm).id()).isEqualTo(mine);
    }

    @Test
    void addingSomeoneWithAnOpenTaskOnTheStepOrMyselfOrTheSubmitterIsRefused() {
        useFlow(flow(step("legal", "法务会签", Approvers.role("LEGAL"), SignMode.ALL)));
        submit(f.wang, "1000");
        UUID mine = taskOf(legal).id();

        assertThatThrownBy(() -> approvals.addSigner(legal.asActor(), mine, legal2.id(), SignerPosition.BEFORE, null))
                .isInstanceOf(SalesDeskException.class)
                .satisfies(e -> {
                    assertThat(((SalesDeskException) e).messageKey()).isEqualTo("approval.signer.alreadyOnStep");
                    assertThat(((SalesDeskException) e).arguments()).containsExactly("法务周");
                });
        assertThatThrownBy(() -> approvals.addSigner(legal.asActor(), mine, legal.id(), SignerPosition.AFTER, null))
                .satisfies(e -> assertThat(((SalesDeskException) e).messageKey()).isEqualTo("approval.signer.invalid"));
        assertThatThrownBy(() -> approvals.addSigner(legal.asActor(), mine, f.wang.id(), SignerPosition.AFTER, null))
                .satisfies(e -> assertThat(((SalesDeskException) e).messageKey()).isEqualTo("approval.signer.submitter"));
        approvals.addSigner(legal.asActor(), mine, finance.id(), SignerPosition.AFTER, null);
        assertThatThrownBy(() -> approvals.addSigner(legal2.asActor(), taskOf(legal2).id(), finance.id(),
                SignerPosition.BEFORE, null))
                .as("a signer waiting after someone has an open task too")
                .satisfies(e -> assertThat(((SalesDeskException) e).messageKey())
                        .isEqualTo("approval.signer.alreadyOnStep"));
        assertThat(approvals.inbox(legal.asActor())).extracting(ApprovalTask::id).containsExactly(mine);
    }

    // ------------------------------------------------------------------ 外出委托: delegation

    private static final LocalDate NOV_28 = LocalDate.of(2026, 11, 28);

    @Test
    void whileADelegationIsInForceANewTaskGoesToTheDelegateOnBehalfOfTheApprover() {
        useFlow(flow(step("gm", "总经理", Approvers.role("GM"), SignMode.ANY)));
        approvals.delegate(gm.asActor(), NOV_28.minusDays(1), NOV_28.plusDays(2), finance.id(), "出差广州");

        ApprovalRequest request = submit(f.wang, "1000");

        assertThat(approvals.inbox(gm.asActor())).isEmpty();
        ApprovalTask delegated = taskOf(finance);
        assertThat(delegated.onBehalfOfId()).isEqualTo(gm.id());
        assertThat(delegated.onBehalfOfName()).isEqualTo("总经理郑");
        assertThat(inbox.inbox(finance.asActor())).extracting(n -> n.title()).contains("待审批：合同 ¥1000");
        assertThat(approvals.approve(finance.asActor(), delegated.id(), "代批同意").status())
                .isEqualTo(RequestStatus.APPROVED);
        assertThat(approvals.detail(request.id()).orElseThrow().history())
                .filteredOn(e -> e.kind() == ApprovalEvent.Kind.APPROVED).singleElement()
                .satisfies(e -> {
                    assertThat(e.actorName()).isEqualTo("财务吴");
                    assertThat(e.onBehalfOfName()).isEqualTo("总经理郑");
                });
    }

    @Test
    void outsideItsDatesInTheBusinessTimeZoneADelegationLeavesTasksWithTheApprover() {
        useFlow(flow(step("gm", "总经理", Approvers.role("GM"), SignMode.ANY)));
        approvals.delegate(gm.asActor(), NOV_28, NOV_28.plusDays(2), finance.id(), null);

        submit(f.wang, "1000");
        assertThat(taskOf(gm).onBehalfOfId()).as("27 November: not yet").isNull();

        clock.advance(Duration.ofHours(15)); // 27 Nov 17:00 UTC is 28 Nov 01:00 in Shanghai
        submit(f.wang, "2000");
        assertThat(taskOf(finance).requestTitle()).isEqualTo("合同 ¥2000");

        clock.advance(Duration.ofDays(3)); // 1 December in Shanghai
        submit(f.wang, "3000");
        assertThat(approvals.inbox(gm.asActor())).extracting(ApprovalTask::requestTitle)
                .containsExactlyInAnyOrder("合同 ¥1000", "合同 ¥3000");
        assertThat(approvals.inbox(finance.asActor())).hasSize(1);
    }

    @Test
    void aDelegationGoesOneHopAndNeverToTheSubmitter() {
        useFlow(flow(step("gm", "总经理", Approvers.role("GM"), SignMode.ANY),
                step("finance", "财务", Approvers.role("FINANCE"), SignMode.ANY)));
        approvals.delegate(gm.asActor(), NOV_28.minusDays(1), NOV_28, finance.id(), null);
        approvals.delegate(finance.asActor(), NOV_28.minusDays(1), NOV_28, legal.id(), null);

        submit(f.wang, "1000");
        assertThat(taskOf(finance).onBehalfOfId()).as("finance away too: not passed on to legal").isEqualTo(gm.id());
        approvals.approve(finance.asActor(), taskOf(finance).id(), null);
        assertThat(taskOf(legal).onBehalfOfId()).as("finance's own step goes to their delegate").isEqualTo(finance.id());

        approvals.cancelDelegation(finance.asActor(), approvals.delegations(finance.asActor()).get(0).id());
        approvals.delegate(finance.asActor(), NOV_28.minusDays(1), NOV_28, f.wang.id(), null);
        useFlow(flow(step("finance", "财务", Approvers.role("FINANCE"), SignMode.ANY)));
        submit(f.wang, "2000");
        assertThat(approvals.inbox(finance.asActor())).as("the delegate submitted it: it stays with finance")
                .singleElement().extracting(ApprovalTask::onBehalfOfId).isNull();
    }

    @Test
    void anOverlappingDelegationIsRefusedAndSoIsOneToMyselfOrInThePast() {
        Actor me = gm.asActor();
        ApprovalDelegation first = approvals.delegate(me, NOV_28, NOV_28.plusDays(2), finance.id(), null);

        assertThatThrownBy(() -> approvals.delegate(me, NOV_28.plusDays(2), NOV_28.plusDays(5), legal.id(), null))
                .isInstanceOf(SalesDeskException.class)
                .satisfies(e -> assertThat(((SalesDeskException) e).messageKey()).isEqualTo("approval.delegation.overlap"));
        assertThatThrownBy(() -> approvals.delegate(me, NOV_28.plusDays(3), NOV_28.plusDays(4), gm.id(), null))
                .satisfies(e -> assertThat(((SalesDeskException) e).messageKey()).isEqualTo("approval.delegation.invalid"));
        assertThatThrownBy(() -> approvals.delegate(me, NOV_28.minusDays(5), NOV_28.minusDays(2), legal.id(), null))
                .satisfies(e -> assertThat(((SalesDeskException) e).messageKey()).isEqualTo("approval.delegation.past"));
        assertThatThrownBy(() -> approvals.delegate(me, NOV_28.plusDays(4), NOV_28.plusDays(3), legal.id(), null))
                .satisfies(e -> assertThat(((SalesDeskException) e).messageKey()).isEqualTo("approval.delegation.dates"));
        ApprovalDelegation later = approvals.delegate(me, NOV_28.plusDays(3), NOV_28.plusDays(4), legal.id(), "年假");

        assertThat(approvals.delegations(me)).extracting(ApprovalDelegation::id).containsExactly(first.id(), later.id());
        assertThat(later.delegateName()).isEqualTo("法务孙");
        approvals.cancelDelegation(me, first.id());
        assertThat(approvals.delegations(me)).extracting(ApprovalDelegation::id).containsExactly(later.id());
        assertThat(approvals.delegate(me, NOV_28, NOV_28.plusDays(2), legal2.id(), null).delegateId())
                .as("the cancelled range is free again").isEqualTo(legal2.id());
        assertThatThrownBy(() -> approvals.cancelDelegation(finance.asActor(), later.id()))
                .satisfies(e -> assertThat(((SalesDeskException) e).messageKey())
                        .isEqualTo("approval.delegation.notFound"));
    }

    // ------------------------------------------------------------------ versions and validation

    @Test
    void aFlowEditedWhileRequestsRunLetsThemFinishOnTheirVersion() {
        useFlow(flow(step("gm", "总经理", Approvers.role("GM"), SignMode.ANY)));
        ApprovalRequest running = submit(f.wang, "1000");
        useFlow(flow(step("finance", "财务", Approvers.role("FINANCE"), SignMode.ANY)));

        ApprovalRequest next = submit(f.wang, "2000");

        assertThat(running.flowVersion()).isEqualTo(1);
        assertThat(next.flowVersion()).isEqualTo(2);
        assertThat(approvals.approve(gm.asActor(), taskOf(gm).id(), null).status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(taskOf(finance).requestId()).isEqualTo(next.id());
    }

    @Test
    void aFlowThatCannotRunIsRefusedWhenSaved() {
        Actor admin = f.admin.asActor();
        assertThatThrownBy(() -> approvals.saveFlow(admin, "contract", "submit", "空", flow()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> approvals.saveFlow(admin, "contract", "submit", "无人", flow(
                step("x", "无人审批", Approvers.role("NOBODY"), SignMode.ANY))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> approvals.saveFlow(admin, "contract", "submit", "否则在前", flow(new Branches("b", true,
                List.of(new Branch("其他", null, List.of(step("a", "A", Approvers.role("GM"), SignMode.ANY))),
                        new Branch("大额", new FieldTest("amount", Operator.GT, "1"),
                                List.of(step("c", "C", Approvers.role("GM"), SignMode.ANY))))))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> approvals.saveFlow(f.wang.asActor(), "contract", "submit", "合同审批", contractFlow()))
                .isInstanceOf(SalesDeskException.class);
        assertThat(approvals.flow("contract", "submit")).isEmpty();
    }

    // ------------------------------------------------------------------ concurrency

    @Test
    void twoApproversActingOnAFirstWinsStepAtOnceDecideItExactlyOnce() throws Exception {
        useFlow(flow(step("legal", "法务或签", Approvers.role("LEGAL"), SignMode.ANY)));
        ApprovalRequest request = submit(f.wang, "1000");
        UUID a = taskOf(legal).id();
        UUID b = taskOf(legal2).id();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = List.of(
                    pool.submit(() -> race(start, () -> approvals.approve(legal.asActor(), a, null))),
                    pool.submit(() -> race(start, () -> approvals.reject(legal2.asActor(), b, "不同意", false))));
            start.countDown();
            List<String> outcome = new ArrayList<>();
            for (Future<String> r : results) {
                outcome.add(r.get());
            }
            assertThat(outcome).filteredOn(s -> s.equals("decided")).hasSize(1);
            assertThat(outcome).filteredOn(s -> s.equals("approval.task.decided")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        ApprovalDetail detail = approvals.detail(request.id()).orElseThrow();
        assertThat(detail.request().status()).isIn(RequestStatus.APPROVED, RequestStatus.REJECTED);
        assertThat(outcomes).hasSize(1);
        assertThat(detail.tasks()).filteredOn(t -> t.status() == TaskStatus.APPROVED || t.status() == TaskStatus.REJECTED)
                .hasSize(1);
    }

    private static String race(CountDownLatch start, Callable<ApprovalRequest> act) throws InterruptedException {
        start.await();
        try {
            act.call();
            return "decided";
        } catch (SalesDeskException e) {
            return e.messageKey();
        } catch (Exception e) {
            return e.toString();
        }
    }
}
