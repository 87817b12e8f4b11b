package io.salesdesk.app.dashboard;

import io.salesdesk.insight.kpi.Period;
import io.salesdesk.insight.kpi.PeriodComparison;
import java.time.LocalDate;
import java.time.YearMonth;

/** The period picker's choices: 本月, 本季度, 上季度, 自定义, and before/after a date (前后对比). */
public enum PeriodChoice {
    THIS_MONTH, THIS_QUARTER, LAST_QUARTER, CUSTOM, BEFORE_AFTER;

    /**
     * The periods this choice means on {@code today}; CUSTOM reads {@code from}–{@code to} and
     * compares with the period of the same length before it, BEFORE_AFTER splits it at {@code pivot}.
     *
     * @throws IllegalArgumentException when the picked dates do not make a period
     */
    public PeriodComparison periods(LocalDate today, LocalDate from, LocalDate pivot, LocalDate to) {
        return switch (this) {
            case THIS_MONTH -> PeriodComparison.previous(Period.month(YearMonth.from(today)));
            case THIS_QUARTER -> PeriodComparison.previous(Period.quarterOf(today));
            case LAST_QUARTER -> PeriodComparison.previous(Period.quarterOf(today).previous());
            case CUSTOM -> PeriodComparison.previous(new Period(from, to));
            case BEFORE_AFTER -> PeriodComparison.beforeAfter(from, pivot, to);
        };
    }
}
