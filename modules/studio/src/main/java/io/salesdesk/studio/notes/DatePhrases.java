package io.salesdesk.studio.notes;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and times as reps write them in notes, read against the day the note is written: "明天",
 * "3 天后", "下周三下午", "月底前", "12月5号上午10点", "tomorrow at 3pm", "next Friday", "by the end
 * of the month". A date and a time written together ("下周三 下午3点") are one phrase.
 */
final class DatePhrases {

    /** A date phrase, a time phrase, or both together; either part may be null. */
    record Found(int start, int end, LocalDate date, LocalTime time) {
    }

    private record Rule(Pattern pattern, BiFunction<Matcher, LocalDate, LocalDate> date) {
    }

    private record TimeRule(Pattern pattern, java.util.function.Function<Matcher, LocalTime> time) {
    }

    private static final String CN_NUM = "[0-9０-９]{1,2}|[一二两三四五六七八九十]{1,3}";
    private static final String WEEKDAY_ZH = "[一二三四五六日天1-7]";
    private static final String EN_NUM = "\\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten";
    private static final String EN_DAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            + "|mon|tues?|wed|thu(?:rs?)?|fri"; // not "sat" or "sun": words of their own
    private static final String EN_MONTH = "january|february|march|april|may|june|july|august|september"
            + "|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec";

