package io.salesdesk.board.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.board.BoardFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.core.Actor;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.User;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Escalations on a real HSQLDB: raised by rules, worked by supervisors. */
class EscalationServiceTest {

    private static final String OVERDUE = "followUpOverdue";
    private static final int LIMIT = 100;

    @TempDir
    Path dataDir;

    Database db;
    BoardFixture f;
    EscalationService escalations;
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new BoardFixture(db, clock);
        escalations = new EscalationService(db, clock);
    }

    /** The database the tests run on: HSQLDB here, PostgreSQL in the subclass. */
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Escalation raiseAbout(User owner, String label) {
        return escalations.raise(OVERDUE, new EscalationSubject("customer", UUID.randomUUID(), label), owner.id(),
                "超过 7 天未跟进", OffsetDateTime.now(clock).plusDays(1));
    }

    private Actor chen() {
        return f.eastManager.asActor();
    }

    private List<String> labels(Actor viewer, EscalationStatus status) {
        return escalations.column(viewer, status, LIMIT).stream().map(Escalation::subjectLabel).toList();
    }

    @Test
    void aRaisedEscalationIsAnOpenCardOnTopRecordedAsTheRulesChange() {
        raiseAbout(f.wang, "苏州康华医院");
        clock.advance(Duration.ofMinutes(1));
        Escalation second = raiseAbout(f.li, "苏州第一医院");

        assertThat(second.status()).isEqualTo(EscalationStatus.OPEN);
        assertThat(second.ownerName()).isEqualTo("李二");
        assertThat(second.raisedAt()).isEqualTo(OffsetDateTime.now(clock));
        assertThat(second.version()).isEqualTo(1);
        assertThat(labels(chen(), EscalationStatus.OPEN)).containsExactly("苏州第一医院", "苏州康华医院");
        List<ChangeEntry> history = f.history(second.id());
        assertThat(history).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo(ChangeEntry.Operation.INSERT);
            assertThat(e.changedBy()).as("the system").isNull();
            assertThat(e.reasonKind()).isEqualTo("RULE");
            assertThat(e.reasonDetail()).isEqualTo(OVERDUE);
        });
    }

    @Test
    void raisingAgainWhileOpenOrAcknowledgedReturnsTheSameCard() {
        EscalationSubject subject = new EscalationSubject("customer", UUID.randomUUID(), "苏州康华医院");
        Escalation first = escalations.raise(OVERDUE, subject, f.wang.id(), "超过 7 天未跟进", null);
        Escalation again = escalations.raise(OVERDUE, subject, f.wang.id(), "超过 8 天未跟进", null);
        Escalation acknowledged = escalations.acknowledge(chen(), first.id(), first.version());
        Escalation whileAcknowledged = escalations.raise(OVERDUE, subject, f.wang.id(), "超过 9 天未跟进", null);

        assertThat(again).isEqualTo(first);
        assertThat(whileAcknowledged).isEqualTo(acknowledged);
        assertThat(escalations.counts(f.admin.asActor()))
                .isEqualTo(Map.of(EscalationStatus.OPEN, 0, EscalationStatus.ACKNOWLEDGED, 1,
                        EscalationStatus.RESOLVED, 0));
        assertThat(f.history(first.id())).hasSize(2);
    }

    @Test
    void aResolvedEscalationOrAnotherKindIsRaisedAfresh() {
        EscalationSubject subject = new EscalationSubject("customer", UUID.randomUUID(), "苏州康华医院");
        Escalation first = escalations.raise(OVERDUE, subject, f.wang.id(), "超过 7 天未跟进", null);
        Escalation otherKind = escalations.raise("approvalStuck", subject, f.wang.id(), "审批卡住", null);
        escalations.resolve(chen(), first.id(), first.version(), "已电话沟通");

        Escalation raisedAgain = escalations.raise(OVERDUE, subject, f.wang.id(), "又超过 7 天未跟进", null);

        assertThat(otherKind.id()).isNotEqualTo(first.id());
        assertThat(raisedAgain.id()).isNotEqualTo(first.id());
        assertThat(raisedAgain.status()).isEqualTo(EscalationStatus.OPEN);
    }

    @Test
    void acknowledgingStampsWhoAndWhenAndMovesTheCard() {
        Escalation raised = raiseAbout(f.wang, "苏州康华医院");
        clock.advance(Duration.ofHours(2));

        Escalation acknowledged = escalations.acknowledge(chen(), raised.id(), raised.version());

        assertThat(acknowledged.status()).isEqualTo(EscalationStatus.ACKNOWLEDGED);
        assertThat(acknowledged.acknowledgedBy()).isEqualTo(f.eastManager.id());
        assertThat(acknowledged.acknowledgedAt()).isEqualTo(OffsetDateTime.now(clock));
        assertThat(acknowledged.version()).isEqualTo(2);
        assertThat(labels(chen(), EscalationStatus.OPEN)).isEmpty();
        assertThat(labels(chen(), EscalationStatus.ACKNOWLEDGED)).containsExactly("苏州康华医院");
        assertThat(f.history(raised.id())).last().satisfies(e -> {
            assertThat(e.changedBy()).isEqualTo(f.eastManager.id());
            assertThat(e.changes()).containsKeys("status", "acknowledgedAt", "acknowledgedBy");
        });
    }

    @Test
    void aManagerReassignsWithinTheirSubtreeOnly() {
        Escalation raised = raiseAbout(f.wang, "苏州康华医院");

        Escalation reassigned = escalations.reassign(chen(), raised.id(), raised.version(), f.li.id());

        assertThat(reassigned.ownerId()).isEqualTo(f.li.id());
        assertThat(reassigned.ownerName()).isEqualTo("李二");
        assertThatThrownBy(() -> escalations.reassign(chen(), raised.id(), reassigned.version(), f.zhang.id()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::messageKey)
                        .containsExactly("escalation.owner.notAllowed"));
        assertThat(escalations.open(chen(), raised.id()).orElseThrow().ownerId()).isEqualTo(f.li.id());
    }

    @Test
    void resolvingRecordsTheNoteAndWhoResolved() {
        Escalation raised = raiseAbout(f.wang, "苏州康华医院");

        Escalation resolved = escalations.resolve(chen(), raised.id(), raised.version(), " 已电话沟通，本周拜访 ");

        assertThat(resolved.status()).isEqualTo(EscalationStatus.RESOLVED);
        assertThat(resolved.resolutionNote()).isEqualTo("已电话沟通，本周拜访");
        assertThat(resolved.resolvedBy()).isEqualTo(f.eastManager.id());
        assertThat(resolved.resolvedAt()).isEqualTo(OffsetDateTime.now(clock));
        assertThat(labels(chen(), EscalationStatus.RESOLVED)).containsExactly("苏州康华医院");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void resolvingWithoutANoteIsRefusedAndChangesNothing(String note) {
        Escalation raised = raiseAbout(f.wang, "苏州康华医院");

        assertThatThrownBy(() -> escalations.resolve(chen(), raised.id(), raised.version(), note))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::messageKey)
                        .containsExactly("escalation.resolutionNote.required"));
        assertThatThrownBy(() -> escalations.move(chen(), raised.id(), raised.version(), EscalationStatus.RESOLVED,
                note, null)).isInstanceOf(ValidationException.class);
        assertThat(escalations.open(chen(), raised.id()).orElseThrow()).isEqualTo(raised);
    }

    @Test
    void aRepMayNotActOnEscalationsEvenTheirOwn() {
        Escalation raised = raiseAbout(f.wang, "苏州康华医院");
        Actor wang = f.wang.asActor();

        assertThat(escalations.open(wang, raised.id())).as("the rep sees their own card").isPresent();
        assertThatThrownBy(() -> escalations.acknowledge(wang, raised.id(), raised.version()))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("escalation.notAllowed"));
        assertThatThrownBy(() -> escalations.resolve(wang, raised.id(), raised.version(), "自己处理了"))
                .isInstanceOf(SalesDeskException.class);
        assertThatThrownBy(() -> escalations.move(wang, raised.id(), raised.version(), EscalationStatus.ACKNOWLEDGED,
                null, null)).isInstanceOf(SalesDeskException.class);
        assertThat(escalations.open(wang, raised.id()).orElseThrow().status()).isEqualTo(EscalationStatus.OPEN);
    }

    @Test
    void aSupervisorSeesAndWorksOnlyTheEscalationsOfTheirSubtree() {
        Escalation wangs = raiseAbout(f.wang, "苏州康华医院");
        raiseAbout(f.zhang, "广州南方医院");

        assertThat(labels(chen(), EscalationStatus.OPEN)).containsExactly("苏州康华医院");
        assertThat(labels(f.southManager.asActor(), EscalationStatus.OPEN)).containsExactly("广州南方医院");
        assertThat(labels(f.admin.asActor(), EscalationStatus.OPEN)).hasSize(2);
        assertThat(escalations.open(f.li.asActor(), wangs.id())).isEmpty();
        assertThat(escalations.counts(f.southManager.asActor())).containsEntry(EscalationStatus.OPEN, 1);
        assertThatThrownBy(() -> escalations.acknowledge(f.southManager.asActor(), wangs.id(), wangs.version()))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("escalation.notFound"));
        assertThat(escalations.acknowledge(f.admin.asActor(), wangs.id(), wangs.version()).status())
                .isEqualTo(EscalationStatus.ACKNOWLEDGED);
    }

    @Test
    void actingOnAStaleVersionFailsAndKeepsTheOtherChange() {
        Escalation raised = raiseAbout(f.wang, "苏州康华医院");
        escalations.acknowledge(f.admin.asActor(), raised.id(), raised.version());

        assertThatThrownBy(() -> escalations.resolve(chen(), raised.id(), raised.version(), "已处理"))
                .isInstanceOfSatisfying(StaleRecordException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(((Escalation) e.current()).version()).isEqualTo(2);
                });
        Escalation now = escalations.open(chen(), raised.id()).orElseThrow();
        assertThat(now.status()).isEqualTo(EscalationStatus.ACKNOWLEDGED);
        assertThat(now.acknowledgedBy()).isEqualTo(f.admin.id());
        assertThat(now.resolutionNote()).isNull();
    }

    @Test
    void movingBackToOpenKeepsTheAcknowledgementAndClearsTheResolution() {
        Escalation raised = raiseAbout(f.wang, "苏州康华医院");
        Escalation acknowledged = escalations.move(chen(), raised.id(), raised.version(),
                EscalationStatus.ACKNOWLEDGED, null, null);
        Escalation resolved = escalations.move(chen(), raised.id(), acknowledged.version(), EscalationStatus.RESOLVED,
                "已处理", null);

        Escalation reopened = escalations.move(chen(), raised.id(), resolved.version(), EscalationStatus.OPEN, null,
                null);

        assertThat(resolved.resolutionNote()).isEqualTo("已处理");
        assertThat(reopened.status()).isEqualTo(EscalationStatus.OPEN);
        assertThat(reopened.acknowledgedBy()).isEqualTo(f.eastManager.id());
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(reopened.resolutionNote()).isNull();
        assertThat(f.history(raised.id())).hasSize(4);
    }
}
