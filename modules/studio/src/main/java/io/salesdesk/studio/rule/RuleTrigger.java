package io.salesdesk.studio.rule;

/**
 * When a rule looks at a record.
 *
 * @param kind         what starts it
 * @param activityKind for {@link Kind#NO_ACTIVITY}: the kind of follow-up counted (DEMO, VISIT …), null for any
 * @param days         for {@link Kind#NO_ACTIVITY}: how many days without one
 * @param field        for {@link Kind#FIELD_CHANGED}: the field watched (a built-in key or {@code custom.KEY})
 * @param value        for {@link Kind#FIELD_CHANGED}: the value it changed to
 */
public record RuleTrigger(Kind kind, String activityKind, Integer days, String field, String value) {

    /** The triggers a rule can have. */
    public enum Kind {
        /** No follow-up (of a kind) for N days: found by a scan of the records as they are now. */
        NO_ACTIVITY,
        /** A record was created after the rule was switched on. */
        CREATED,
        /** A field changed to a value after the rule was switched on, as the audit trail recorded it. */
        FIELD_CHANGED
    }

    public static RuleTrigger noActivity(String activityKind, int days) {
        return new RuleTrigger(Kind.NO_ACTIVITY, activityKind, days, null, null);
    }

    public static RuleTrigger created() {
        return new RuleTrigger(Kind.CREATED, null, null, null, null);
    }

    public static RuleTrigger fieldChanged(String field, String value) {
        return new RuleTrigger(Kind.FIELD_CHANGED, null, null, field, value);
    }
}
