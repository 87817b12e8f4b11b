package io.salesdesk.insight.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The daily report (日报) of one team, or of the whole company, for one period: the day before,
 * or, on the first working day after a weekend or holiday, every day since the last working day.
 * Every figure was counted in the database over the period's window in the company's time zone,
 * soft-deleted rows left out and the viewer's visibility applied.
 *
 * @param period      the days covered and their window
 * @param scope       the team (or the company) reported on
 * @param generatedAt when it was computed
 * @param teams       one line per team within the scope, with its totals
 * @param activities  per rep: follow-ups by kind and effective customer touches
 * @param leads       leads created in the period, with their response times
 * @param leadTotals  the leads' count and response figures
 * @param stageMoves  opportunity stage moves recorded in the period
 * @param approvals   approval requests still waiting at the end of the period
 * @param collections collections (回款) overdue or due within {@link #COLLECTIONS_AHEAD_DAYS} days
 * @param alerts      SLA escalations, demand surges and frozen orders raised in the period
 */
public record DailyReport(ReportPeriod period, ReportScope scope, OffsetDateTime generatedAt, List<TeamLine> teams,
                          List<RepActivity> activities, List<NewLead> leads, LeadTotals leadTotals,
                          List<StageMove> stageMoves, List<WaitingApproval> approvals,
                          List<CollectionDue> collections, List<Alert> alerts) {

    /** How far ahead the collections section looks for amounts falling due. */
    public static final int COLLECTIONS_AHEAD_DAYS = 7;

    public DailyReport {
        teams = List.copyOf(teams);
        activities = List.copyOf(activities);
        leads = List.copyOf(leads);
        stageMoves = List.copyOf(stageMoves);
        approvals = List.copyOf(approvals);
        collections = List.copyOf(collections);
        alerts = List.copyOf(alerts);
    }

    /** Whether nothing at all happened: no follow-up, lead, move, approval, collection or alert. */
    public boolean isEmpty() {
        return activities.stream().allMatch(a -> a.total() == 0) && leads.isEmpty() && stageMoves.isEmpty()
                && approvals.isEmpty() && collections.isEmpty() && alerts.isEmpty();
    }

    /** Follow-ups recorded in the period over all reps. */
    public int activityTotal() {
        return activities.stream().mapToInt(RepActivity::total).sum();
    }

    /** Effective customer touches over all reps. */
    public int touchTotal() {
        return activities.stream().mapToInt(RepActivity::effectiveTouches).sum();
    }

    /** Outstanding amount of the collections already overdue. */
    public BigDecimal overdueOutstanding() {
        return collections.stream().filter(c -> c.daysOverdue() > 0).map(CollectionDue::outstanding)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** One team's totals, counted from the sections' rows of its people. */
    public record TeamLine(String team, int reps, int activities, int effectiveTouches, int newLeads,
                           int stageMoves, int approvalsWaiting, BigDecimal overdueOutstanding) {
    }

    /**
     * One rep's follow-ups in the period (跟进). An effective touch (有效触达) is a distinct
     * customer reached by a call, visit, meeting or demo; a note alone is not a touch.
     */
    public record RepActivity(UUID userId, String rep, String team, int calls, int visits, int meetings, int demos,
                              int notes, int effectiveTouches) {

        public int total() {
            return calls + visits + meetings + demos + notes;
        }
    }

    /**
     * A lead created in the period.
     *
     * @param owner           the rep it went to, null while unassigned
     * @param responseMinutes minutes from assignment to first response, null while unanswered
     */
    public record NewLead(UUID id, String name, String source, String owner, String team, String status,
                          OffsetDateTime createdAt, Integer responseMinutes) {
    }

    /**
     * Response figures of the period's leads.
     *
     * @param averageMinutes mean response minutes of the answered ones, null when none was answered
     * @param slowestMinutes the longest response, null when none was answered
     */
    public record LeadTotals(int count, int answered, int unassigned, Integer averageMinutes, Integer slowestMinutes) {
    }

    /** A deal moved from one stage to another (stage codes; names come from the stage table). */
    public record StageMove(UUID opportunityId, String opportunity, String customer, String owner, String team,
                            String fromStage, String fromStageName, String toStage, String toStageName,
                            BigDecimal amount, OffsetDateTime movedAt) {
    }

    /**
     * An approval request still open at the end of the period.
     *
     * @param step         the step it waits on, null if none is active
     * @param waitingHours hours from submission to the end of the period
     * @param overdue      whether the active step's deadline has passed
     */
    public record WaitingApproval(UUID requestId, String title, String submitter, String team, String step,
                                  OffsetDateTime submittedAt, long waitingHours, boolean overdue) {
    }

    /**
     * A collection instalment (回款) not fully collected, overdue or falling due soon.
     *
     * @param daysOverdue days past the due date at the period's last day; zero or less when not yet due
     */
    public record CollectionDue(UUID itemId, String customer, String contract, String owner, String team,
                                String milestone, LocalDate dueOn, BigDecimal amount, BigDecimal outstanding,
                                long daysOverdue) {
    }

    /** Something raised in the period that a manager should look at. */
    public record Alert(AlertKind kind, String subject, String owner, String detail, OffsetDateTime raisedAt) {
    }

    /** Where an alert comes from. */
    public enum AlertKind {
        /** An SLA or overdue escalation on the supervisor's board (督办). */
        ESCALATION,
        /** Demand in a region jumped (需求激增). */
        SURGE,
        /** Same-category orders were frozen after a stock shortage (订单冻结). */
        FREEZE
    }
}
