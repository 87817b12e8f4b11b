package io.salesdesk.studio.rule;

import io.salesdesk.board.escalation.EscalationService;
import io.salesdesk.board.task.TaskService;
import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.CustomFieldService;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the enabled automation rules as of the clock's now: finds the records each matches and takes the
 * rule's actions on each once. The scheduler calls it every minute; because it works from the records as
 * they are (and the audit trail and approvals past a watermark), a run after the app was closed catches
 * up, and the firing rows make a second run or a second client on a shared database act on nothing twice.
 */
public final class RuleRunner {

    /** Most records one rule acts on per run; the next run takes the rest. */
    static final int BATCH = 500;
    /** Most records a windowed scan reads by id; beyond it (a bulk import) a full scan is as cheap. */
    static final int CANDIDATES_MAX = 5000;
    /** Kind of the inbox messages rules send, so channels can choose to carry them. */
    public static final String NOTIFY_KIND = "rule.notify";
    /** Kind of the escalations rules raise. */
    public static final String ESCALATION_KIND = "AUTOMATION_RULE";
    private static final Logger LOG = LoggerFactory.getLogger(RuleRunner.class);

    private final Database db;
    private final Clock clock;
    private final RuleActions actions;
    private final CustomFieldService customFields;
    private final Locale locale;

    /** A runner whose rules create tasks, notify, escalate and set fields (no owner changes or webhooks). */
    public RuleRunner(Database db, Clock clock, TaskService tasks, EscalationService escalations,
                      CustomerService customers, CustomFieldService customFields, Locale locale) {
        this(db, clock, new RuleActions(db, clock, locale, tasks, escalations, customers, customFields, RuleActions.Extras.none()),
                customFields, locale);
    }

    public RuleRunner(Database db, Clock clock, RuleActions actions, CustomFieldService customFields, Locale locale) {
        this.db = db;
        this.clock = clock;
        this.actions = actions;
        this.customFields = customFields;
        this.locale = locale;
    }

    /** What one run did: records acted on, and the names of rules that failed (logged). */
    public record Report(int fired, List<String> failedRules) {
    }

    /** Runs every enabled rule once; a failing rule is logged and the others still run. */
    public synchronized Report runDue() {
        OffsetDateTime now = Rows.now(clock);
        List<AutomationRule> rules = db.transactionResult(cfg -> AutomationRuleRepository.using(cfg, clock).all());
        Map<RuleEntity, List<CustomField>> fields = new HashMap<>();
        int fired = 0;
        List<String> failed = new ArrayList<>();
        for (AutomationRule rule : rules) {
            if (!rule.enabled()) {
                continue;
            }
            Optional<RuleEntity> entity = RuleEntity.find(rule.definition().entity());
            if (entity.isEmpty()) {
                LOG.warn("Automation rule {} runs on {}, which this version does not know", rule.name(),
                        rule.definition().entity());
                failed.add(rule.name());
                continue;
            }
            List<CustomField> own = fields.computeIfAbsent(entity.get(), e -> customFields.fields(e.custom()));
            try {
                RuleValidator.checkMatching(rule.definition(), own);
            } catch (ValidationException e) {
                // A field the rule tests was retired: it cannot match anything any more. Switched off
                // with the reason, once, instead of failing every minute.
                String reason = say("disabled.fields", e.problems().stream()
                        .map(p -> p.arguments().isEmpty() ? p.messageKey() : String.valueOf(p.arguments().get(0)))
                        .distinct().collect(Collectors.joining("、")));
                db.transaction(cfg -> AutomationRuleRepository.using(cfg, clock).disable(rule.id(), reason));
                LOG.warn("Automation rule {} switched off: {}", rule.name(), reason);
                failed.add(rule.name());
                continue;
            }
            try {
                fired += run(rule, entity.get(), own, now);
            } catch (RuntimeException e) {
                // One broken rule must not stop the others.
                LOG.error("Automation rule {} ({}) failed", rule.name(), rule.id(), e);
                failed.add(rule.name());
            }
        }
        if (fired > 0) {
            LOG.info("Automation rules acted on {} records", fired);
        }
        return new Report(fired, failed);
    }

