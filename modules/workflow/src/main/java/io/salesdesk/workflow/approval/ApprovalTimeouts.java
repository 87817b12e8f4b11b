package io.salesdesk.workflow.approval;

import io.salesdesk.board.escalation.EscalationService;
import io.salesdesk.board.escalation.EscalationSubject;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import io.salesdesk.workflow.approval.flow.StepTimeout;
import io.salesdesk.workflow.approval.flow.TimeoutAction;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the client's scheduler runs every minute for approvals: every step whose time ran out or
 * whose next reminder is due is acted on once — reminders to its approvers through the inbox and
 * the outbound channels, the stuck approval on the supervisor's escalation board, and the step's
 * timeout action — and the open tasks of approvers who left go to their manager or are flagged.
 *
 * <p>Works from the state of the steps, so a run after the app was closed catches up, and each
 * step is claimed by a compare-and-set, so several desktops on one shared database do not remind
 * twice.
 */
public final class ApprovalTimeouts {

    /** Escalation kind on the supervisor's board for an overdue approval step. */
    public static final String OVERDUE_KIND = "APPROVAL_OVERDUE";
    /** Escalation kind for a task whose approver left with nobody to take over. */
    public static final String LEFT_KIND = "APPROVER_LEFT";
    /** What the escalation cards of approvals are about: the request. */
    public static final String SUBJECT = "approval_request";
    static final int BATCH = 200;
    /** A run handles at most this many batches; the rest waits a minute rather than block the scheduler. */
    private static final int MAX_BATCHES = 10;
    private static final Logger LOG = LoggerFactory.getLogger(ApprovalTimeouts.class);

    private final Database db;
    private final Clock clock;
    private final ApprovalService approvals;
    private final EscalationService escalations;
    private final Locale locale;

    public ApprovalTimeouts(Database db, Clock clock, ApprovalService approvals, EscalationService escalations,
                            Locale locale) {
        this.db = db;
        this.clock = clock;
        this.approvals = approvals;
        this.escalations = escalations;
        this.locale = locale;
    }

    /**
     * What one run did.
     *
     * @param actions      steps acted on, by what ran (NONE: reminded only)
     * @param escalated    overdue steps put on the supervisor's board
     * @param leaversMoved open tasks of people who left, given to their manager
     * @param leaversFlagged such tasks nobody could take over
     * @param resolved     cards of approvals no longer stuck, resolved on the board
     */
    public record Run(Map<TimeoutAction, Integer> actions, int escalated, int leaversMoved, int leaversFlagged,
                      int resolved) {

        public int overdue() {
            return actions.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Runs the scan once; a step that fails is logged and the others still run. */
    public synchronized Run runDue() {
        Map<TimeoutAction, Integer> actions = new EnumMap<>(TimeoutAction.class);
        int escalated = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            OffsetDateTime now = Rows.now(clock);
            List<ApprovalRepository.Alarm> due = db.transactionResult(cfg ->
                    ApprovalRepository.using(cfg, clock).alarmsDue(now, BATCH));
            for (ApprovalRepository.Alarm alarm : due) {
                try {
                    Optional<ApprovalService.Overdue> overdue = approvals.overdue(alarm);
                    if (overdue.isEmpty()) {
                        continue;
                    }
                    if (escalate(overdue.get())) {
                        escalated++;
                    }
                    approvals.ring(overdue.get()).ifPresent(a -> actions.merge(a, 1, Integer::sum));
                } catch (RuntimeException e) {
                    LOG.error("Approval step {} of request {} could not be handled on timeout", alarm.stepKey(),
                            alarm.requestId(), e);
                }
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        ApprovalService.LeaverRun leavers = approvals.reassignLeavers(BATCH);
        for (ApprovalService.Flagged f : leavers.flagged()) {
            escalations.raise(LEFT_KIND, new EscalationSubject(SUBJECT, f.requestId(), f.title()),
                    f.submitterId(), say("approval.escalate.approverLeft", f.title(), f.leaverName()),
                    Rows.now(clock).plusDays(1));
        }
        int resolved = resolveSettled(OVERDUE_KIND, approvals::isOverdue, "approval.escalate.settled")
                + resolveSettled(LEFT_KIND, approvals::waitsOnLeaver, "approval.escalate.settled");
        Run run = new Run(actions, escalated, leavers.handedOver(), leavers.flagged().size(), resolved);
        if (run.overdue() + run.leaversMoved() + run.leaversFlagged() + resolved > 0) {
            LOG.info("Approval timeouts: {} steps acted on {}, {} escalated, {} tasks of leavers moved, {} flagged, "
                    + "{} escalations resolved", run.overdue(), actions, escalated, run.leaversMoved(),
                    run.leaversFlagged(), resolved);
        }
        return run;
    }

    /**
     * Takes a stuck approval off the supervisor's board once it no longer is: the step was decided,
     * the request ended, or its task found someone. A supervisor need not resolve it by hand.
     */
    private int resolveSettled(String kind, Predicate<UUID> stillStuck, String noteKey) {
        int resolved = 0;
        for (UUID request : escalations.activeSubjects(kind, BATCH)) {
            try {
                if (!stillStuck.test(request)
                        && escalations.resolveBySystem(kind, SUBJECT, request, say(noteKey)).isPresent()) {
                    resolved++;
                }
            } catch (RuntimeException e) {
                LOG.error("The escalation of approval {} could not be resolved", request, e);
            }
        }
        return resolved;
    }

    /**
     * Puts a step whose time just ran out on the board of the supervisor of the approver who
     * should have acted. Raised before the step is rung: raising is idempotent, so a crash in
     * between repeats it harmlessly instead of losing it.
     */
    private boolean escalate(ApprovalService.Overdue overdue) {
        StepTimeout timeout = overdue.timeout();
        if (!overdue.first() || timeout == null || !timeout.escalate() || overdue.openApprovers().isEmpty()
                || timeout.action() == TimeoutAction.AUTO_APPROVE || timeout.action() == TimeoutAction.AUTO_REJECT) {
            return false;
        }
        escalations.raise(OVERDUE_KIND, new EscalationSubject(SUBJECT, overdue.requestId(), overdue.title()),
                overdue.openApprovers().get(0), say("approval.escalate.overdue", overdue.title(), overdue.stepName(),
                        String.join("、", overdue.openNames()), timeout.hours()), Rows.now(clock).plusDays(1));
        return true;
    }

    private String say(String key, Object... args) {
        return new MessageFormat(ResourceBundle.getBundle("io.salesdesk.workflow.approval", locale).getString(key),
                locale).format(args);
    }
}
