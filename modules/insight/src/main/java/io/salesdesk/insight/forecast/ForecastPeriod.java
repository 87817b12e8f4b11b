package io.salesdesk.insight.forecast;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Objects;

/**
 * A forecast period: a calendar month or quarter in the company's time zone, named by its first day.
 *
 * @param kind  month or quarter
 * @param start its first day
 */
public record ForecastPeriod(Kind kind, LocalDate start) {

    /** The lengths of period a forecast is made for. */
    public enum Kind {
        MONTH, QUARTER
    }

    public ForecastPeriod {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        start = firstDay(kind, start);
    }

    /** The period of this kind that holds {@code day}. */
    public static ForecastPeriod containing(Kind kind, LocalDate day) {
        return new ForecastPeriod(kind, day);
    }

    private static LocalDate firstDay(Kind kind, LocalDate day) {
        LocalDate month = day.withDayOfMonth(1);
        return kind == Kind.MONTH ? month : month.withMonth((day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1);
    }

    /** Its last day. */
    public LocalDate end() {
        return next().start().minusDays(1);
    }

    /** The period after it. */
    public ForecastPeriod next() {
        return new ForecastPeriod(kind, start.plusMonths(months()));
    }

    /** The period {@code n} periods before it. */
    public ForecastPeriod minus(int n) {
        return new ForecastPeriod(kind, start.minusMonths((long) months() * n));
    }

    /** Whether it ended before {@code today}, so its actuals are final. */
    public boolean isClosed(LocalDate today) {
        return end().isBefore(today);
    }

    /** Whether {@code day} falls in it. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end());
    }

    private int months() {
        return kind == Kind.MONTH ? 1 : 3;
    }

    /** A short label: 2026-11 or 2026 Q4. */
    public String label() {
        return kind == Kind.MONTH ? String.format("%d-%02d", start.getYear(), start.getMonthValue())
                : start.getYear() + " Q" + start.get(IsoFields.QUARTER_OF_YEAR);
    }
}
