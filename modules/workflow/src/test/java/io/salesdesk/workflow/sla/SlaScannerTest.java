package io.salesdesk.workflow.sla;

import static io.salesdesk.db.jooq.Tables.LEAD;
import static io.salesdesk.db.jooq.Tables.SLA_RULE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.board.escalation.Escalation;
import io.salesdesk.board.escalation.EscalationService;
import io.salesdesk.board.escalation.EscalationStatus;
import io.salesdesk.core.BoardRank;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.crm.ActivityDraft;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.crm.lead.LeadRepository;
import io.salesdesk.crm.lead.LeadStatus;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.workflow.notify.Notification;
import io.salesdesk.workflow.notify.NotificationService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Follow-up SLAs fired by moving the clock, on a real HSQLDB: no sleeps. */
class SlaScannerTest {

    @TempDir
    Path dataDir;

    Database db;
    SalesOrgFixture f;
    EscalationService escalations;
    NotificationService inbox;
    SlaScanner scanner;
    // Friday 2026-11-27 10:00 in China.
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new SalesOrgFixture(db, clock);
        escalations = new EscalationService(db, clock);
        inbox = new NotificationService(db, clock);
        scanner = new SlaScanner(db, clock, escalations, Locale.SIMPLIFIED_CHINESE);
        // The seeded rules were switched on when the schema was made; here, at the test's start.
        db.transaction(cfg -> DSL.using(cfg).update(SLA_RULE).set(SLA_RULE.ACTIVE_SINCE, OffsetDateTime.now(clock))
                .execute());
    }

    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private UUID tierACustomerFollowedUpNow() {
        return f.customer(f.wang, "杭州西湖医院", Tier.A, SalesOrgFixture.XIHU, OffsetDateTime.now(clock));
    }

    private List<Escalation> openEscalations() {
        return escalations.column(f.admin.asActor(), EscalationStatus.OPEN, 100);
    }

    @Test
    void theOwnerIsRemindedOnDayTwoAndTheSupervisorBoardGetsItOnDayThree() {
        UUID customer = tierACustomerFollowedUpNow();

        clock.advance(Duration.ofDays(1));
        assertThat(scanner.scan().reminders()).isZero();

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        SlaScanner.Report dayTwo = scanner.scan();
        assertThat(dayTwo.reminders()).isEqualTo(1);
        assertThat(dayTwo.escalations()).isZero();
        List<Notification> wangs = inbox.inbox(f.wang.asActor());
        assertThat(wangs).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo("sla.remind");
            assertThat(n.body()).contains("杭州西湖医院").contains("2 天");
            assertThat(n.subjectId()).isEqualTo(customer);
        });
        assertThat(openEscalations()).isEmpty();

        clock.advance(Duration.ofDays(1));
        SlaScanner.Report dayThree = scanner.scan();
        assertThat(dayThree.escalations()).isEqualTo(1);
        assertThat(openEscalations()).singleElement().satisfies(e -> {
            assertThat(e.subjectId()).isEqualTo(customer);
            assertThat(e.ownerId()).isEqualTo(f.wang.id());
            assertThat(e.reason()).contains("3 天").contains("王一");
        });
        assertThat(inbox.inbox(f.zjManager.asActor())).extracting(Notification::kind).containsExactly("sla.escalate");

        SlaScanner.Report again = scanner.scan();
        assertThat(again.reminders() + again.escalations()).as("each lapse fires once").isZero();
        assertThat(inbox.inbox(f.wang.asActor())).hasSize(2);
    }

    @Test
    void aFollowUpStartsANewLapse() {
        UUID customer = tierACustomerFollowedUpNow();
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        assertThat(scanner.scan().reminders()).isEqualTo(1);

        f.customers.logFollowUp(f.wang.asActor(), customer, new ActivityDraft(ActivityKind.CALL, null, null, 10,
                "电话回访", null, null, null));
        clock.advance(Duration.ofDays(1));
        assertThat(scanner.scan().reminders()).as("one day after the new follow-up").isZero();
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(scanner.scan().reminders()).isEqualTo(1);
    }

    @Test
    void afterAWeekAsleepEachDueActionFiresOnceNotAStorm() {
        tierACustomerFollowedUpNow();
        f.customer(f.li, "杭州拱墅医院", Tier.A, SalesOrgFixture.XIHU, OffsetDateTime.now(clock));

        clock.advance(Duration.ofDays(7));
        SlaScanner.Report catchUp = scanner.scan();

        assertThat(catchUp.reminders()).isEqualTo(2);
        assertThat(catchUp.escalations()).isEqualTo(2);
        assertThat(openEscalations()).hasSize(2);
        assertThat(inbox.inbox(f.wang.asActor())).hasSize(2);
        SlaScanner.Report next = scanner.scan();
        assertThat(next.reminders() + next.escalations()).isZero();
    }

    @Test
    void oldBacklogFromBeforeTheRuleWasSwitchedOnIsNotNews() {
        f.customer(f.wang, "半年没跟进的医院", Tier.A, SalesOrgFixture.XIHU, OffsetDateTime.now(clock).minusDays(180));

        SlaScanner.Report report = scanner.scan();

        assertThat(report.reminders() + report.escalations()).isZero();
    }

    @Test
    void aRuleNamingARemovedFieldIsSwitchedOffWithTheReasonAndTheOthersStillRun() {
        db.transaction(cfg -> DSL.using(cfg).update(SLA_RULE).set(SLA_RULE.SINCE_FIELD, "custom.lastDemoAt")
                .where(SLA_RULE.CODE.eq("followUpB")).execute());
        tierACustomerFollowedUpNow();
        clock.advance(Duration.ofDays(2).plusMinutes(1));

        SlaScanner.Report report = scanner.scan();

        assertThat(report.disabledRules()).containsExactly("followUpB");
        assertThat(report.reminders()).isEqualTo(1);
        SlaRule broken = db.transactionResult(cfg -> SlaRuleRepository.using(cfg).all()).stream()
                .filter(r -> r.code().equals("followUpB")).findFirst().orElseThrow();
        assertThat(broken.enabled()).isFalse();
        assertThat(broken.disabledReason()).contains("custom.lastDemoAt").contains("停用");
    }

    @Test
    void aLeadNotRespondedWithinThirtyWorkingMinutesGoesToTheManager() {
        // Assigned Friday 17:50 China time: ten working minutes that day, twenty on Monday morning.
        OffsetDateTime friday1750 = OffsetDateTime.parse("2026-11-27T17:50:00+08:00").withOffsetSameInstant(ZoneOffset.UTC);
        clock.advance(Duration.between(clock.instant(), friday1750.toInstant()));
        UUID lead = assignedLead(friday1750);

        clock.advance(Duration.ofMinutes(40)); // Friday 18:30
        assertThat(scanner.scan().escalations()).isZero();
        clock.advance(Duration.ofHours(62).plusMinutes(49)); // Monday 09:19
        assertThat(scanner.scan().escalations()).isZero();
        clock.advance(Duration.ofMinutes(2)); // Monday 09:21
        assertThat(scanner.scan().escalations()).isEqualTo(1);

        assertThat(openEscalations()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("LEAD_NO_RESPONSE");
            assertThat(e.subjectId()).isEqualTo(lead);
        });
        assertThat(inbox.inbox(f.zjManager.asActor())).singleElement()
                .satisfies(n -> assertThat(n.body()).contains("线索").contains("30 分钟"));
    }

    @Test
    void aHolidayMarkedInTheCalendarAndShorterWorkingHoursMoveTheDeadline() {
        CalendarService calendar = new CalendarService(db, clock);
        // Monday is a holiday (a made-up one) and the working day ends at 17:00.
        calendar.mark(f.admin.asActor(), java.time.LocalDate.of(2026, 11, 30), null, CalendarDay.Kind.HOLIDAY, "测试假日");
        calendar.saveWorkingHours(f.admin.asActor(), java.time.LocalTime.of(9, 0), java.time.LocalTime.of(17, 0));
        // Assigned Friday 16:50: ten working minutes that day, then nothing until Tuesday 09:00.
        OffsetDateTime friday1650 = OffsetDateTime.parse("2026-11-27T16:50:00+08:00").withOffsetSameInstant(ZoneOffset.UTC);
        clock.advance(Duration.between(clock.instant(), friday1650.toInstant()));
        assignedLead(friday1650);

        clock.advance(Duration.ofDays(3).plusHours(16).plusMinutes(29)); // Tuesday 09:19
        assertThat(scanner.scan().escalations()).isZero();
        clock.advance(Duration.ofMinutes(2)); // Tuesday 09:21
        assertThat(scanner.scan().escalations()).isEqualTo(1);
    }

    @Test
    void theCalendarRefusesBackwardSpansNamelessDaysAndPeopleWithoutTheRight() {
        CalendarService calendar = new CalendarService(db, clock);
        var admin = f.admin.asActor();

        assertThatThrownBy(() -> calendar.mark(admin, java.time.LocalDate.of(2026, 10, 8),
                java.time.LocalDate.of(2026, 10, 1), CalendarDay.Kind.HOLIDAY, " "))
                .isInstanceOfSatisfying(io.salesdesk.core.ValidationException.class, e -> assertThat(e.problems())
                        .extracting(io.salesdesk.core.ValidationException.FieldProblem::field)
                        .containsExactlyInAnyOrder("to", "name"));
        assertThatThrownBy(() -> calendar.saveWorkingHours(admin, java.time.LocalTime.of(18, 0),
                java.time.LocalTime.of(9, 0))).isInstanceOf(io.salesdesk.core.ValidationException.class);
        assertThatThrownBy(() -> calendar.mark(f.zjManager.asActor(), java.time.LocalDate.of(2026, 10, 1), null,
                CalendarDay.Kind.HOLIDAY, "国庆节")).isInstanceOf(io.salesdesk.core.SalesDeskException.class);

        calendar.mark(admin, java.time.LocalDate.of(2026, 10, 1), java.time.LocalDate.of(2026, 10, 7),
                CalendarDay.Kind.HOLIDAY, "国庆节");
        calendar.mark(admin, java.time.LocalDate.of(2026, 10, 10), null, CalendarDay.Kind.WORKDAY, "国庆节调休");
        calendar.unmark(admin, java.time.LocalDate.of(2026, 10, 7));
        assertThat(calendar.days()).hasSize(7).last()
                .isEqualTo(new CalendarDay(java.time.LocalDate.of(2026, 10, 10), CalendarDay.Kind.WORKDAY, "国庆节调休"));
        WorkingCalendar working = db.transactionResult(cfg -> CalendarRepository.using(cfg).calendar());
        assertThat(working.isWorkingDay(java.time.LocalDate.of(2026, 10, 6))).isFalse();
        assertThat(working.isWorkingDay(java.time.LocalDate.of(2026, 10, 7))).isTrue();
        assertThat(working.isWorkingDay(java.time.LocalDate.of(2026, 10, 10))).as("a Saturday worked").isTrue();
    }

    private UUID assignedLead(OffsetDateTime at) {
        UUID id = Ids.newId(clock);
        db.transaction(cfg -> LeadRepository.using(cfg, clock).insertAll(null,
                ChangeReason.of(ChangeReason.Kind.SYSTEM, "test"), List.of(new LeadRepository.NewLead(id,
                        new LeadDraft("西湖口腔诊所", "周医生", null, null, SalesOrgFixture.XIHU, "CLINIC", null, "官网", null),
                        LeadStatus.ASSIGNED, f.wang.id(), at, "分配给王一", null, BoardRank.first(), at))));
        int leads = db.transactionResult(cfg -> DSL.using(cfg).fetchCount(LEAD));
        assertThat(leads).isEqualTo(1);
        return id;
    }
}
