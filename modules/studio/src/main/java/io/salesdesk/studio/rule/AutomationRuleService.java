package io.salesdesk.studio.rule;

import io.salesdesk.core.Actor;
import io.salesdesk.core.Ids;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.CustomFieldService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Automation rules (自动化规则) as Settings → Studio edits them: list, save (each save a new version),
 * switch on and off, delete, test mode, the run log, and the ready-made suggestions.
 */
public final class AutomationRuleService {

    /** How many matches test mode lists by default. */
    public static final int TEST_LIMIT = 20;
    /** How many records test mode tests an advanced expression on. */
    public static final int EXPRESSION_TESTED = 2000;

    private final Database db;
    private final Clock clock;
    private final CustomFieldService customFields;
    private final Locale locale;

    /** @param locale the workspace's language, in which suggestions are worded */
    public AutomationRuleService(Database db, Clock clock, CustomFieldService customFields, Locale locale) {
        this.db = db;
        this.clock = clock;
        this.customFields = customFields;
        this.locale = locale;
    }

    /** Whether the actor may build rules: managers and the company-wide roles, as for custom fields. */
    public static boolean mayConfigure(Actor actor) {
        return CustomFieldService.mayConfigure(actor);
    }

    public List<AutomationRule> rules() {
        return db.transactionResult(cfg -> repo(cfg).all());
    }

    public Optional<AutomationRule> find(UUID id) {
        return db.transactionResult(cfg -> repo(cfg).find(id));
    }

    /**
     * Saves a new rule (id null) or a new version of one.
     *
     * @throws ValidationException          a problem per part the user must fix, or a loop with other rules
     * @throws io.salesdesk.core.StaleRecordException if someone saved the rule since {@code expectedVersion}
     */
    public AutomationRule save(Actor actor, UUID id, long expectedVersion, RuleDefinition definition) {
        return save(actor, id, expectedVersion, definition, null);
    }

    /** Switches a rule on or off; switched on, it watches for new records and changes from now. */
    public AutomationRule setEnabled(Actor actor, AutomationRule rule, boolean enabled) {
        RuleDefinition d = rule.definition();
        return save(actor, rule.id(), rule.version(), new RuleDefinition(d.name(), d.entity(), d.trigger(),
                d.conditions(), d.actions(), enabled), null);
    }

    public void delete(Actor actor, UUID id, long expectedVersion) {
        requireConfigure(actor);
        db.transaction(cfg -> repo(cfg).delete(actor.userId(), id, expectedVersion));
    }

    /**
     * Test mode: which records the rule would match now, without acting. For "created" and "field changed
     * to" rules, the records that meet the conditions now (those a new record or a change would match).
     */
    public RuleTest test(RuleDefinition definition, int limit) {
        List<CustomField> fields = fieldsOf(definition);
        RuleValidator.checkMatching(definition, fields);
        OffsetDateTime now = Rows.now(clock);
        AutomationRule probe = new AutomationRule(new UUID(0, 0), definition, now, null, null, null, null, now, 0);
        String expression = definition.conditions().expression();
        return db.transactionResult(cfg -> {
            RuleMatchRepository matches = RuleMatchRepository.using(cfg);
            if (expression == null) {
                return new RuleTest(matches.count(probe, fields, now), matches.first(probe, fields, now, limit));
            }
            // The expression is tested in memory: on the first EXPRESSION_TESTED records the rows let through.
            RuleEntity entity = RuleEntity.of(definition.entity());
            List<RuleMatch> meeting = matches.first(probe, fields, now, EXPRESSION_TESTED).stream()
                    .filter(m -> matches.record(entity, m.recordId())
                            .map(r -> RuleExpressions.holds(expression, r, fields)).orElse(false)).toList();
            return new RuleTest(meeting.size(), meeting.stream().limit(limit).toList());
        });
    }

    /** The newest lines of the run log, of one rule or (null) of all. */
    public List<RuleRun> runLog(UUID ruleId, int limit) {
        return db.transactionResult(cfg -> RuleRunRepository.using(cfg, clock).recent(ruleId, limit));
    }

    /** The ready-made rules, each with whether it was already added. */
    public List<SuggestionState> suggestions() {
        return db.transactionResult(cfg -> RuleSuggestions.all(locale).stream()
                .map(s -> new SuggestionState(s, repo(cfg).hasSuggestion(s.key()))).toList());
    }

    /** A ready-made rule and whether the workspace has it already. */
    public record SuggestionState(RuleSuggestions.Suggestion suggestion, boolean added) {
    }

    /** Adds a ready-made rule, switched on. */
    public AutomationRule addSuggestion(Actor actor, String key) {
        RuleSuggestions.Suggestion s = RuleSuggestions.all(locale).stream().filter(x -> x.key().equals(key))
                .findFirst().orElseThrow(() -> new SalesDeskException("rule.suggestion.unknown", key));
        if (db.transactionResult(cfg -> repo(cfg).hasSuggestion(key))) {
            throw new SalesDeskException("rule.suggestion.added", s.definition().name());
        }
        return save(actor, null, 0, s.definition(), key);
    }

    private AutomationRule save(Actor actor, UUID id, long expectedVersion, RuleDefinition definition,
                                String suggestion) {
        requireConfigure(actor);
        RuleDefinition valid = RuleValidator.check(definition, fieldsOf(definition));
        return db.transactionResult(cfg -> {
            AutomationRuleRepository rules = repo(cfg);
            checkBoards(cfg, valid);
            if (valid.enabled()) {
                List<RuleDefinition> others = rules.all().stream().filter(r -> !r.id().equals(id))
                        .map(AutomationRule::definition).toList();
                RuleLoops.through(valid, others, board -> RuleBoards.find(cfg, clock, board)
                        .flatMap(RuleBoards::fieldSetBy)).ifPresent(loop -> {
                    throw new ValidationException(List.of(FieldProblem.of("actions", "rule.loop.rules",
                            String.join(" → ", loop))));
                });
            }
            long head = RuleMatchRepository.using(cfg).headSeq();
            return id == null ? rules.insert(actor.userId(), Ids.newId(clock), valid, suggestion, head)
                    : rules.update(actor.userId(), id, expectedVersion, valid, head);
        });
    }

    /** A board a "move on a board" action names must exist and show the rule's records. */
    private void checkBoards(org.jooq.Configuration cfg, RuleDefinition rule) {
        for (RuleAction a : rule.actions()) {
            if (a.kind() == RuleAction.Kind.MOVE_ON_BOARD && RuleBoards.find(cfg, clock, a.field())
                    .filter(b -> RuleBoards.kindOf(rule.entity()).orElse(null) == b.kind()).isEmpty()) {
                throw new ValidationException(List.of(FieldProblem.of("actions", "rule.action.move.board")));
            }
        }
    }

    /** The custom fields of the entity the rule runs on (none for an entity rules do not know: refused later). */
    private List<CustomField> fieldsOf(RuleDefinition definition) {
        return RuleEntity.find(definition.entity()).map(e -> customFields.fields(e.custom())).orElse(List.of());
    }

    private static void requireConfigure(Actor actor) {
        if (!mayConfigure(actor)) {
            throw new SalesDeskException("rule.notAllowed");
        }
    }

    private AutomationRuleRepository repo(org.jooq.Configuration cfg) {
        return AutomationRuleRepository.using(cfg, clock);
    }
}
