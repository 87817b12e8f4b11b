package io.salesdesk.insight.kpi;

import io.salesdesk.db.BusinessDates;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * A period cut into its whole calendar months and the days of the partial months at either end: a
 * KPI reads the whole months from a monthly roll-up and only the edge days from the daily one, and
 * every day of the period is counted exactly once.
 *
 * @param firstMonth the first whole month's number ({@link BusinessDates#monthNo(LocalDate)})
 * @param lastMonth  the last whole month's number; less than firstMonth when there is none
 * @param edges      the days outside the whole months, at most two runs
 */
record MonthSpan(int firstMonth, int lastMonth, List<Period> edges) {

    static MonthSpan of(Period period) {
        LocalDate firstWhole = period.from().getDayOfMonth() == 1 ? period.from()
                : period.from().withDayOfMonth(1).plusMonths(1);
        LocalDate lastWholeEnd = period.to().equals(YearMonth.from(period.to()).atEndOfMonth()) ? period.to()
                : period.to().withDayOfMonth(1).minusDays(1);
        if (firstWhole.isAfter(lastWholeEnd)) {
            return new MonthSpan(1, 0, List.of(period));
        }
        List<Period> edges = new ArrayList<>();
        if (firstWhole.isAfter(period.from())) {
            edges.add(new Period(period.from(), firstWhole.minusDays(1)));
        }
        if (lastWholeEnd.isBefore(period.to())) {
            edges.add(new Period(lastWholeEnd.plusDays(1), period.to()));
        }
        return new MonthSpan(BusinessDates.monthNo(firstWhole), BusinessDates.monthNo(lastWholeEnd), List.copyOf(edges));
    }

    /** The rows of the whole months, on a month_no column. */
    Condition months(Field<Integer> monthNo) {
        return firstMonth > lastMonth ? DSL.falseCondition() : monthNo.between(firstMonth, lastMonth);
    }

    /** The rows of the edge days, on a day column. */
    Condition days(Field<LocalDate> day) {
        Condition c = DSL.falseCondition();
        for (Period p : edges) {
            c = c.or(day.between(p.from(), p.to()));
        }
        return c;
    }
}
