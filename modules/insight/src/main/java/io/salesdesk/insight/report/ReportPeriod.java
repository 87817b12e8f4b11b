package io.salesdesk.insight.report;

import io.salesdesk.core.BusinessTime;
import io.salesdesk.workflow.sla.WorkingCalendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The days a daily report covers, from the start of {@code firstDay} to the end of {@code lastDay}
 * in the company's time zone.
 */
public record ReportPeriod(LocalDate firstDay, LocalDate lastDay) {

    public ReportPeriod {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("period ends before it starts: " + firstDay + ".." + lastDay);
        }
    }

    /** One day. */
    public static ReportPeriod day(LocalDate day) {
        return new ReportPeriod(day, day);
    }

    /**
     * What the report made on {@code reportDay} covers: the days since the previous working day,
     * that day included. On a Monday that is Friday to Sunday, after a holiday the whole holiday,
     * so nothing done at a weekend is missed.
     */
    public static ReportPeriod before(LocalDate reportDay, WorkingCalendar calendar) {
        LocalDate last = reportDay.minusDays(1);
        LocalDate first = last;
        for (int guard = 0; guard < 31 && !calendar.isWorkingDay(first); guard++) {
            first = first.minusDays(1);
        }
        return new ReportPeriod(first, last);
    }

    /** The start of the first day, in UTC as times are stored. */
    public OffsetDateTime from() {
        return firstDay.atStartOfDay(BusinessTime.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The start of the day after the last, exclusive. */
    public OffsetDateTime to() {
        return lastDay.plusDays(1).atStartOfDay(BusinessTime.ZONE).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
    }

    public long days() {
        return ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
    }

    /** "2026-11-27" or "2026-11-27 – 2026-11-29". */
    public String label() {
        return firstDay.equals(lastDay) ? firstDay.toString() : firstDay + " – " + lastDay;
    }
}
