package io.salesdesk.app.common;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;

/** Dates, times and numbers as the user reads them, in the current language. */
public final class Formats {

    private Formats() {
    }

    public static String count(long n) {
        return NumberFormat.getIntegerInstance(I18n.locale()).format(n);
    }

    public static String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        return date.format(DateTimeFormatter.ofPattern(I18n.get("format.date"), I18n.locale()));
    }

    /** A date in a narrow column: "11月26日" this year, the full date otherwise. */
    public static String shortDate(LocalDate date, Clock clock) {
        if (date == null) {
            return "";
        }
        if (date.getYear() != LocalDate.now(clock).getYear()) {
            return date(date);
        }
        return date.format(DateTimeFormatter.ofPattern(I18n.get("format.shortDate"), I18n.locale()));
    }

    public static String longDate(LocalDate date) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(I18n.locale()));
    }

    public static String dateTime(OffsetDateTime time, ZoneId zone) {
        if (time == null) {
            return "";
        }
        return time.atZoneSameInstant(zone)
                .format(DateTimeFormatter.ofPattern(I18n.get("format.dateTime"), I18n.locale()));
    }

    /** "今天", "昨天", "3 天前", "2 个月前"; empty when never. */
    public static String relative(OffsetDateTime time, Clock clock) {
        if (time == null) {
            return I18n.get("time.never");
        }
        LocalDate then = time.atZoneSameInstant(clock.getZone()).toLocalDate();
        long days = ChronoUnit.DAYS.between(then, LocalDate.now(clock));
        if (days <= 0) {
            return I18n.get("time.today");
        }
        if (days == 1) {
            return I18n.get("time.yesterday");
        }
        if (days < 60) {
            return I18n.get("time.daysAgo", days);
        }
        return I18n.get("time.monthsAgo", days / 30);
    }
}
