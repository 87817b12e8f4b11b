package io.salesdesk.insight.kpi;

import io.salesdesk.core.BusinessTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Objects;

/**
 * A range of business days, both ends inclusive, in the organisation's zone (Asia/Shanghai).
 *
 * @param from first day
 * @param to   last day, not before {@code from}
 */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts: " + from + " – " + to);
        }
    }

    public static Period month(YearMonth month) {
        return new Period(month.atDay(1), month.atEndOfMonth());
    }

    /** The calendar quarter {@code day} falls in. */
    public static Period quarterOf(LocalDate day) {
        LocalDate first = day.with(IsoFields.DAY_OF_QUARTER, 1);
        return new Period(first, first.plusMonths(3).minusDays(1));
    }

    /** The period of the same length that ends the day before this one starts. */
    public Period previous() {
        if (from.getDayOfMonth() == 1 && to.equals(YearMonth.from(to).atEndOfMonth())) {
            // Whole months compare with the same number of whole months (Q2 against Q1, not 91 days).
            long months = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
            return new Period(from.minusMonths(months), from.minusDays(1));
        }
        return new Period(from.minusDays(days()), from.minusDays(1));
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Calendar months covered: a whole month counts 1, a part by its share of the month's days. */
    public BigDecimal months() {
        BigDecimal total = BigDecimal.ZERO;
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            LocalDate start = from.isAfter(m.atDay(1)) ? from : m.atDay(1);
            LocalDate end = to.isBefore(m.atEndOfMonth()) ? to : m.atEndOfMonth();
            long days = ChronoUnit.DAYS.between(start, end) + 1;
            total = total.add(BigDecimal.valueOf(days).divide(BigDecimal.valueOf(m.lengthOfMonth()), 6,
                    RoundingMode.HALF_UP));
        }
        return total;
    }

    /** The first instant of the period, in UTC as the database stores times. */
    public OffsetDateTime start() {
        return from.atStartOfDay(BusinessTime.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The first instant after the period. */
    public OffsetDateTime end() {
        return to.plusDays(1).atStartOfDay(BusinessTime.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    @Override
    public String toString() {
        return from + " – " + to;
    }
}
