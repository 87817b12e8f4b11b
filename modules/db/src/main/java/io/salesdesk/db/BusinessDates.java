package io.salesdesk.db;

import io.salesdesk.core.BusinessTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The business day (the calendar day in {@link BusinessTime#ZONE}, Asia/Shanghai) of a stored
 * instant, as one SQL expression that HSQLDB and PostgreSQL both run: every query that counts by
 * day (KPIs, inquiry counts, roll-ups) cuts days at the same midnight.
 */
public final class BusinessDates {

    private BusinessDates() {
    }

    /** The business day of {@code instant}, a TIMESTAMP WITH TIME ZONE column or expression. */
    public static Field<LocalDate> of(Field<OffsetDateTime> instant) {
        // AT TIME ZONE reads the instant, not the offset it was written with, so rows written with
        // any offset fall on the same day; both databases accept a region id here.
        return DSL.field("cast(({0} at time zone {1}) as date)", SQLDataType.LOCALDATE, instant,
                DSL.inline(BusinessTime.ZONE.getId()));
    }

    /** The month number (year × 12 + month − 1) of a day: the key of the monthly KPI roll-ups. */
    public static int monthNo(LocalDate day) {
        return day.getYear() * 12 + day.getMonthValue() - 1;
    }

    /** {@link #monthNo(LocalDate)} of a DATE column or expression, in SQL. */
    public static Field<Integer> monthNo(Field<LocalDate> day) {
        return DSL.year(day).mul(DSL.inline(12)).plus(DSL.month(day)).minus(DSL.inline(1)).cast(SQLDataType.INTEGER);
    }

    /** The business day of {@code instant} computed in Java, matching {@link #of(Field)}. */
    public static LocalDate of(OffsetDateTime instant) {
        return instant.atZoneSameInstant(BusinessTime.ZONE).toLocalDate();
    }
}
