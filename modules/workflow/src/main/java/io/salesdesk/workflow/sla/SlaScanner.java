package io.salesdesk.workflow.sla;

import io.salesdesk.board.escalation.EscalationService;
import io.salesdesk.board.escalation.EscalationSubject;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import io.salesdesk.workflow.notify.NotificationRepository;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the follow-up SLA rules as of the clock's now: for each rule and threshold, finds the
 * lapses that came due and acts on each once — a reminder to the owner, or an escalation on the
 * supervisor's board with a message to the manager. The record of firings makes a second run, a
 * second client, or a catch-up after a week asleep act on each lapse once, not in a storm.
 */
public final class SlaScanner {

    /** Lapses due this long before a rule was switched on still count; older ones are backlog. */
    static final Duration GRACE = Duration.ofDays(1);
    /** The longest stretch of non-working time a working-time rule may need to bridge (a holiday week). */
    private static final Duration LONGEST_BREAK = Duration.ofDays(12);
    /**
     * How far before the last scanned anchor a run looks again: a follow-up logged with yesterday's
     * date, or a second client whose clock is a little behind, still gets its lapse seen.
     */
    private static final Duration OVERLAP = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(SlaScanner.class);

    private final Database db;
    private final Clock clock;
    private final EscalationService escalations;
    private final Locale locale;

    public SlaScanner(Database db, Clock clock, EscalationService escalations, Locale locale) {
        this.db = db;
        this.clock = clock;
        this.escalations = escalations;
        this.locale = locale;
    }

    /** What one run did. */
    public record Report(int reminders, int escalations, List<String> disabledRules) {
    }

    public Report scan() {
        OffsetDateTime now = Rows.now(clock);
        List<SlaRule> rules = db.transactionResult(cfg -> SlaRuleRepository.using(cfg).all());
        WorkingCalendar calendar = db.transactionResult(cfg -> CalendarRepository.using(cfg).calendar());
        int reminders = 0;
        int raised = 0;
        List<String> disabled = new ArrayList<>();
        for (SlaRule rule : rules) {
            if (!rule.enabled()) {
                continue;
            }
            if (!LapseRepository.knowsField(rule.subject(), rule.sinceField())) {
                String reason = say("disabled.unknownField", rule.sinceField());
                db.transaction(cfg -> SlaRuleRepository.using(cfg).disable(rule.id(), reason));
                LOG.warn("SLA rule {} disabled: {}", rule.code(), reason);
                disabled.add(rule.code());
                continue;
            }
            for (SlaRule.Action action : SlaRule.Action.values()) {
                Integer minutes = rule.thresholdFor(action);
                if (minutes == null || minutes <= 0) {
                    continue;
                }
                try {
                    int acted = run(rule, action, Duration.ofMinutes(minutes), calendar, now);
                    if (action == SlaRule.Action.REMIND) {
                        reminders += acted;
                    } else {
                        raised += acted;
                    }
                } catch (RuntimeException e) {
                    // One broken rule must not stop the others; it is logged and tried again next run.
                    LOG.error("SLA rule {} failed on {}", rule.code(), action, e);
                }
            }
        }
        return new Report(reminders, raised, disabled);
    }

    private int run(SlaRule rule, SlaRule.Action action, Duration threshold, WorkingCalendar calendar,
                    OffsetDateTime now) {
        OffsetDateTime floor = rule.activeSince().minus(GRACE);
        // A working-time lapse falls due later than its anchor plus the threshold: look further back.
        Duration lag = rule.workingTime() ? LONGEST_BREAK : Duration.ZERO;
        OffsetDateTime lowest = floor.minus(threshold).minus(lag);
        OffsetDateTime scanned = rule.scannedTo(action);
        OffsetDateTime from = scanned == null || scanned.minus(OVERLAP).minus(lag).isBefore(lowest) ? lowest
                : scanned.minus(OVERLAP).minus(lag);
        OffsetDateTime to = now.minus(threshold);
        if (!from.isBefore(to)) {
            return 0;
        }
        List<Lapse> lapses = db.transactionResult(cfg -> LapseRepository.using(cfg).find(rule, action, from, to));
        int acted = 0;
        for (Lapse lapse : lapses) {
            Instant due = rule.workingTime() ? calendar.plusWorking(lapse.anchor().toInstant(), threshold)
                    : lapse.anchor().toInstant().plus(threshold);
            if (due.isAfter(now.toInstant()) || due.isBefore(floor.toInstant())) {
                continue;
            }
            if (act(rule, action, lapse, threshold, OffsetDateTime.ofInstant(due, ZoneOffset.UTC), now)) {
                acted++;
            }
        }
        if (lapses.size() < LapseRepository.LIMIT) {
            // All of this stretch was seen; with a full batch the next run goes on where this one stopped.
            db.transaction(cfg -> SlaRuleRepository.using(cfg).markScanned(rule.id(), action, to));
        }
        return acted;
    }

    private boolean act(SlaRule rule, SlaRule.Action action, Lapse lapse, Duration threshold, OffsetDateTime due,
                        OffsetDateTime now) {
        String subject = rule.subject().name();
        String elapsed = duration(threshold, rule.workingTime());
        String entity = rule.subject() == SlaRule.Subject.CUSTOMER ? "customer" : "lead";
        if (action == SlaRule.Action.ESCALATE) {
            // Raising is idempotent, so it goes first: a crash before the firing is recorded repeats
            // the raise harmlessly instead of losing it.
            escalations.raise(rule.subject() == SlaRule.Subject.CUSTOMER ? "FOLLOW_UP_OVERDUE" : "LEAD_NO_RESPONSE",
                    new EscalationSubject(entity, lapse.subjectId(), lapse.label()), lapse.ownerId(),
                    say("escalate." + subject + ".reason", lapse.label(), elapsed, rule.name(), lapse.ownerName()),
                    now.plusDays(1));
        }
        return db.transactionResult(cfg -> {
            if (!SlaRuleRepository.using(cfg).recordFiring(rule.id(), lapse.subjectId(), action, lapse.anchor(), now)) {
                return false;
            }
            NotificationRepository inbox = NotificationRepository.using(cfg, clock);
            if (action == SlaRule.Action.REMIND) {
                inbox.send(List.of(lapse.ownerId()), "sla.remind", say("remind." + subject + ".title", lapse.label()),
                        say("remind." + subject + ".body", lapse.label(), elapsed, rule.name()), entity,
                        lapse.subjectId());
            } else {
                List<UUID> told = new ArrayList<>(List.of(lapse.ownerId()));
                if (rule.notifyManager() && lapse.managerId() != null) {
                    told.add(lapse.managerId());
                }
                inbox.send(told, "sla.escalate", say("escalate.title", lapse.label()),
                        say("escalate." + subject + ".reason", lapse.label(), elapsed, rule.name(), lapse.ownerName()),
                        entity, lapse.subjectId());
            }
            return true;
        });
    }

    /** "3 天", "30 分钟", "5 小时" (working time says so). */
    private String duration(Duration d, boolean working) {
        long minutes = d.toMinutes();
        String text = minutes % 1440 == 0 ? say("unit.days", minutes / 1440)
                : minutes % 60 == 0 ? say("unit.hours", minutes / 60) : say("unit.minutes", minutes);
        return working ? say("unit.working", text) : text;
    }

    private String say(String key, Object... args) {
        ResourceBundle words = ResourceBundle.getBundle("io.salesdesk.workflow.sla", locale);
        return new MessageFormat(words.getString(key), locale).format(args);
    }
}
