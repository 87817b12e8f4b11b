package io.salesdesk.studio.field;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The kinds of custom field. Values travel as canonical text — numbers as plain decimals ("12.5"),
 * dates ISO ("2026-12-01"), date-times ISO with offset (read back in UTC), multiple choices one per line in the field's
 * order, users as ids, regions as GB/T 2260 codes, checkboxes "true"/"false" — and are stored in the
 * column of their type so lists can filter and sort in SQL.
 */
public enum FieldType {
    TEXT, LONG_TEXT, NUMBER, MONEY, DATE, DATE_TIME, SINGLE_CHOICE, MULTI_CHOICE, USER, REGION, CHECKBOX, LINK;

    static final int TEXT_MAX = 200;
    static final int LONG_TEXT_MAX = 4000;
    private static final BigDecimal NUMBER_LIMIT = new BigDecimal("1e16");
    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");
    private static final Pattern LINK_FORM = Pattern.compile("(?i)https?://\\S+");

    /** A value in the columns it is stored in. */
    record Stored(String text, BigDecimal number, OffsetDateTime moment, Boolean flag) {
    }

    /** Why a text is no value of this type, as a message key and its arguments. */
    static final class Refused extends Exception {

        final String messageKey;
        final transient Object[] arguments;

        Refused(String messageKey, Object... arguments) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
            this.arguments = arguments;
        }
    }

    public boolean hasChoices() {
        return this == SINGLE_CHOICE || this == MULTI_CHOICE;
    }

    /** The stored form of a non-blank canonical text, or why it is none. */
    Stored store(String text, List<String> choices) throws Refused {
        String value = text.strip();
        return switch (this) {
            case TEXT -> new Stored(limited(value, TEXT_MAX), null, null, null);
            case LONG_TEXT -> new Stored(limited(text, LONG_TEXT_MAX), null, null, null);
            case NUMBER, MONEY -> new Stored(null, number(value), null, null);
            case DATE -> new Stored(date(value).toString(), null, null, null);
            case DATE_TIME -> new Stored(null, null, dateTime(value), null);
            case SINGLE_CHOICE -> new Stored(choice(value, choices), null, null, null);
            case MULTI_CHOICE -> new Stored(choicesOf(value, choices), null, null, null);
            case USER -> new Stored(user(value), null, null, null);
            case REGION -> new Stored(matching(value, REGION_CODE, "studio.value.region"), null, null, null);
            case CHECKBOX -> new Stored(null, null, null, flag(value));
            case LINK -> new Stored(limited(matching(value, LINK_FORM, "studio.value.link"), LONG_TEXT_MAX), null,
                    null, null);
        };
    }

    /** The canonical text of a stored value; null for none. */
    String text(Stored stored) {
        return switch (this) {
            case NUMBER, MONEY -> stored.number() == null ? null : stored.number().stripTrailingZeros().toPlainString();
            // In UTC: databases differ in whether they keep the offset a moment was written with.
            case DATE_TIME -> stored.moment() == null ? null
                    : stored.moment().withOffsetSameInstant(java.time.ZoneOffset.UTC).toString();
            case CHECKBOX -> stored.flag() == null ? null : stored.flag().toString();
            default -> stored.text();
        };
    }

    private static String limited(String value, int max) throws Refused {
        if (value.length() > max) {
            throw new Refused("studio.value.tooLong", max);
        }
        return value;
    }

    private BigDecimal number(String value) throws Refused {
        try {
            // 1,234.50 and ¥1,234.50 as people type them.
            BigDecimal number = new BigDecimal(value.replace(",", "").replace("，", "").replace("¥", "")
                    .replace("￥", "").strip());
            if (number.abs().compareTo(NUMBER_LIMIT) >= 0 || number.scale() > (this == MONEY ? 2 : 4)) {
                throw new Refused(this == MONEY ? "studio.value.money" : "studio.value.number", value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new Refused(this == MONEY ? "studio.value.money" : "studio.value.number", value);
        }
    }

    private static LocalDate date(String value) throws Refused {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Refused("studio.value.date", value);
        }
    }

    private static OffsetDateTime dateTime(String value) throws Refused {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new Refused("studio.value.dateTime", value);
        }
    }

    private static String choice(String value, List<String> choices) throws Refused {
        if (!choices.contains(value)) {
            throw new Refused("studio.value.choice", value, String.join("、", choices));
        }
        return value;
    }

    /** Several choices, one per line, kept in the field's order and each once. */
    private static String choicesOf(String value, List<String> choices) throws Refused {
        Set<String> picked = new LinkedHashSet<>();
        for (String line : value.split("\\R")) {
            if (!line.isBlank()) {
                picked.add(choice(line.strip(), choices));
            }
        }
        List<String> ordered = new ArrayList<>();
        for (String c : choices) {
            if (picked.contains(c)) {
                ordered.add(c);
            }
        }
        return String.join("\n", ordered);
    }

    private static String user(String value) throws Refused {
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw new Refused("studio.value.user", value);
        }
    }

    private static Boolean flag(String value) throws Refused {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "y", "是", "√", "✓" -> Boolean.TRUE;
            case "false", "0", "no", "n", "否", "×" -> Boolean.FALSE;
            default -> throw new Refused("studio.value.flag", value);
        };
    }

    private static String matching(String value, Pattern form, String messageKey) throws Refused {
        if (!form.matcher(value).matches()) {
            throw new Refused(messageKey, value);
        }
        return value;
    }
}
