package io.salesdesk.workflow.sla;

import io.salesdesk.core.BusinessTime;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * Working time: Monday to Friday within working hours in the organisation's zone, less public
 * holidays, plus the weekend days made working days (调休). Rules that count working time ask it
 * when their threshold falls due.
 */
public final class WorkingCalendar {

    /** Days of exception: true for a working day (调休), false for a holiday. */
    private final Map<LocalDate, Boolean> exceptions;
    private final LocalTime start;
    private final LocalTime end;

    public WorkingCalendar(Map<LocalDate, Boolean> exceptions, LocalTime start, LocalTime end) {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("working hours must start before they end: " + start + "–" + end);
        }
        this.exceptions = Map.copyOf(exceptions);
        this.start = start;
        this.end = end;
    }

    /** 09:00–18:00 Monday to Friday, no holidays. */
    public static WorkingCalendar standard() {
        return new WorkingCalendar(Map.of(), LocalTime.of(9, 0), LocalTime.of(18, 0));
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean exception = exceptions.get(day);
        if (exception != null) {
            return exception;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The instant at which {@code amount} of working time has passed since {@code from}. */
    public Instant plusWorking(Instant from, Duration amount) {
        ZonedDateTime t = from.atZone(BusinessTime.ZONE);
        Duration left = amount;
        // Bounded: a year of days is far more than any SLA; a calendar without working days stops.
        for (int guard = 0; guard < 400; guard++) {
            LocalDate day = t.toLocalDate();
            if (isWorkingDay(day)) {
                ZonedDateTime open = day.atTime(start).atZone(BusinessTime.ZONE);
                ZonedDateTime close = day.atTime(end).atZone(BusinessTime.ZONE);
                ZonedDateTime from2 = t.isBefore(open) ? open : t;
                if (from2.isBefore(close)) {
                    Duration available = Duration.between(from2, close);
                    if (available.compareTo(left) >= 0) {
                        return from2.plus(left).toInstant();
                    }
                    left = left.minus(available);
                }
            }
            t = day.plusDays(1).atStartOfDay(BusinessTime.ZONE);
        }
        return Instant.MAX;
    }

    /** Working time between two instants (zero if {@code to} is not after {@code from}). */
    public Duration workingBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        ZonedDateTime t = from.atZone(BusinessTime.ZONE);
        ZonedDateTime stop = to.atZone(BusinessTime.ZONE);
        while (t.isBefore(stop)) {
            LocalDate day = t.toLocalDate();
            if (isWorkingDay(day)) {
                ZonedDateTime open = day.atTime(start).atZone(BusinessTime.ZONE);
                ZonedDateTime close = day.atTime(end).atZone(BusinessTime.ZONE);
                ZonedDateTime a = t.isBefore(open) ? open : t;
                ZonedDateTime b = stop.isBefore(close) ? stop : close;
                if (a.isBefore(b)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
            t = day.plusDays(1).atStartOfDay(BusinessTime.ZONE);
        }
        return total;
    }
}