    /** As {@link #runFor(String, UUID)} for a customer. */
    public int runFor(UUID customerId) {
        return runFor(RuleDefinition.CUSTOMER, customerId);
    }

    /**
     * Runs the enabled rules of the entity on one record just saved, so a rule acts at once instead of at
     * the next minute: the record and its latest updates are read once and every rule tested in memory
     * ({@link RuleEvaluator}). Covers "no activity", "created", "field changed to" and "updated"; the minute
     * run still reads dates and approvals. The firing rows (one per rule, record and anchor) keep the two
     * from acting twice on the same creation or change.
     *
     * @param entity {@link RuleDefinition#CUSTOMER}, LEAD or OPPORTUNITY
     * @return how many rules acted on the record
     */
    public synchronized int runFor(String entity, UUID recordId) {
        OffsetDateTime now = Rows.now(clock);
        RuleEntity e = RuleEntity.of(entity);
        List<AutomationRule> rules = db.transactionResult(cfg -> AutomationRuleRepository.using(cfg, clock).all())
                .stream().filter(r -> RuleEntity.find(r.definition().entity()).orElse(null) == e).toList();
        List<Due> due = evaluate(rules, customFields.fields(e.custom()), e, recordId, now);
        int acted = 0;
        for (Due d : due) {
            try {
                acted += act(d.rule(), List.of(d.match()), actorFor(d.rule()), now);
            } catch (RuntimeException ex) {
                LOG.error("Automation rule {} ({}) failed on {}", d.rule().name(), d.rule().id(), recordId, ex);
            }
        }
        return acted;
    }

    /** A rule and the match it makes on a record. */
    record Due(AutomationRule rule, RuleMatch match) {
    }

    /**
     * Which of {@code rules} match the record now and have not acted on it for the same anchor: one read
     * of the record, then each rule in memory. A rule that cannot be tested (a retired field) is skipped;
     * the minute run switches it off.
     */
    List<Due> evaluate(List<AutomationRule> rules, List<CustomField> fields, RuleEntity entity, UUID recordId,
                       OffsetDateTime now) {
        // The record's updates are read once, past the earliest position of its change rules.
        long from = rules.stream().filter(r -> r.enabled() && watchesChanges(r))
                .mapToLong(r -> r.scannedSeq() == null ? 0 : r.scannedSeq()).min().orElse(-1);
        record Read(Optional<RuleRecord> record, List<RuleMatchRepository.RecordChange> updates) {
        }
        Read read = db.transactionResult(cfg -> {
            RuleMatchRepository matches = RuleMatchRepository.using(cfg);
            return new Read(matches.record(entity, recordId),
                    from < 0 ? List.of() : matches.updatesOf(entity, recordId, from));
        });
        Optional<RuleRecord> record = read.record();
        if (record.isEmpty()) {
            return List.of();
        }
        List<Due> due = new ArrayList<>();
        for (AutomationRule rule : rules) {
            if (!rule.enabled()) {
                continue;
            }
            try {
                RuleEvaluator.due(rule, record.get(), fields, now, read.updates())
                        .ifPresent(m -> due.add(new Due(rule, m)));
            } catch (RuntimeException e) {
                LOG.debug("Rule {} not tested on {}", rule.name(), recordId, e);
            }
        }
        return due;
    }

    private static boolean watchesChanges(AutomationRule rule) {
        RuleTrigger.Kind kind = rule.definition().trigger().kind();
        return kind == RuleTrigger.Kind.FIELD_CHANGED || kind == RuleTrigger.Kind.UPDATED;
    }

    private int run(AutomationRule rule, RuleEntity entity, List<CustomField> fields, OffsetDateTime now) {
        Actor actor = actorFor(rule);
        return switch (rule.definition().trigger().kind()) {
            case NO_ACTIVITY -> scanTime(rule, entity, fields, now, actor);
            case CREATED, DATE_RELATIVE -> act(rule, db.transactionResult(cfg -> RuleMatchRepository.using(cfg)
                    .due(rule, fields, now, BATCH)), actor, now);
            case FIELD_CHANGED, UPDATED -> readChanges(rule, entity, fields, now, actor);
            case APPROVAL -> readDecisions(rule, entity, fields, now, actor);
        };
    }

