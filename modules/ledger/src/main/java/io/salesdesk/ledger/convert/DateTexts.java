package io.salesdesk.ledger.convert;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates as people type them into ledgers: 2025/11/3, 2025-11-03, 2025.11.3, 2025年11月3日,
 * 20251103, optionally followed by a time (9:30, 09:30:15, 9时30分); full-width digits are fine.
 * Year-last dates (11/3/2025) only with a {@link DateOrder} hint.
 */
final class DateTexts {

    private static final String TIME = "(?:[\\sT]*(\\d{1,2})[:时](\\d{1,2})(?:[:分](\\d{1,2})(?:\\.\\d+)?秒?)?分?)?";
    private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*[日号]?" + TIME);
    private static final Pattern YEAR_LAST = Pattern.compile("(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{4})" + TIME);
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private DateTexts() {
    }

    /**
     * Parses a date text.
     *
     * @param raw   the text
     * @param order how to read year-last dates
     * @return the date and time (midnight if none given), or empty if the text is no valid date
     */
    static Optional<LocalDateTime> parse(String raw, DateOrder order) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        try {
            Matcher m = YEAR_FIRST.matcher(text);
            if (m.matches()) {
                return Optional.of(dateTime(m.group(1), m.group(2), m.group(3), m, 4));
            }
            m = COMPACT.matcher(text);
            if (m.matches()) {
                return Optional.of(LocalDate.of(num(m.group(1)), num(m.group(2)), num(m.group(3))).atStartOfDay());
            }
            m = YEAR_LAST.matcher(text);
            if (m.matches() && order != DateOrder.YEAR_FIRST) {
                boolean monthFirst = order == DateOrder.MONTH_FIRST;
                return Optional.of(dateTime(m.group(3), m.group(monthFirst ? 1 : 2), m.group(monthFirst ? 2 : 1), m, 4));
            }
        } catch (DateTimeException e) {
            // 2025-02-30 and the like: not a date.
        }
        return Optional.empty();
    }

    private static LocalDateTime dateTime(String year, String month, String day, Matcher m, int timeGroup) {
        LocalDate date = LocalDate.of(num(year), num(month), num(day));
        if (m.group(timeGroup) == null) {
            return date.atStartOfDay();
        }
        int seconds = m.group(timeGroup + 2) == null ? 0 : num(m.group(timeGroup + 2));
        return date.atTime(LocalTime.of(num(m.group(timeGroup)), num(m.group(timeGroup + 1)), seconds));
    }

    private static int num(String digits) {
        return Integer.parseInt(digits);
    }
}
