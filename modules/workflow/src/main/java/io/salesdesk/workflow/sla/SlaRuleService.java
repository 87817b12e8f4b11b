package io.salesdesk.workflow.sla;

import io.salesdesk.core.Actor;
import io.salesdesk.core.Ids;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The SLA rules as Settings edits them: a company-wide role changes them; switching a rule on
 * (again) starts its count from now, so it acts on fresh lapses rather than old backlog.
 */
public final class SlaRuleService {

    private final Database db;
    private final Clock clock;

    public SlaRuleService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<SlaRule> rules() {
        return db.transactionResult(cfg -> SlaRuleRepository.using(cfg).all());
    }

    /** The fields a rule on this subject may count from, in the order Settings lists them. */
    public static List<String> fields(SlaRule.Subject subject) {
        return subject == SlaRule.Subject.CUSTOMER ? List.of("lastFollowUpAt", "claimedAt", "createdAt")
                : List.of("assignedAt", "createdAt");
    }

    /**
     * Saves a new rule (id null) or an edit made at {@code rule.version()}.
     *
     * @throws ValidationException listing each refused field
     * @throws io.salesdesk.core.StaleRecordException if someone changed the rule meanwhile
     */
    public SlaRule save(Actor actor, SlaRule rule) {
        if (!actor.role().seesEverything()) {
            throw new SalesDeskException("sla.notAllowed");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (Rows.blankToNull(rule.name()) == null) {
            problems.add(FieldProblem.of("name", "sla.name.required"));
        }
        // The scanner's own check, so a rule Settings accepts is one the scanner can run.
        if (rule.sinceField() == null || !LapseRepository.knowsField(rule.subject(), rule.sinceField())) {
            problems.add(FieldProblem.of("sinceField", "sla.field.unknown", rule.sinceField()));
        }
        Integer remind = rule.remindAfterMinutes();
        Integer escalate = rule.escalateAfterMinutes();
        if (remind == null && escalate == null) {
            problems.add(FieldProblem.of("escalateAfterMinutes", "sla.threshold.required"));
        }
        if (remind != null && remind <= 0 || escalate != null && escalate <= 0) {
            problems.add(FieldProblem.of("escalateAfterMinutes", "sla.threshold.positive"));
        }
        if (remind != null && escalate != null && remind >= escalate) {
            problems.add(FieldProblem.of("remindAfterMinutes", "sla.remind.beforeEscalate"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return db.transactionResult(cfg -> {
            SlaRuleRepository repository = SlaRuleRepository.using(cfg);
            SlaRule previous = rule.id() == null ? null
                    : repository.all().stream().filter(r -> r.id().equals(rule.id())).findFirst().orElse(null);
            boolean switchedOn = rule.enabled() && (previous == null || !previous.enabled());
            UUID id = rule.id() == null ? Ids.newId(clock) : rule.id();
            String code = rule.code() != null ? rule.code() : "rule-" + id.toString().substring(24);
            SlaRule toSave = new SlaRule(id, code, rule.name().strip(),
                    rule.subject(), rule.sinceField(), rule.tier(), remind, escalate, rule.notifyManager(),
                    rule.workingTime(), rule.enabled(), null,
                    switchedOn ? Rows.now(clock) : previous.activeSince(), null, null, rule.sortOrder(), rule.version());
            return previous == null ? repository.insert(toSave) : repository.update(toSave);
        });
    }
}
