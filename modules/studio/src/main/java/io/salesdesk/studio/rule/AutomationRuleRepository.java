package io.salesdesk.studio.rule;

import static io.salesdesk.db.jooq.Tables.AUTOMATION_RULE;
import static io.salesdesk.db.jooq.Tables.AUTOMATION_RULE_VERSION;

import io.salesdesk.core.StaleRecordException;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.records.AutomationRuleRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Automation rules and every saved version of each; a deleted rule keeps its rows for the run log. */
public final class AutomationRuleRepository {

    static final String ENTITY = "automation_rule";

    private final DSLContext dsl;
    private final Clock clock;

    private AutomationRuleRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
    }

    public static AutomationRuleRepository using(Configuration configuration, Clock clock) {
        return new AutomationRuleRepository(configuration, clock);
    }

    /** The live rules, oldest first (the order they run in). */
    public List<AutomationRule> all() {
        return dsl.selectFrom(AUTOMATION_RULE).where(AUTOMATION_RULE.DELETED_AT.isNull())
                .orderBy(AUTOMATION_RULE.CREATED_AT, AUTOMATION_RULE.ID).fetch(AutomationRuleRepository::toRule);
    }

    public Optional<AutomationRule> find(UUID id) {
        return dsl.selectFrom(AUTOMATION_RULE).where(AUTOMATION_RULE.ID.eq(id), AUTOMATION_RULE.DELETED_AT.isNull())
                .fetchOptional(AutomationRuleRepository::toRule);
    }

    AutomationRule insert(UUID actorId, UUID id, RuleDefinition rule, String suggestion, Long scannedSeq) {
        OffsetDateTime now = Rows.now(clock);
        AutomationRuleRecord r = dsl.newRecord(AUTOMATION_RULE);
        r.setId(id);
        fill(r, rule);
        r.setActiveSince(now);
        r.setScannedSeq(scannedSeq);
        r.setSuggestion(suggestion);
        r.setVersion(1L);
        r.setCreatedAt(now);
        r.setCreatedBy(actorId);
        r.setUpdatedAt(now);
        r.setUpdatedBy(actorId);
        r.insert();
        saveVersion(r, actorId);
        return toRule(r);
    }

    /**
     * Saves a changed definition. Switching a rule on restarts its "created" and "field changed"
     * watch from now, so it does not act on what happened while it was off.
     *
     * @throws StaleRecordException if someone else saved the rule since {@code expectedVersion}
     */
    AutomationRule update(UUID actorId, UUID id, long expectedVersion, RuleDefinition rule, Long seqNow) {
        AutomationRuleRecord r = dsl.selectFrom(AUTOMATION_RULE)
                .where(AUTOMATION_RULE.ID.eq(id), AUTOMATION_RULE.DELETED_AT.isNull()).forUpdate().fetchOne();
        if (r == null || r.getVersion() != expectedVersion) {
            throw new StaleRecordException(ENTITY, id, expectedVersion, r == null ? null : toRule(r));
        }
        OffsetDateTime now = Rows.now(clock);
        boolean switchedOn = rule.enabled() && !r.getEnabled();
        boolean triggerChanged = !RuleJson.write(rule.trigger()).equals(r.getRuleTrigger());
        fill(r, rule);
        if (switchedOn || triggerChanged) {
            r.setActiveSince(now);
            r.setScannedSeq(seqNow);
        }
        r.setVersion(expectedVersion + 1);
        r.setUpdatedAt(now);
        r.setUpdatedBy(actorId);
        r.update();
        saveVersion(r, actorId);
        return toRule(r);
    }

    void delete(UUID actorId, UUID id, long expectedVersion) {
        int n = dsl.update(AUTOMATION_RULE).set(AUTOMATION_RULE.DELETED_AT, Rows.now(clock))
                .set(AUTOMATION_RULE.UPDATED_BY, actorId).set(AUTOMATION_RULE.VERSION, expectedVersion + 1)
                .where(AUTOMATION_RULE.ID.eq(id), AUTOMATION_RULE.VERSION.eq(expectedVersion),
                        AUTOMATION_RULE.DELETED_AT.isNull()).execute();
        if (n == 0) {
            throw new StaleRecordException(ENTITY, id, expectedVersion, find(id).orElse(null));
        }
    }

    /**
     * Switches a rule off on behalf of the system, with the reason the list shows; a new version, so a
     * dialog open on the old one is told the rule changed.
     */
    void disable(UUID id, String reason) {
        AutomationRuleRecord r = dsl.selectFrom(AUTOMATION_RULE).where(AUTOMATION_RULE.ID.eq(id)).forUpdate().fetchOne();
        if (r == null || !r.getEnabled()) {
            return;
        }
        r.setEnabled(false);
        r.setDisabledReason(reason.length() <= 300 ? reason : reason.substring(0, 299) + "…");
        r.setVersion(r.getVersion() + 1);
        r.setUpdatedAt(Rows.now(clock));
        r.update();
        saveVersion(r, null);
    }

    /**
     * Remembers a complete time-based scan: the change-log position read before it and its cutoff, so
     * the next scan reads only what changed or crossed the cutoff since.
     */
    void markWindow(UUID id, long seq, OffsetDateTime cutoff) {
        dsl.update(AUTOMATION_RULE).set(AUTOMATION_RULE.SCANNED_SEQ, seq).set(AUTOMATION_RULE.SCANNED_UNTIL, cutoff)
                .where(AUTOMATION_RULE.ID.eq(id)).execute();
    }

    /** Remembers how far a "field changed to" rule has read the audit trail. */
    void markScanned(UUID id, long seq) {
        dsl.update(AUTOMATION_RULE).set(AUTOMATION_RULE.SCANNED_SEQ, seq).where(AUTOMATION_RULE.ID.eq(id)).execute();
    }

    /** Whether a ready-made rule was already added (and not deleted). */
    boolean hasSuggestion(String key) {
        return dsl.fetchExists(AUTOMATION_RULE, AUTOMATION_RULE.SUGGESTION.eq(key), AUTOMATION_RULE.DELETED_AT.isNull());
    }

    private void saveVersion(AutomationRuleRecord r, UUID actorId) {
        dsl.insertInto(AUTOMATION_RULE_VERSION)
                .set(AUTOMATION_RULE_VERSION.RULE_ID, r.getId())
                .set(AUTOMATION_RULE_VERSION.VERSION, r.getVersion())
                .set(AUTOMATION_RULE_VERSION.NAME, r.getName())
                .set(AUTOMATION_RULE_VERSION.RULE_TRIGGER, r.getRuleTrigger())
                .set(AUTOMATION_RULE_VERSION.CONDITIONS, r.getConditions())
                .set(AUTOMATION_RULE_VERSION.ACTIONS, r.getActions())
                .set(AUTOMATION_RULE_VERSION.ENABLED, r.getEnabled())
                .set(AUTOMATION_RULE_VERSION.SAVED_AT, r.getUpdatedAt())
                .set(AUTOMATION_RULE_VERSION.SAVED_BY, actorId)
                .execute();
    }

    /** How many versions of a rule were saved. */
    int versionCount(UUID id) {
        return dsl.fetchCount(AUTOMATION_RULE_VERSION, AUTOMATION_RULE_VERSION.RULE_ID.eq(id));
    }

    private static void fill(AutomationRuleRecord r, RuleDefinition rule) {
        r.setName(rule.name());
        r.setEntity(rule.entity());
        r.setRuleTrigger(RuleJson.write(rule.trigger()));
        r.setConditions(RuleJson.write(rule.conditions()));
        r.setActions(RuleJson.write(rule.actions()));
        r.setEnabled(rule.enabled());
        // A saved rule is the user's: whatever switched it off before is answered by this save.
        r.setDisabledReason(null);
        // Other conditions or days match other records: the next time-based scan reads them all.
        r.setScannedUntil(null);
    }

    private static AutomationRule toRule(AutomationRuleRecord r) {
        RuleDefinition definition = new RuleDefinition(r.getName(), r.getEntity(), RuleJson.trigger(r.getRuleTrigger()),
                RuleJson.conditions(r.getConditions()), RuleJson.actions(r.getActions()), r.getEnabled());
        return new AutomationRule(r.getId(), definition, r.getActiveSince(), r.getScannedSeq(), r.getSuggestion(),
                r.getDisabledReason(), r.getCreatedBy(), r.getUpdatedAt(), r.getVersion(), r.getScannedUntil());
    }
}
