package io.salesdesk.app.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
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

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private Formats() {
    }

    public static String count(long n) {
        return NumberFormat.getIntegerInstance(I18n.locale()).format(n);
    }

    /**
     * An amount in yuan as a sales team reads it: "¥86.5万" in Chinese from 10,000 up, "¥860,000"
     * otherwise; empty when there is none.
     */
    public static String money(BigDecimal yuan) {
        if (yuan == null) {
            return "";
        }
        if (I18n.isChinese() && yuan.abs().compareTo(TEN_THOUSAND) >= 0) {
            DecimalFormat wan = new DecimalFormat("#,##0.#");
            return "¥" + wan.format(yuan.divide(TEN_THOUSAND, 1, RoundingMode.HALF_UP)) + "万";
        }
        return "¥" + new DecimalFormat("#,##0").format(yuan.setScale(0, RoundingMode.HALF_UP));
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

    /**
     * A value as a change record holds it, for people: times there are ISO text in UTC
     * ("2026-12-01T01:00Z"), which a manager would have to convert to Beijing time in their head;
     * dates are ISO dates. Anything else is shown as it is.
     */
    public static String recordedValue(String value) {
        try {
            if (value.length() >= 16 && value.charAt(10) == 'T') {
                return dateTime(OffsetDateTime.parse(value), io.salesdesk.core.BusinessTime.ZONE);
            }
            if (value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-') {
                return date(LocalDate.parse(value));
            }
        } catch (java.time.format.DateTimeParseException notATime) {
            // Text that only looks like a time (a note, a name): shown as it is.
        }
        return value;
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
