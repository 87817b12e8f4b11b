package io.salesdesk.insight.tier;

import static io.salesdesk.db.jooq.Tables.BONUS_BAND;
import static io.salesdesk.db.jooq.Tables.TIER_RULE;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.Tier;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.records.TierRuleRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Tier action rules and the bonus formula's bands; changes go into the audit trail. */
public final class TierRuleRepository {

    static final String ENTITY = "tier_rule";
    static final String FORMULA_ENTITY = "bonus_band";
    /** The audit trail wants an id for the formula, which is one per workspace. */
    static final UUID FORMULA_ID = UUID.fromString("0192f000-0000-7000-8000-00000000b0b0");

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private TierRuleRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static TierRuleRepository using(Configuration configuration, Clock clock) {
        return new TierRuleRepository(configuration, clock);
    }

    /** Live rules by tier, then name. */
    public List<TierRule> all() {
        return dsl.selectFrom(TIER_RULE).where(TIER_RULE.DELETED_AT.isNull())
                .orderBy(TIER_RULE.TIER, TIER_RULE.NAME, TIER_RULE.ID).fetch(TierRuleRepository::toRule);
    }

    public Optional<TierRule> find(UUID id) {
        return dsl.selectFrom(TIER_RULE).where(TIER_RULE.ID.eq(id), TIER_RULE.DELETED_AT.isNull())
                .fetchOptional(TierRuleRepository::toRule);
    }

    public TierRule insert(Actor actor, ChangeReason reason, TierRule rule) {
        OffsetDateTime now = Rows.now(clock);
        TierRuleRecord r = dsl.newRecord(TIER_RULE);
        r.setId(Ids.newId(clock));
        fill(r, rule);
        r.setVersion(1L);
        r.setCreatedAt(now);
        r.setCreatedBy(Rows.userId(actor));
        r.setUpdatedAt(now);
        r.setUpdatedBy(Rows.userId(actor));
        r.insert();
        TierRule saved = toRule(r);
        changeLog.record(actor, reason, ENTITY, r.getId(), ChangeEntry.Operation.INSERT,
                FieldChange.diff(Map.of(), snapshot(saved)));
        return saved;
    }

    /** Writes a change made on {@code rule.version()}; a newer version fails with a conflict. */
    public TierRule update(Actor actor, ChangeReason reason, TierRule rule) {
        TierRule before = find(rule.id()).orElse(null);
        int updated = dsl.update(TIER_RULE).set(TIER_RULE.NAME, rule.name()).set(TIER_RULE.TIER, rule.tier().name())
                .set(TIER_RULE.ACTIVITY_KIND, rule.activityKind().name()).set(TIER_RULE.REQUIRED_COUNT, rule.count())
                .set(TIER_RULE.PERIOD_KIND, rule.period().name()).set(TIER_RULE.ENABLED, rule.enabled())
                .set(TIER_RULE.VERSION, TIER_RULE.VERSION.plus(1)).set(TIER_RULE.UPDATED_AT, Rows.now(clock))
                .set(TIER_RULE.UPDATED_BY, Rows.userId(actor))
                .where(TIER_RULE.ID.eq(rule.id()), TIER_RULE.VERSION.eq(rule.version()), TIER_RULE.DELETED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw new StaleRecordException(ENTITY, rule.id(), rule.version(), before);
        }
        TierRule after = find(rule.id()).orElseThrow();
        changeLog.record(actor, reason, ENTITY, rule.id(), ChangeEntry.Operation.UPDATE,
                FieldChange.diff(snapshot(before), snapshot(after)));
        return after;
    }

    /** Soft-deletes a rule read at {@code version}. */
    public void delete(Actor actor, ChangeReason reason, UUID id, long version) {
        TierRule before = find(id).orElse(null);
        int updated = dsl.update(TIER_RULE).set(TIER_RULE.DELETED_AT, Rows.now(clock))
                .set(TIER_RULE.VERSION, TIER_RULE.VERSION.plus(1))
                .where(TIER_RULE.ID.eq(id), TIER_RULE.VERSION.eq(version), TIER_RULE.DELETED_AT.isNull()).execute();
        if (updated == 0) {
            throw new StaleRecordException(ENTITY, id, version, before);
        }
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.DELETE,
                FieldChange.diff(snapshot(before), Map.of()));
    }

    /** The bonus formula's bands by lower bound. */
    public BonusFormula formula() {
        return new BonusFormula(dsl.selectFrom(BONUS_BAND).orderBy(BONUS_BAND.LOWER_PERCENT)
                .fetch(r -> new BonusBand(r.getLowerPercent(), r.getCoefficient())));
    }

    /** Replaces the formula's bands. */
    public void saveFormula(Actor actor, ChangeReason reason, BonusFormula formula) {
        BonusFormula before = formula();
        dsl.deleteFrom(BONUS_BAND).execute();
        for (BonusBand band : formula.bands()) {
            dsl.insertInto(BONUS_BAND).set(BONUS_BAND.LOWER_PERCENT, band.lowerPercent())
                    .set(BONUS_BAND.COEFFICIENT, band.coefficient()).execute();
        }
        changeLog.record(actor, reason, FORMULA_ENTITY, FORMULA_ID, ChangeEntry.Operation.UPDATE,
                FieldChange.diff(Map.of("bands", text(before)), Map.of("bands", text(formula))));
    }

    private static String text(BonusFormula f) {
        return f.bands().stream().map(b -> b.lowerPercent() + "%→" + b.coefficient().toPlainString())
                .collect(Collectors.joining(", "));
    }

    private static void fill(TierRuleRecord r, TierRule rule) {
        r.setName(rule.name());
        r.setTier(rule.tier().name());
        r.setActivityKind(rule.activityKind().name());
        r.setRequiredCount(rule.count());
        r.setPeriodKind(rule.period().name());
        r.setEnabled(rule.enabled());
    }

    private static TierRule toRule(TierRuleRecord r) {
        return new TierRule(r.getId(), r.getName(), Tier.valueOf(r.getTier()), ActivityKind.valueOf(r.getActivityKind()),
                r.getRequiredCount(), Period.valueOf(r.getPeriodKind()), r.getEnabled(), r.getVersion());
    }

    private static Map<String, Object> snapshot(TierRule rule) {
        if (rule == null) {
            return Map.of();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", rule.name());
        m.put("tier", rule.tier());
        m.put("activityKind", rule.activityKind());
        m.put("count", rule.count());
        m.put("period", rule.period());
        m.put("enabled", rule.enabled());
        return m;
    }
}
