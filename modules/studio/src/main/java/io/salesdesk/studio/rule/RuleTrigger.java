package io.salesdesk.studio.rule;

import java.util.List;

/**
 * When a rule looks at a record.
 *
 * @param kind         what starts it
 * @param activityKind for {@link Kind#NO_ACTIVITY}: the kind of follow-up counted (DEMO, VISIT …), null for any
 * @param days         for {@link Kind#NO_ACTIVITY}: how many days without one; for {@link Kind#DATE_RELATIVE}:
 *                     days after the date (negative: before it, 0: on the day)
 * @param field        for {@link Kind#FIELD_CHANGED}: the field watched (a built-in key or {@code custom.KEY});
 *                     for {@link Kind#DATE_RELATIVE}: the date field; for {@link Kind#APPROVAL}: what was
 *                     submitted (contract, quote, customer …), null for any
 * @param value        for {@link Kind#FIELD_CHANGED}: the value it changed to; for {@link Kind#APPROVAL}:
 *                     APPROVED or REJECTED
 */
public record RuleTrigger(Kind kind, String activityKind, Integer days, String field, String value) {

    /** The triggers a rule can have. */
    public enum Kind {
        /** No follow-up (of a kind) for N days: found by a scan of the records as they are now. */
        NO_ACTIVITY,
        /** A record was created after the rule was switched on. */
        CREATED,
        /** A field changed to a value after the rule was switched on, as the audit trail recorded it. */
        FIELD_CHANGED,
        /** Any change a person or an import made to the record (changes made by rules do not count). */
        UPDATED,
        /** A number of days before or after a date field (合同到期, expected close date …). */
        DATE_RELATIVE,
        /** An approval request about the record (or its contract or quote) was approved or rejected. */
        APPROVAL
    }

    /** The outcomes an approval trigger watches for. */
    public static final List<String> APPROVAL_OUTCOMES = List.of("APPROVED", "REJECTED");

    public static RuleTrigger noActivity(String activityKind, int days) {
        return new RuleTrigger(Kind.NO_ACTIVITY, activityKind, days, null, null);
    }

    public static RuleTrigger created() {
        return new RuleTrigger(Kind.CREATED, null, null, null, null);
    }

    public static RuleTrigger fieldChanged(String field, String value) {
        return new RuleTrigger(Kind.FIELD_CHANGED, null, null, field, value);
    }

    public static RuleTrigger updated() {
        return new RuleTrigger(Kind.UPDATED, null, null, null, null);
    }

    /** {@code days} after the date in {@code field}; negative: before it ("3 天前"). */
    public static RuleTrigger relativeTo(String field, int days) {
        return new RuleTrigger(Kind.DATE_RELATIVE, null, days, field, null);
    }

    /** @param submitted what was submitted (contract, quote …), null for any; @param outcome APPROVED or REJECTED */
    public static RuleTrigger approval(String submitted, String outcome) {
        return new RuleTrigger(Kind.APPROVAL, null, null, submitted, outcome);
    }
}
