package io.salesdesk.workflow.sla;

import java.time.LocalDate;

/**
 * An exception to the working week: a public holiday, or a weekend day worked instead (调休).
 *
 * @param name what the day is, e.g. 春节 or 国庆节调休
 */
public record CalendarDay(LocalDate day, Kind kind, String name) {

    public enum Kind {
        /** No work although it may be a weekday. */
        HOLIDAY,
        /** Work although it is a weekend day (调休上班). */
        WORKDAY
    }
}
