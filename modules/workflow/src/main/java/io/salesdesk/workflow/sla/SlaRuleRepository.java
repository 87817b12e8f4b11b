package io.salesdesk.workflow.sla;

import static io.salesdesk.db.jooq.Tables.SLA_FIRING;
import static io.salesdesk.db.jooq.Tables.SLA_RULE;

import io.salesdesk.core.StaleRecordException;
import io.salesdesk.crm.Tier;
import io.salesdesk.db.jooq.tables.records.SlaRuleRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** SLA rules, the record of what they fired, and the working calendar they count with. */
public final class SlaRuleRepository {

    static final String ENTITY = "sla_rule";

    private final DSLContext dsl;

    private SlaRuleRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    public static SlaRuleRepository using(Configuration configuration) {
        return new SlaRuleRepository(configuration);
    }

    public List<SlaRule> all() {
        return dsl.selectFrom(SLA_RULE).orderBy(SLA_RULE.SORT_ORDER, SLA_RULE.CODE).fetch(SlaRuleRepository::toRule);
    }

    public SlaRule insert(SlaRule rule) {
        SlaRuleRecord r = dsl.newRecord(SLA_RULE);
        write(r, rule);
        r.setId(rule.id());
        r.setVersion(1L);
        r.store();
        return toRule(r);
    }

    /** Saves a rule edited at {@code rule.version()}. */
    public SlaRule update(SlaRule rule) {
        SlaRuleRecord r = dsl.selectFrom(SLA_RULE).where(SLA_RULE.ID.eq(rule.id())).fetchOne();
        if (r == null || r.getVersion() != rule.version()) {
            throw new StaleRecordException(ENTITY, rule.id(), rule.version(), null);
        }
        write(r, rule);
        r.setVersion(rule.version() + 1);
        r.update();
        return toRule(r);
    }

    /** Switches a rule off with the reason, whatever its version (the scheduler does it). */
    public void disable(UUID id, String reason) {
        dsl.update(SLA_RULE).set(SLA_RULE.ENABLED, false).set(SLA_RULE.DISABLED_REASON, reason)
                .set(SLA_RULE.VERSION, SLA_RULE.VERSION.plus(1)).where(SLA_RULE.ID.eq(id)).execute();
    }

    /** Remembers that every lapse with an anchor up to {@code to} was looked at for the action. */
    public void markScanned(UUID ruleId, SlaRule.Action action, OffsetDateTime to) {
        dsl.update(SLA_RULE).set(action == SlaRule.Action.REMIND ? SLA_RULE.REMIND_SCANNED_TO : SLA_RULE.ESCALATE_SCANNED_TO, to)
                .where(SLA_RULE.ID.eq(ruleId)).execute();
    }

    /**
     * Records that the rule took the action for this lapse of the subject; false if it already
     * had (another client, an earlier run): only the writer that gets true acts.
     */
    public boolean recordFiring(UUID ruleId, UUID subjectId, SlaRule.Action action, OffsetDateTime anchor,
                                OffsetDateTime at) {
        return dsl.insertInto(SLA_FIRING).set(SLA_FIRING.RULE_ID, ruleId).set(SLA_FIRING.SUBJECT_ID, subjectId)
                .set(SLA_FIRING.ACTION, action.name()).set(SLA_FIRING.ANCHOR, anchor).set(SLA_FIRING.FIRED_AT, at)
                .onConflictDoNothing().execute() == 1;
    }

    private static void write(SlaRuleRecord r, SlaRule rule) {
        r.setCode(rule.code());
        r.setName(rule.name());
        r.setSubject(rule.subject().name());
        r.setSinceField(rule.sinceField());
        r.setTier(rule.tier() == null ? null : rule.tier().name());
        r.setRemindAfterMinutes(rule.remindAfterMinutes());
        r.setEscalateAfterMinutes(rule.escalateAfterMinutes());
        r.setNotifyManager(rule.notifyManager());
        r.setWorkingTime(rule.workingTime());
        r.setEnabled(rule.enabled());
        r.setDisabledReason(rule.enabled() ? null : rule.disabledReason());
        if (!rule.activeSince().equals(r.getActiveSince())) {
            // Switched on again: the count starts afresh.
            r.setRemindScannedTo(null);
            r.setEscalateScannedTo(null);
        }
        r.setActiveSince(rule.activeSince());
        r.setSortOrder(rule.sortOrder());
    }

    private static SlaRule toRule(SlaRuleRecord r) {
        return new SlaRule(r.getId(), r.getCode(), r.getName(), SlaRule.Subject.valueOf(r.getSubject()),
                r.getSinceField(), r.getTier() == null ? null : Tier.valueOf(r.getTier()), r.getRemindAfterMinutes(),
                r.getEscalateAfterMinutes(), r.getNotifyManager(), r.getWorkingTime(), r.getEnabled(),
                r.getDisabledReason(), r.getActiveSince(), r.getRemindScannedTo(), r.getEscalateScannedTo(),
                r.getSortOrder(), r.getVersion());
    }
}