    private static final List<Rule> DATES = List.of(
            zh("大后天", (m, d) -> d.plusDays(3)),
            zh("后天", (m, d) -> d.plusDays(2)),
            zh("明[天日早晚]", (m, d) -> d.plusDays(1)),
            zh("今[天日早晚]", (m, d) -> d),
            zh("(" + CN_NUM + ")\\s*个?(天|日|周|星期|礼拜|个月|月)(?:之后|以后|后|内|之内|以内)",
                    (m, d) -> plus(d, number(m.group(1)), m.group(2))),
            zh("(下下|下|本|这|这个|下个)?(?:周|星期|礼拜)(" + WEEKDAY_ZH + ")",
                    (m, d) -> weekday(d, m.group(1), zhWeekday(m.group(2)))),
            zh("(下|下个|本|这个|这)?月(底|末|初|中)", (m, d) -> monthPart(d, m.group(1), m.group(2))),
            zh("年底|年末", (m, d) -> d.with(TemporalAdjusters.lastDayOfYear())),
            zh("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*[日号]?",
                    (m, d) -> date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)))),
            zh("(" + CN_NUM + ")\\s*月\\s*(" + CN_NUM + ")\\s*[日号]?",
                    (m, d) -> nextMonthDay(d, number(m.group(1)), number(m.group(2)))),
            zh("(?<![0-9月])(" + CN_NUM + ")\\s*[日号](?![后内])", (m, d) -> nextDayOfMonth(d, number(m.group(1)))),
            zh("下(?:个)?(?:周|星期|礼拜)", (m, d) -> d.with(TemporalAdjusters.next(DayOfWeek.MONDAY))),
            zh("下个?月", (m, d) -> d.plusMonths(1)),
            en("the day after tomorrow", (m, d) -> d.plusDays(2)),
            en("tomorrow", (m, d) -> d.plusDays(1)),
            en("today|tonight|this (?:morning|afternoon|evening)", (m, d) -> d),
            en("(?:in|within) (" + EN_NUM + ") (day|week|month)s?", (m, d) -> plus(d, enNumber(m.group(1)),
                    m.group(2).toLowerCase(Locale.ROOT))),
            en("(next|this|on|by|before|coming)?\\s*(" + EN_DAY + ")",
                    (m, d) -> weekday(d, m.group(1) == null ? null : m.group(1).toLowerCase(Locale.ROOT),
                            enWeekday(m.group(2)))),
            en("(?:the )?end of (?:the |this )?month|month[- ]end|eom", (m, d) -> d.with(
                    TemporalAdjusters.lastDayOfMonth())),
            en("(?:the )?end of (?:the |this )?week", (m, d) -> d.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY))),
            en("(?:the )?end of (?:the |this )?year", (m, d) -> d.with(TemporalAdjusters.lastDayOfYear())),
            en("(" + EN_MONTH + ")\\.? (\\d{1,2})(?:st|nd|rd|th)?", (m, d) -> nextMonthDay(d, enMonth(m.group(1)),
                    Integer.parseInt(m.group(2)))),
            en("(\\d{1,2})(?:st|nd|rd|th)? (?:of )?(" + EN_MONTH + ")", (m, d) -> nextMonthDay(d, enMonth(m.group(2)),
                    Integer.parseInt(m.group(1)))),
            en("next week", (m, d) -> d.with(TemporalAdjusters.next(DayOfWeek.MONDAY))),
            en("next month", (m, d) -> d.plusMonths(1)));

    private static final Map<String, LocalTime> ZH_PERIODS = Map.of("早上", LocalTime.of(9, 0), "早晨",
            LocalTime.of(9, 0), "上午", LocalTime.of(10, 0), "中午", LocalTime.of(12, 0), "下午", LocalTime.of(15, 0),
            "傍晚", LocalTime.of(17, 30), "晚上", LocalTime.of(19, 0));

    private static final List<TimeRule> TIMES = List.of(
            new TimeRule(Pattern.compile("(早上|早晨|上午|中午|下午|傍晚|晚上)?\\s*(" + CN_NUM
                    + ")\\s*[点時时]\\s*(半|一刻|三刻|(" + CN_NUM + ")\\s*分?)?"), DatePhrases::zhClock),
            new TimeRule(Pattern.compile("(早上|早晨|上午|中午|下午|傍晚|晚上)?\\s*([01]?\\d|2[0-3])[:：]([0-5]\\d)"),
                    m -> afternoon(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))),
            new TimeRule(Pattern.compile("早上|早晨|上午|中午|下午|傍晚|晚上|明早|今早|明晚|今晚"), m -> ZH_PERIODS.getOrDefault(
                    m.group(), m.group().endsWith("早") ? LocalTime.of(9, 0) : LocalTime.of(19, 0))),
            new TimeRule(Pattern.compile("\\b(?:at |by |before )?(\\d{1,2})(?::([0-5]\\d))?\\s*(am|pm|a\\.m\\.?|p\\.m\\.?)(?![A-Za-z])",
                    Pattern.CASE_INSENSITIVE), DatePhrases::enClock),
            new TimeRule(Pattern.compile("\\b(?:at|by|before) ([01]?\\d|2[0-3]):([0-5]\\d)\\b"),
                    m -> LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))),
            new TimeRule(Pattern.compile("\\b(?:at )?noon\\b", Pattern.CASE_INSENSITIVE), m -> LocalTime.NOON),
            new TimeRule(Pattern.compile("\\b(?:in the |this )?(morning|afternoon|evening)\\b",
                    Pattern.CASE_INSENSITIVE), m -> switch (m.group(1).toLowerCase(Locale.ROOT)) {
                        case "morning" -> LocalTime.of(10, 0);
                        case "afternoon" -> LocalTime.of(15, 0);
                        default -> LocalTime.of(19, 0);
                    }));

    /** Most characters between a date and its time ("下周三 下午", "Friday at 3pm"). */
    private static final int JOIN_GAP = 2;

    private DatePhrases() {
    }

    /** The date and time phrases in {@code text}, read against {@code today}, in order. */
    static List<Found> find(String text, LocalDate today) {
        List<Found> dates = new ArrayList<>();
        for (Rule rule : DATES) {
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                LocalDate date = safely(rule, m, today);
                if (date != null) {
                    dates.add(new Found(m.start(), m.end(), date, null));
                }
            }
        }
        List<Found> times = new ArrayList<>();
        for (TimeRule rule : TIMES) {
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                LocalTime time = rule.time().apply(m);
                if (time != null) {
                    times.add(new Found(m.start(), m.end(), null, time));
                }
            }
        }
        List<Found> keptDates = longestFirst(dates, List.of());
        List<Found> keptTimes = longestFirst(times, keptDates);
        // 明早 / 今晚 are a date and a time in one word: the time rule re-reads the same characters.
        List<Found> joined = new ArrayList<>();
        for (Found date : keptDates) {
            Found time = timeWithin(times, date).orElse(null);
            joined.add(time != null ? new Found(date.start(), date.end(), date.date(), time.time()) : date);
        }
        for (Found time : keptTimes) {
            joined.add(time);
        }
        joined.sort(Comparator.comparingInt(Found::start));
        List<Found> merged = new ArrayList<>();
        for (Found f : joined) {
            Found last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.date() != null && f.date() == null
                    && f.start() - last.end() <= JOIN_GAP && blankOrGlue(text.substring(last.end(), f.start()))) {
                merged.set(merged.size() - 1, new Found(last.start(), f.end(), last.date(), within(last.time(), f.time())));
            } else {
                merged.add(f);
            }
        }
        return merged;
    }

    /**
     * An explicit time after a date that implies a part of the day: "明早九点半" is 09:30, "明晚 8 点"
     * 20:00 — the evening of 明晚 makes the 8 an evening hour.
     */
    private static LocalTime within(LocalTime dayPart, LocalTime time) {
        if (dayPart != null && dayPart.getHour() >= 17 && time.getHour() < 12) {
            return time.plusHours(12);
        }
        return time;
    }

    private static java.util.Optional<Found> timeWithin(List<Found> times, Found date) {
        return times.stream().filter(t -> t.start() >= date.start() && t.end() <= date.end()).findFirst();
    }

    private static boolean blankOrGlue(String between) {
        return between.isBlank() || between.strip().equals("的") || between.strip().equalsIgnoreCase("at");
    }

    private static List<Found> longestFirst(List<Found> found, List<Found> taken) {
        List<Found> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt((Found f) -> f.end() - f.start()).reversed()
                .thenComparingInt(Found::start));
        List<Found> kept = new ArrayList<>();
        for (Found f : sorted) {
            boolean free = kept.stream().noneMatch(k -> overlaps(f, k)) && taken.stream().noneMatch(k -> overlaps(f, k));
            if (free) {
                kept.add(f);
            }
        }
        return kept;
    }

    private static boolean overlaps(Found a, Found b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    private static LocalDate safely(Rule rule, Matcher m, LocalDate today) {
        try {
            return rule.date().apply(m, today);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null; // "2月30号", "第 99 天": not a date, so no due time rather than a wrong one
        }
    }

    private static Rule zh(String regex, BiFunction<Matcher, LocalDate, LocalDate> date) {
        return new Rule(Pattern.compile(regex), date);
    }

    private static Rule en(String regex, BiFunction<Matcher, LocalDate, LocalDate> date) {
        return new Rule(Pattern.compile("\\b(?:" + regex + ")\\b", Pattern.CASE_INSENSITIVE), date);
    }

    private static LocalDate plus(LocalDate today, int n, String unit) {
        return switch (unit) {
            case "天", "日", "day" -> today.plusDays(n);
            case "周", "星期", "礼拜", "week" -> today.plusWeeks(n);
            default -> today.plusMonths(n);
        };
    }

    /**
     * 下周三 is the Wednesday of next week (weeks begin on Monday, as on Chinese calendars); 本周三 this
     * week's; a bare 周三 or "on Wednesday" the next Wednesday after today.
     */
    private static LocalDate weekday(LocalDate today, String which, DayOfWeek day) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (which == null || which.isEmpty() || which.equals("on") || which.equals("by") || which.equals("before")
                || which.equals("coming")) {
            return today.with(TemporalAdjusters.next(day));
        }
        return switch (which) {
            case "下下" -> monday.plusWeeks(2).with(TemporalAdjusters.nextOrSame(day));
            case "下", "下个", "next" -> monday.plusWeeks(1).with(TemporalAdjusters.nextOrSame(day));
            default -> monday.with(TemporalAdjusters.nextOrSame(day)); // 本 / 这 / this
        };
    }

    private static LocalDate monthPart(LocalDate today, String which, String part) {
        boolean next = which != null && which.startsWith("下");
        LocalDate month = next ? today.plusMonths(1) : today;
        return switch (part) {
            case "底", "末" -> month.with(TemporalAdjusters.lastDayOfMonth());
            // 月初 without 下 still means the coming start of a month.
            case "初" -> next || today.getDayOfMonth() > 5 ? today.plusMonths(1).withDayOfMonth(1) : today;
            default -> next || today.getDayOfMonth() > 15 ? month.plusMonths(next ? 0 : 1).withDayOfMonth(15)
                    : today.withDayOfMonth(15);
        };
    }

    private static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    /** 12月5号 this year, or next year when that day has passed. */
    private static LocalDate nextMonthDay(LocalDate today, int month, int day) {
        LocalDate date = LocalDate.of(today.getYear(), month, day);
        return date.isBefore(today) ? date.plusYears(1) : date;
    }

    /** 15号 this month, or next month when that day has passed. */
    private static LocalDate nextDayOfMonth(LocalDate today, int day) {
        LocalDate date = today.withDayOfMonth(day);
        return date.isBefore(today) ? today.plusMonths(1).withDayOfMonth(day) : date;
    }

    private static LocalTime zhClock(Matcher m) {
        int hour = number(m.group(2));
        String minutes = m.group(3);
        int minute = 0;
        if (minutes != null) {
            minute = switch (minutes) {
                case "半" -> 30;
                case "一刻" -> 15;
                case "三刻" -> 45;
                default -> number(m.group(4));
            };
        }
        return afternoon(m.group(1), hour, minute);
    }

    /**
     * 下午 3 点 is 15:00; a bare "3 点" too, since reps do not meet customers at three in the morning
     * (hours 1 to 6 without 上午 are read as afternoon).
     */
    private static LocalTime afternoon(String period, int hour, int minute) {
        if (hour > 23 || minute > 59) {
            return null;
        }
        boolean pm = period != null && (period.equals("下午") || period.equals("傍晚") || period.equals("晚上"));
        boolean am = period != null && (period.equals("上午") || period.equals("早上") || period.equals("早晨"));
        if ((pm || (!am && period == null && hour >= 1 && hour <= 6)) && hour < 12) {
            hour += 12;
        }
        return LocalTime.of(hour, minute);
    }

    private static LocalTime enClock(Matcher m) {
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (hour < 1 || hour > 12) {
            return null;
        }
        boolean pm = m.group(3).toLowerCase(Locale.ROOT).startsWith("p");
        return LocalTime.of(pm ? (hour % 12) + 12 : hour % 12, minute);
    }

    private static DayOfWeek zhWeekday(String s) {
        return switch (s) {
            case "一", "1" -> DayOfWeek.MONDAY;
            case "二", "2" -> DayOfWeek.TUESDAY;
            case "三", "3" -> DayOfWeek.WEDNESDAY;
            case "四", "4" -> DayOfWeek.THURSDAY;
            case "五", "5" -> DayOfWeek.FRIDAY;
            case "六", "6" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }

    private static DayOfWeek enWeekday(String s) {
        String day = s.toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase(Locale.ROOT).startsWith(day.substring(0, 3))) {
                return d;
            }
        }
        throw new IllegalArgumentException(s);
    }

    private static int enMonth(String s) {
        String month = s.toLowerCase(Locale.ROOT).substring(0, 3);
        for (java.time.Month m : java.time.Month.values()) {
            if (m.name().toLowerCase(Locale.ROOT).startsWith(month)) {
                return m.getValue();
            }
        }
        throw new IllegalArgumentException(s);
    }

    private static int enNumber(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "a", "an", "one" -> 1;
            case "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "seven" -> 7;
            case "eight" -> 8;
            case "nine" -> 9;
            case "ten" -> 10;
            default -> Integer.parseInt(s);
        };
    }

    /** 3, ３, 三, 十, 十二, 二十五, 两. */
    static int number(String s) {
        StringBuilder ascii = new StringBuilder();
        for (char c : s.toCharArray()) {
            ascii.append(c >= '０' && c <= '９' ? (char) ('0' + (c - '０')) : c);
        }
        String n = ascii.toString();
        if (n.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(n);
        }
        String digits = "零一二三四五六七八九";
        int ten = n.indexOf('十');
        if (ten < 0) {
            return n.equals("两") ? 2 : digits.indexOf(n.charAt(0));
        }
        int tens = ten == 0 ? 1 : digit(digits, n.charAt(0));
        int ones = ten == n.length() - 1 ? 0 : digit(digits, n.charAt(ten + 1));
        return tens * 10 + ones;
    }

    private static int digit(String digits, char c) {
        if (c == '两') {
            return 2;
        }
        int d = digits.indexOf(c);
        if (d < 0) {
            throw new NumberFormatException(String.valueOf(c));
        }
        return d;
    }
}