    /**
     * A "no activity" rule: after one complete scan, each minute reads only the records that can have
     * begun to match since (changed, or their last follow-up crossed the cutoff), and moves the window on
     * once every match found was acted on.
     */
    private int scanTime(AutomationRule rule, RuleEntity entity, List<CustomField> fields, OffsetDateTime now,
                         Actor actor) {
        RuleTrigger t = rule.definition().trigger();
        OffsetDateTime cutoff = now.minusDays(t.days());
        RuleScan scan = db.transactionResult(cfg -> {
            RuleMatchRepository matches = RuleMatchRepository.using(cfg);
            // Read before the candidates: a change committed in between is read again next time.
            long head = matches.headSeq();
            Set<UUID> among = null;
            if (rule.scannedUntil() != null && rule.scannedSeq() != null && !rule.scannedUntil().isAfter(cutoff)) {
                among = matches.candidates(entity, t, rule.scannedSeq(), rule.scannedUntil(), cutoff, CANDIDATES_MAX)
                        .orElse(null);
            }
            return new RuleScan(head, among == null || !among.isEmpty()
                    ? matches.due(rule, fields, now, BATCH, among) : List.of());
        });
        int acted = act(rule, scan.due(), actor, now);
        if (scan.due().size() < BATCH) {
            // Every match of this window was acted on; with a full batch the next run reads it again.
            db.transaction(cfg -> AutomationRuleRepository.using(cfg, clock).markWindow(rule.id(), scan.head(), cutoff));
        }
        return acted;
    }

    private record RuleScan(long head, List<RuleMatch> due) {
    }

    /** "Field changed to" and "updated": the change log past the rule's position, a batch at a time. */
    private int readChanges(AutomationRule rule, RuleEntity entity, List<CustomField> fields, OffsetDateTime now,
                            Actor actor) {
        RuleTrigger t = rule.definition().trigger();
        long from = rule.scannedSeq() != null ? rule.scannedSeq()
                : db.transactionResult(cfg -> RuleMatchRepository.using(cfg).headSeq());
        int acted = 0;
        RuleMatchRepository.Changes changes;
        do {
            long start = from;
            changes = db.transactionResult(cfg -> RuleMatchRepository.using(cfg).changes(entity, t, start));
            Map<UUID, OffsetDateTime> changed = changes.records();
            List<RuleMatch> meeting = db.transactionResult(cfg -> RuleMatchRepository.using(cfg)
                    .meeting(rule, fields, changed));
            acted += act(rule, meeting, actor, now);
            long readTo = changes.readTo();
            db.transaction(cfg -> AutomationRuleRepository.using(cfg, clock).markScanned(rule.id(), readTo));
            from = readTo;
        } while (changes.more() && acted < BATCH);
        return acted;
    }

    /** "Approval outcome": the requests decided since the last run (or since the rule was switched on). */
    private int readDecisions(AutomationRule rule, RuleEntity entity, List<CustomField> fields, OffsetDateTime now,
                              Actor actor) {
        OffsetDateTime from = rule.scannedUntil() != null ? rule.scannedUntil() : rule.activeSince();
        if (!now.isAfter(from)) {
            return 0;
        }
        List<RuleMatch> meeting = db.transactionResult(cfg -> {
            RuleMatchRepository matches = RuleMatchRepository.using(cfg);
            return matches.meeting(rule, fields, matches.decided(entity, rule.definition().trigger(), from, now));
        });
        int acted = act(rule, meeting, actor, now);
        long seq = rule.scannedSeq() == null ? 0 : rule.scannedSeq();
        db.transaction(cfg -> AutomationRuleRepository.using(cfg, clock).markWindow(rule.id(), seq, now));
        return acted;
    }

