package io.salesdesk.insight.tier;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** The period a tier rule counts over, in the company's calendar. */
public enum Period {
    MONTH, QUARTER;

    /** The first day of the period that holds {@code day}. */
    public LocalDate start(LocalDate day) {
        return this == MONTH ? day.withDayOfMonth(1)
                : day.withMonth((day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1).withDayOfMonth(1);
    }

    /** The first day after the period that holds {@code day}. */
    public LocalDate end(LocalDate day) {
        return start(day).plusMonths(this == MONTH ? 1 : 3);
    }
}
