package io.salesdesk.workflow.approval;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.board.escalation.Escalation;
import io.salesdesk.board.escalation.EscalationService;
import io.salesdesk.board.escalation.EscalationStatus;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.workflow.approval.flow.ApprovalStep;
import io.salesdesk.workflow.approval.flow.Approvers;
import io.salesdesk.workflow.approval.flow.FlowDefinition;
import io.salesdesk.workflow.approval.flow.FlowNode;
import io.salesdesk.workflow.approval.flow.SignMode;
import io.salesdesk.workflow.approval.flow.StepTimeout;
import io.salesdesk.workflow.approval.flow.TimeoutAction;
import io.salesdesk.workflow.notify.Notification;
import io.salesdesk.workflow.notify.NotificationService;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Step timeouts and approvers who leave, by advancing the clock over a real database. */
class ApprovalTimeoutsTest {

    @TempDir
    Path dataDir;

    Database db;
    SalesOrgFixture f;
    ApprovalService approvals;
    ApprovalTimeouts timeouts;
    EscalationService escalations;
    NotificationService inbox;
    User legal;
    User finance;
    User gm;
    final List<String> outcomes = new ArrayList<>();
    // Wednesday 10:00 in Beijing.
    final TestClock clock = new TestClock(Instant.parse("2026-11-25T02:00:00Z"));

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new SalesOrgFixture(db, clock);
        db.transaction(cfg -> {
            UserRepository users = UserRepository.using(cfg, clock);
            ChangeReason reason = ChangeReason.of(ChangeReason.Kind.SYSTEM, "fixture");
            gm = user(users, reason, "gm", "总经理郑", Role.GM, null);
            legal = user(users, reason, "legal", "法务孙", Role.LEGAL, gm.id());
            finance = user(users, reason, "finance", "财务吴", Role.FINANCE, gm.id());
        });
        approvals = new ApprovalService(db, clock, cfg -> UserDirectory.using(cfg, clock), Locale.SIMPLIFIED_CHINESE);
        approvals.onDecision("contract", (cfg, request, outcome) -> outcomes.add(outcome.name()));
        escalations = new EscalationService(db, clock);
        timeouts = new ApprovalTimeouts(db, clock, approvals, escalations, Locale.SIMPLIFIED_CHINESE);
        inbox = new NotificationService(db, clock);
    }

    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private User user(UserRepository users, ChangeReason reason, String login, String name, Role role, UUID manager) {
        User u = new User(Ids.newId(clock), login, name, role, f.admin.orgUnitId(), f.admin.orgUnitName(),
                f.admin.orgPath(), manager);
        users.insert(null, reason, u, null, null);
        return u;
    }

    private void useFlow(FlowNode... nodes) {
        approvals.saveFlow(f.admin.asActor(), "contract", "submit", "合同审批",
                new FlowDefinition(List.of(nodes), true, false, true));
    }

    private static ApprovalStep step(String id, String name, Approvers who, StepTimeout timeout) {
        return new ApprovalStep(id, name, who, SignMode.ANY, timeout);
    }

    private ApprovalRequest submit(String amount) {
        return approvals.submit(f.wang.asActor(), new ApprovalSubject("contract", "submit", Ids.newId(clock),
                "合同 ¥" + amount, Map.of("amount", new BigDecimal(amount), "regionCode", "330106")))
                .orElseThrow();
    }

    private List<Notification> overdueNotices(User who) {
        return inbox.inbox(who.asActor()).stream().filter(n -> n.kind().equals("approval.overdue")).toList();
    }

    private List<ApprovalEvent.Kind> history(ApprovalRequest r) {
        return approvals.detail(r.id()).orElseThrow().history().stream().map(ApprovalEvent::kind).toList();
    }

    private List<Escalation> openEscalations() {
        return escalations.column(f.admin.asActor(), EscalationStatus.OPEN, 100);
    }

    // ------------------------------------------------------------------ reminders and escalation

    @Test
    void legalIdleFor24HoursIsRemindedEscalatedToTheSupervisorBoardAndRemindedAgainAtTheInterval() {
        useFlow(step("legal", "法务审核", Approvers.role("LEGAL"),
                new StepTimeout(24, false, 8, true, TimeoutAction.NONE, null)));
        ApprovalRequest request = submit("600000");

        clock.advance(Duration.ofHours(23));
        assertThat(timeouts.runDue().overdue()).as("within the 24 hours nothing happens").isZero();
        assertThat(overdueNotices(legal)).isEmpty();

        clock.advance(Duration.ofHours(1));
        ApprovalTimeouts.Run run = timeouts.runDue();
        assertThat(run.overdue()).isEqualTo(1);
        assertThat(run.escalated()).isEqualTo(1);
        assertThat(overdueNotices(legal)).hasSize(1);
        assertThat(history(request)).contains(ApprovalEvent.Kind.TIMED_OUT);
        assertThat(openEscalations()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ApprovalTimeouts.OVERDUE_KIND);
            assertThat(e.ownerId()).as("the card is the stuck approver's, on their supervisor's board")
                    .isEqualTo(legal.id());
            assertThat(e.reason()).contains("法务审核").contains("法务孙");
        });

        assertThat(timeouts.runDue().overdue()).as("a second run in the same minute does nothing").isZero();
        clock.advance(Duration.ofHours(7));
        assertThat(timeouts.runDue().overdue()).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(timeouts.runDue().overdue()).as("the reminder repeats after 8 hours").isEqualTo(1);
        assertThat(overdueNotices(legal)).hasSize(2);
        assertThat(openEscalations()).as("escalated once, not again at each reminder").hasSize(1);
        assertThat(history(request).stream().filter(k -> k == ApprovalEvent.Kind.TIMED_OUT)).hasSize(1);

        approvals.approve(legal.asActor(), approvals.inbox(legal.asActor()).get(0).id(), null);
        clock.advance(Duration.ofHours(8));
        run = timeouts.runDue();
        assertThat(run.overdue()).as("a decided step has no alarm left").isZero();
        assertThat(run.resolved()).as("the card leaves the board by itself once the approval is decided").isEqualTo(1);
        assertThat(openEscalations()).isEmpty();
    }

    @Test
    void aStepWithoutRepeatRemindsOnceAndAnotherClientScanningAtTheSameMomentDoesNotRemindTwice() {
        useFlow(step("legal", "法务审核", Approvers.role("LEGAL"), StepTimeout.remindAfter(24)));
        submit("600000");
        clock.advance(Duration.ofHours(25));
        ApprovalRepository.Alarm alarm = db.transactionResult(cfg ->
                ApprovalRepository.using(cfg, clock).alarmsDue(io.salesdesk.db.Rows.now(clock), 10)).get(0);
        ApprovalService.Overdue seenByOne = approvals.overdue(alarm).orElseThrow();
        ApprovalService.Overdue seenByOther = approvals.overdue(alarm).orElseThrow();

        assertThat(approvals.ring(seenByOne)).contains(TimeoutAction.NONE);
        assertThat(approvals.ring(seenByOther)).as("the other client lost the compare-and-set").isEmpty();
        assertThat(overdueNotices(legal)).hasSize(1);
        clock.advance(Duration.ofDays(3));
        assertThat(timeouts.runDue().overdue()).as("no repeat configured").isZero();
    }

    @Test
    void workingHoursDoNotCountTheWeekend() {
        useFlow(step("legal", "法务审核", Approvers.role("LEGAL"),
                new StepTimeout(2, true, null, false, TimeoutAction.NONE, null)));
        clock.advance(Duration.ofDays(2).plusHours(7)); // Friday 17:00 in Beijing
        submit("100000");
        clock.advance(Duration.ofHours(40)); // Sunday 09:00
        assertThat(timeouts.runDue().overdue()).isZero();
        clock.advance(Duration.ofHours(24)); // Monday 09:00: one working hour on Friday, one left
        assertThat(timeouts.runDue().overdue()).isZero();
        clock.advance(Duration.ofHours(1)); // Monday 10:00
        assertThat(timeouts.runDue().overdue()).isEqualTo(1);
        assertThat(overdueNotices(legal)).hasSize(1);
    }

    // ------------------------------------------------------------------ timeout actions

    @Test
    void autoApproveOnTimeoutMovesTheRouteOnAndSaysSoInTheHistory() {
        useFlow(step("legal", "法务审核", Approvers.role("LEGAL"),
                        new StepTimeout(24, false, null, true, TimeoutAction.AUTO_APPROVE, null)),
                step("gm", "总经理审批", Approvers.role("GM"), null));
        ApprovalRequest request = submit("600000");
        clock.advance(Duration.ofHours(24));
        ApprovalTimeouts.Run run = timeouts.runDue();
        assertThat(run.actions()).containsEntry(TimeoutAction.AUTO_APPROVE, 1);
        assertThat(run.escalated()).as("nothing is stuck, so nothing to escalate").isZero();
        assertThat(approvals.inbox(legal.asActor())).isEmpty();
        assertThat(approvals.inbox(gm.asActor())).hasSize(1);
        assertThat(history(request)).containsSubsequence(ApprovalEvent.Kind.TIMED_OUT, ApprovalEvent.Kind.AUTO_APPROVED);
        assertThat(openEscalations()).isEmpty();
    }

    @Test
    void autoRejectOnTimeoutEndsTheRequestAndTellsTheOwningModule() {
        useFlow(step("legal", "法务审核", Approvers.role("LEGAL"),
                new StepTimeout(24, false, null, false, TimeoutAction.AUTO_REJECT, null)));
        ApprovalRequest request = submit("600000");
        clock.advance(Duration.ofHours(24));
        assertThat(timeouts.runDue().actions()).containsEntry(TimeoutAction.AUTO_REJECT, 1);
        assertThat(approvals.detail(request.id()).orElseThrow().request().status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(outcomes).containsExactly("REJECTED");
        assertThat(approvals.inbox(legal.asActor())).isEmpty();
    }

    @Test
    void onTimeoutTheStepIsHandedToTheAlternateApprover() {
        useFlow(step("legal", "法务审核", Approvers.user("legal"),
                new StepTimeout(24, false, null, true, TimeoutAction.ALTERNATE, Approvers.role("GM"))));
        ApprovalRequest request = submit("600000");
        clock.advance(Duration.ofHours(24));
        assertThat(timeouts.runDue().actions()).containsEntry(TimeoutAction.ALTERNATE, 1);
        assertThat(approvals.inbox(legal.asActor())).isEmpty();
        ApprovalTask handed = approvals.inbox(gm.asActor()).get(0);
        assertThat(history(request)).contains(ApprovalEvent.Kind.HANDED_OVER);
        approvals.approve(gm.asActor(), handed.id(), "代为审批");
        assertThat(approvals.detail(request.id()).orElseThrow().request().status()).isEqualTo(RequestStatus.APPROVED);
    }

    @Test
    void theHeadOfTheRecordsRegionSigns() {
        useFlow(step("region", "区域负责人", Approvers.regionHead(), null));
        submit("100000");
        assertThat(approvals.inbox(f.zjManager.asActor())).as("330106 is in 浙江大区, headed by 陈东").hasSize(1);
    }

    // ------------------------------------------------------------------ approvers who leave

    @Test
    void aLeaversOpenTaskGoesToTheirManagerAndWithoutOneIsFlaggedOnce() {
        useFlow(step("legal", "法务审核", Approvers.user("legal"), null));
        ApprovalRequest first = submit("600000");
        leaves(legal);
        ApprovalTimeouts.Run run = timeouts.runDue();
        assertThat(run.leaversMoved()).isEqualTo(1);
        assertThat(approvals.inbox(gm.asActor())).as("the leaver's manager takes it over").hasSize(1);
        assertThat(approvals.detail(first.id()).orElseThrow().history()).last()
                .satisfies(e -> assertThat(e.note()).contains("法务孙").contains("总经理郑"));

        useFlow(step("js", "江苏审批", Approvers.user("zhao"), null));
        ApprovalRequest second = submit("100000");
        leaves(f.jsManager);
        run = timeouts.runDue();
        assertThat(run.leaversFlagged()).isEqualTo(1);
        assertThat(history(second)).contains(ApprovalEvent.Kind.APPROVER_LEFT);
        assertThat(inbox.inbox(f.wang.asActor())).anySatisfy(n -> assertThat(n.kind()).isEqualTo("approval.approverLeft"));
        assertThat(openEscalations()).anySatisfy(e -> assertThat(e.kind()).isEqualTo(ApprovalTimeouts.LEFT_KIND));
        assertThat(timeouts.runDue().leaversFlagged()).as("flagged once, not every minute").isZero();

        UUID flaggedTask = approvals.detail(second.id()).orElseThrow().tasks().stream()
                .filter(t -> t.status() == TaskStatus.PENDING).findFirst().orElseThrow().id();
        assertThatThrownBy(() -> approvals.reassign(f.wang.asActor(), flaggedTask, finance.id(), "我来安排"))
                .as("only a company-wide role reassigns someone else's task")
                .hasMessageContaining("approval.flow.notAllowed");
        approvals.reassign(f.admin.asActor(), flaggedTask, finance.id(), "赵南已离职，由财务吴代审");
        assertThat(approvals.inbox(finance.asActor())).singleElement()
                .satisfies(t -> assertThat(t.requestId()).isEqualTo(second.id()));
        assertThat(timeouts.runDue().resolved()).as("a request no longer waiting on the leaver leaves the board")
                .isEqualTo(1);
        assertThat(openEscalations()).noneSatisfy(e -> assertThat(e.kind()).isEqualTo(ApprovalTimeouts.LEFT_KIND));
    }

    private void leaves(User who) {
        db.transaction(cfg -> DSL.using(cfg).update(APP_USER).set(APP_USER.ACTIVE, false)
                .where(APP_USER.ID.eq(who.id())).execute());
    }
}