    private int act(AutomationRule rule, List<RuleMatch> matches, Actor actor, OffsetDateTime now) {
        int acted = 0;
        for (RuleMatch match : meetExpression(rule, matches)) {
            boolean claimed = db.transactionResult(cfg -> RuleFiringRepository.using(cfg)
                    .claim(rule.id(), match.recordId(), match.anchor(), now));
            if (!claimed) {
                continue;
            }
            // Claimed first, then acted: a crash in between loses this firing rather than doubling a task.
            List<String> done = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (RuleAction action : rule.definition().actions()) {
                try {
                    done.add(actions.perform(rule, action, match, actor, now));
                } catch (SalesDeskException e) {
                    // Expected refusals (no manager, a value the field refuses): the run log says why.
                    LOG.info("Rule {} could not {} on {}: {}", rule.name(), action.kind(), match.recordId(),
                            e.messageKey());
                    errors.add(say("action." + action.kind().name()) + ": " + reason(e));
                } catch (RuntimeException e) {
                    LOG.warn("Rule {} could not {} on {}", rule.name(), action.kind(), match.recordId(), e);
                    errors.add(say("action." + action.kind().name()) + ": " + reason(e));
                }
            }
            RuleRun.Outcome outcome = errors.isEmpty() ? RuleRun.Outcome.DONE
                    : done.isEmpty() ? RuleRun.Outcome.FAILED : RuleRun.Outcome.PARTIAL;
            RuleRun run = new RuleRun(null, rule.id(), rule.name(), rule.version(), match.recordId(), match.label(),
                    now, outcome, String.join("；", done), errors.isEmpty() ? null : String.join("；", errors));
            db.transaction(cfg -> RuleRunRepository.using(cfg, clock).insert(run));
            acted++;
        }
        return acted;
    }

    /**
     * The matches that also meet the rule's advanced expression (the SQL tested the rows): each record
     * read once and tested in memory. One that does not is not claimed, so a later change is tested again.
     */
    private List<RuleMatch> meetExpression(AutomationRule rule, List<RuleMatch> matches) {
        String expression = rule.definition().conditions().expression();
        if (expression == null || matches.isEmpty()) {
            return matches;
        }
        RuleEntity entity = RuleEntity.of(rule.definition().entity());
        List<CustomField> fields = customFields.fields(entity.custom());
        return matches.stream().filter(m -> db.transactionResult(cfg -> RuleMatchRepository.using(cfg)
                .record(entity, m.recordId())).map(r -> RuleExpressions.holds(expression, r, fields)).orElse(false))
                .toList();
    }

    /**
     * Whom a rule's actions are recorded as: its author, with company-wide reach so the rule acts on
     * every record it matches (the audit trail says the change came from the rule). A rule whose author
     * left acts as the first administrator.
     */
    private Actor actorFor(AutomationRule rule) {
        return db.transactionResult(cfg -> {
            UserRepository users = UserRepository.using(cfg, clock);
            Optional<User> author = rule.createdBy() == null ? Optional.empty() : users.byId(rule.createdBy());
            User who = author.or(() -> users.firstWithRole(Role.ADMIN))
                    .orElseThrow(() -> new SalesDeskException("rule.run.noAuthor"));
            return new Actor(who.id(), who.displayName(), Role.ADMIN, "/");
        });
    }

    /** {@code {客户}} (or {@code {customer}}) in a rule's text is the record's name. */
    static String fill(String text, RuleMatch match) {
        return RuleActions.fill(text, match);
    }

    private String reason(RuntimeException e) {
        ResourceBundle words = ResourceBundle.getBundle("io.salesdesk.studio.rule.rules", locale);
        if (e instanceof SalesDeskException s && words.containsKey(s.messageKey())) {
            return say(s.messageKey(), s.arguments());
        }
        if (e instanceof SalesDeskException s) {
            return s.messageKey() + (s.arguments().length == 0 ? "" : " " + Arrays.toString(s.arguments()));
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private String say(String key, Object... args) {
        ResourceBundle words = ResourceBundle.getBundle("io.salesdesk.studio.rule.rules", locale);
        return new MessageFormat(words.getString(key), locale).format(args);
    }
}
