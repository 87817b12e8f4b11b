package io.salesdesk.insight.kpi;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Two periods side by side: the one looked at and the one it is measured against. Either the
 * previous period of the same length (this quarter vs last), or before vs after a date the user
 * picks (the table a company shows its board after a change: [from, pivot − 1] vs [pivot, to]).
 *
 * @param current  the period looked at (the "after" of a before/after table)
 * @param baseline what it is compared with (the "before")
 * @param pivot    the date picked for a before/after comparison; null for a previous-period one
 */
public record PeriodComparison(Period current, Period baseline, LocalDate pivot) {

    public PeriodComparison {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(baseline, "baseline");
    }

    /** {@code current} against the period of the same length just before it. */
    public static PeriodComparison previous(Period current) {
        return new PeriodComparison(current, current.previous(), null);
    }

    /**
     * Before vs after {@code pivot}: [from, pivot − 1] against [pivot, to].
     *
     * @throws IllegalArgumentException unless from &lt; pivot ≤ to
     */
    public static PeriodComparison beforeAfter(LocalDate from, LocalDate pivot, LocalDate to) {
        if (!from.isBefore(pivot) || pivot.isAfter(to)) {
            throw new IllegalArgumentException("the pivot date must lie after the first day and not after the last");
        }
        return new PeriodComparison(new Period(pivot, to), new Period(from, pivot.minusDays(1)), pivot);
    }

    public boolean isBeforeAfter() {
        return pivot != null;
    }
}
