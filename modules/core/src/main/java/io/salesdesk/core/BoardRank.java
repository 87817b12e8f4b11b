package io.salesdesk.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The order of cards in a board column as strings that sort between their neighbours (fractional
 * indexing): a card moved between two others gets a rank between theirs, so a move rewrites one
 * row, never the whole column.
 *
 * <p>A rank is a six-digit slot in base 36 followed by an optional fraction. Cards added at either
 * end of a column step whole slots, so a column can grow by tens of thousands of cards and keep
 * six-character ranks; a card dropped between two neighbours halves the gap, and only when slots
 * run out does it take a fraction. Ranks use the digits {@code 0-9a-z} only, which sort the same
 * under a binary and a locale collation (PostgreSQL's default), and a fraction never ends in
 * {@code 0}, so there is always room between two ranks.
 */
public final class BoardRank {

    /** Longest rank stored; a column whose next rank would be longer is spread out again. */
    public static final int MAX_LENGTH = 48;

    private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final int BASE = DIGITS.length();
    private static final int SLOT_WIDTH = 6;
    private static final long SLOTS = pow(BASE, SLOT_WIDTH);
    /** Slots between cards added at an end of a column. */
    private static final long STEP = pow(BASE, 3);

    private BoardRank() {
    }

    // A six-digit slot and an optional fraction that never ends in 0, as this class makes them.
    private static final java.util.regex.Pattern WELL_FORMED =
            java.util.regex.Pattern.compile("[0-9a-z]{6}([0-9a-z]*[1-9a-z])?");

    /** Whether {@code rank} is one this class could have made and fits a column (a rank from the UI). */
    public static boolean isValid(String rank) {
        return rank != null && !tooLong(rank) && WELL_FORMED.matcher(rank).matches();
    }

    /** The rank of the first card of an empty column: the middle slot. */
    public static String first() {
        return slot(SLOTS / 2);
    }

    /**
     * A rank after {@code before} and before {@code after}.
     *
     * @param before the rank of the card above, or null at the top of the column
     * @param after  the rank of the card below, or null at the bottom
     * @throws IllegalArgumentException if a rank is malformed or {@code before} does not sort
     *                                  before {@code after}
     * @throws IllegalStateException    if no rank fits (before the very first slot): spread the column
     */
    public static String between(String before, String after) {
        if (before != null) {
            check(before);
        }
        if (after != null) {
            check(after);
        }
        if (before == null && after == null) {
            return first();
        }
        if (before != null && after != null && before.compareTo(after) >= 0) {
            throw new IllegalArgumentException("rank " + before + " is not before " + after);
        }
        long low = before == null ? -1 : slotOf(before);
        long high = after == null ? SLOTS : slotOf(after);
        if (before == null) {
            // At the top: a whole step up when there is room, else halfway to the first slot.
            if (high - STEP >= 0) {
                return slot(high - STEP);
            }
            if (high > 0) {
                return slot(high / 2);
            }
            if (fractionOf(after).isEmpty()) {
                throw new IllegalStateException("no rank sorts before " + after + "; spread the column");
            }
            return slot(0) + fraction("", fractionOf(after));
        }
        if (after == null && low + STEP < SLOTS) {
            return slot(low + STEP);
        }
        if (high - low > 1) {
            return slot(low + (high - low) / 2);
        }
        if (high - low == 1 || after == null) {
            return slot(low) + fraction(fractionOf(before), null);
        }
        return slot(low) + fraction(fractionOf(before), fractionOf(after));
    }

    /**
     * A rank for a card dropped between two neighbours whose ranks were just read (either may be
     * null at an end). A neighbour that no longer sorts where the user saw it is ignored rather
     * than refusing the drop: the card then goes right after {@code above}.
     */
    public static String betweenNeighbours(String above, String below) {
        String high = above != null && below != null && above.compareTo(below) >= 0 ? null : below;
        return between(above, high);
    }

    /** Whether a rank is too long to store, so the column should be spread out. */
    public static boolean tooLong(String rank) {
        return rank.length() > MAX_LENGTH;
    }

    /** {@code count} evenly spaced six-character ranks in order, to spread out a crowded column. */
    public static List<String> spread(int count) {
        List<String> ranks = new ArrayList<>(count);
        long step = Math.max(1, SLOTS / (count + 1L));
        for (int i = 1; i <= count; i++) {
            ranks.add(slot(step * i));
        }
        return ranks;
    }

    /** A fraction strictly between two fractions ("" is the smallest; null above every one). */
    private static String fraction(String low, String high) {
        if (high != null) {
            int common = 0;
            while (common < high.length() && digitAt(low, common) == digit(high.charAt(common))) {
                common++;
            }
            if (common > 0) {
                String rest = common < low.length() ? low.substring(common) : "";
                return high.substring(0, common) + fraction(rest, high.substring(common));
            }
        }
        int lowDigit = digitAt(low, 0);
        int highDigit = high == null ? BASE : digit(high.charAt(0));
        if (highDigit - lowDigit > 1) {
            return String.valueOf(DIGITS.charAt((lowDigit + highDigit + 1) / 2));
        }
        if (high != null && high.length() > 1) {
            return high.substring(0, 1);
        }
        return DIGITS.charAt(lowDigit) + fraction(low.length() > 1 ? low.substring(1) : "", null);
    }

    private static String slot(long value) {
        char[] out = new char[SLOT_WIDTH];
        long v = value;
        for (int i = SLOT_WIDTH - 1; i >= 0; i--) {
            out[i] = DIGITS.charAt((int) (v % BASE));
            v /= BASE;
        }
        return new String(out);
    }

    private static long slotOf(String rank) {
        long value = 0;
        for (int i = 0; i < SLOT_WIDTH; i++) {
            value = value * BASE + digit(rank.charAt(i));
        }
        return value;
    }

    private static String fractionOf(String rank) {
        return rank.substring(SLOT_WIDTH);
    }

    private static int digitAt(String digits, int index) {
        return index < digits.length() ? digit(digits.charAt(index)) : 0;
    }

    private static int digit(char c) {
        int d = DIGITS.indexOf(c);
        if (d < 0) {
            throw new IllegalArgumentException("not a rank digit: " + c);
        }
        return d;
    }

    private static void check(String rank) {
        if (rank.length() < SLOT_WIDTH) {
            throw new IllegalArgumentException("not a rank: " + rank);
        }
        if (rank.length() > SLOT_WIDTH && rank.charAt(rank.length() - 1) == '0') {
            throw new IllegalArgumentException("a rank's fraction never ends in 0: " + rank);
        }
        rank.chars().forEach(c -> digit((char) c));
    }

    private static long pow(int base, int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= base;
        }
        return value;
    }
}
