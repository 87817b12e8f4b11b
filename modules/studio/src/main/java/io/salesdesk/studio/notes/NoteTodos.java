package io.salesdesk.studio.notes;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proposes to-dos from a visit or call note: each promised action ("发送报价", "安排演示", "send the
 * quote") with the date and time written beside it ("下周三下午", "月底前", "tomorrow at 3pm"). Rule
 * based and offline. A sentence that names an action but neither a date nor an intention ("上次拜访时
 * 客户说…") tells what happened rather than what is to be done, and proposes nothing.
 */
public final class NoteTodos {

    /** A due date without a time is due at the end of the working day. */
    static final LocalTime END_OF_DAY = LocalTime.of(18, 0);
    static final int TITLE_MAX = 60;

    /** Up to a sentence end; a full stop before a capital ends one, except after Mr., Mrs., Ms. and Dr. */
    private static final Pattern SENTENCE = Pattern.compile(
            "[^。！？!?；;\\n]+?(?:[。！？!?；;\\n]|(?<!\\b(?:Mr|Mrs|Ms|Dr))\\.(?=\\s+[A-Z])|\\.\\s*$|$)");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[，,]");
    private static final Pattern CONNECTOR = Pattern.compile("[，,]|并且|并|然后|同时|另外|\\band\\b|\\bthen\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INTENTION = Pattern.compile("需要|需|要|将|会|计划|下次|下回|待|记得|安排|约|准备|争取|承诺"
            + "|答应|尽快|马上|抓紧|\\b(?:need to|needs to|will|to do|todo|to-do|plan to|promised|must|should|let's"
            + "|i'll|we'll|asap)\\b", Pattern.CASE_INSENSITIVE);
    /** What a date phrase may carry around it and leaves behind in a title when cut out alone. */
    private static final String DATE_TAIL = "(?:之前|以前|前|之内|以内|内|左右)?";
    private static final String DATE_HEAD = "(?:(?:在|于|by|before|on|at|in|within)\\s*)?";
    private static final Pattern LEADING_FILLER = Pattern.compile("^(?:并且|并|然后|再|同时|另外|还要|还需|需要|记得"
            + "|and|then|also|need to|needs to|will|we'll|i'll|please|to|we|i)(?![\\p{L}&&[a-z]])\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_FILLER = Pattern.compile("\\s*(?:并且|并|和|及|然后|再|同时|and|then)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s，,、：:.。;；]+|[\\s，,、：:.。;；]+$");

    private NoteTodos() {
    }

    /** The to-dos {@code note} promises, read against the time it is written, in the note's order. */
    public static List<TodoProposal> propose(String note, LocalDateTime now) {
        if (note == null || note.isBlank()) {
            return List.of();
        }
        Map<String, TodoProposal> proposals = new LinkedHashMap<>();
        Matcher sentences = SENTENCE.matcher(note);
        while (sentences.find()) {
            String sentence = sentences.group();
            for (TodoProposal p : fromSentence(sentence, now)) {
                // The same action due at the same time, said twice, is one to-do.
                proposals.putIfAbsent(p.action() + "@" + p.due(), p);
            }
        }
        return List.copyOf(proposals.values());
    }

    private static List<TodoProposal> fromSentence(String sentence, LocalDateTime now) {
        List<ActionPhrases.Found> actions = ActionPhrases.find(sentence).stream()
                .filter(a -> !done(sentence, a)).toList();
        if (actions.isEmpty()) {
            return List.of();
        }
        List<DatePhrases.Found> dates = DatePhrases.find(sentence, now.toLocalDate());
        boolean intended = INTENTION.matcher(sentence).find();
        if (dates.isEmpty() && !intended) {
            return List.of();
        }
        // Between two actions, what comes before a connector ("并", "，", "and") belongs to the first
        // (its object: "send the quote to Dr. Li"), what comes after it to the second ("并给李科长安排演示").
        int[] starts = new int[actions.size()];
        int[] ends = new int[actions.size()];
        starts[0] = clauseStart(sentence, actions.get(0).start());
        ends[actions.size() - 1] = clauseEnd(sentence, actions.get(actions.size() - 1).end());
        for (int i = 0; i + 1 < actions.size(); i++) {
            int from = actions.get(i).end();
            int to = actions.get(i + 1).start();
            Matcher connector = CONNECTOR.matcher(sentence).region(from, to);
            int cut = to;
            int next = to;
            while (connector.find()) {
                cut = connector.start();
                next = connector.end();
            }
            ends[i] = cut;
            starts[i + 1] = next;
        }
        List<TodoProposal> found = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            ActionPhrases.Found action = actions.get(i);
            DatePhrases.Found when = dateFor(dates, action, starts[i], ends[i]);
            if (when == null && !intended) {
                continue; // "拜访设备科王主任，确认下月招标时间": the date is the tender's, the visit is done
            }
            String title = title(sentence, starts[i], ends[i], dates, action.action());
            found.add(new TodoProposal(title, action.action(), due(when, now),
                    when == null ? null : sentence.substring(when.start(), when.end()).strip()));
        }
        return found;
    }

    /** "拜访了", "已经发送", "刚回访过": an action the note reports as done is no to-do. */
    private static boolean done(String sentence, ActionPhrases.Found action) {
        String after = sentence.substring(action.end(), Math.min(sentence.length(), action.end() + 1));
        String before = sentence.substring(Math.max(0, action.start() - 2), action.start());
        return after.equals("了") || after.equals("过") || before.endsWith("已") || before.endsWith("已经")
                || before.endsWith("刚") || before.endsWith("刚刚");
    }

    /**
     * The date of an action: one written in its own part of the sentence, the one before it first
     * ("下周三给王主任发报价"), else the one after it ("send the quote by Friday"); otherwise the nearest
     * before it in the sentence ("明天发报价并安排演示" — both tomorrow). A date in a later action's
     * part is that action's.
     */
    private static DatePhrases.Found dateFor(List<DatePhrases.Found> dates, ActionPhrases.Found action, int from,
                                             int to) {
        DatePhrases.Found before = null;
        DatePhrases.Found after = null;
        DatePhrases.Found earlier = null;
        for (DatePhrases.Found d : dates) {
            if (d.end() <= action.start()) {
                earlier = d;
                if (d.start() >= from) {
                    before = d;
                }
            } else if (d.start() >= action.end() && d.end() <= to && after == null) {
                after = d;
            }
        }
        return before != null ? before : after != null ? after : earlier;
    }

    private static LocalDateTime due(DatePhrases.Found when, LocalDateTime now) {
        if (when == null) {
            return null;
        }
        if (when.date() == null) {
            // A time alone ("10 点前打电话") is today's, or tomorrow's once it has passed.
            LocalDateTime today = now.toLocalDate().atTime(when.time());
            return today.isBefore(now) ? today.plusDays(1) : today;
        }
        return when.date().atTime(when.time() != null ? when.time() : END_OF_DAY);
    }

    private static int clauseStart(String sentence, int at) {
        int start = 0;
        Matcher m = CLAUSE_BREAK.matcher(sentence);
        while (m.find() && m.end() <= at) {
            start = m.end();
        }
        return start;
    }

    private static int clauseEnd(String sentence, int at) {
        Matcher m = CLAUSE_BREAK.matcher(sentence);
        return m.find(at) ? m.start() : sentence.length();
    }

    /** The clause of the action without its date, connectors and fillers: "给王主任发送报价". */
    private static String title(String sentence, int start, int end, List<DatePhrases.Found> dates,
                                TodoAction action) {
        StringBuilder text = new StringBuilder(sentence.substring(start, end));
        // Cut dates from the end backwards so earlier offsets stay valid.
        for (int i = dates.size() - 1; i >= 0; i--) {
            DatePhrases.Found d = dates.get(i);
            if (d.start() >= start && d.end() <= end) {
                text.replace(d.start() - start, d.end() - start, "\u0000");
            }
        }
        String title = text.toString()
                .replaceAll(DATE_HEAD + "\u0000" + DATE_TAIL, " ")
                .replaceAll("\\s+", " ")
                // "明天 10 点打电话" leaves "打电话", not " 打电话"; Chinese words need no spaces between.
                .replaceAll("(?<=\\p{IsHan})\\s+(?=\\p{IsHan})", "");
        String before;
        do {
            before = title;
            title = EDGE_PUNCTUATION.matcher(title).replaceAll("");
            title = LEADING_FILLER.matcher(title).replaceFirst("");
            title = TRAILING_FILLER.matcher(title).replaceFirst("");
        } while (!title.equals(before));
        if (title.codePointCount(0, title.length()) < 2) {
            return action.defaultTitle(isChinese(sentence));
        }
        return title.length() > TITLE_MAX ? title.substring(0, TITLE_MAX - 1) + "…" : title;
    }

    private static boolean isChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
