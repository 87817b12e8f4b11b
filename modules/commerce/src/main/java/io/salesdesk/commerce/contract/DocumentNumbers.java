package io.salesdesk.commerce.contract;

import java.util.Optional;

/**
 * Numbers of business documents per year, e.g. HT-2026-0001 and FP-2026-00001. No database
 * sequence (a branch replica must number offline): the next number is the highest of the year plus
 * one, read in the inserting transaction; the unique constraint refuses a number another writer took
 * meanwhile, and the service tries again with a fresh one.
 */
public final class DocumentNumbers {

    /** How often a service tries again after another writer took its number. */
    public static final int ATTEMPTS = 5;

    private DocumentNumbers() {
    }

    /** The prefix of a year's numbers, e.g. {@code HT-2026-}. */
    public static String prefix(String kind, int year) {
        return kind + "-" + year + "-";
    }

    /** The number after {@code highest} (empty for the year's first), zero-padded to {@code width} digits. */
    public static String next(String prefix, Optional<String> highest, int width) {
        long last = highest.map(n -> Long.parseLong(n.substring(prefix.length()))).orElse(0L);
        String digits = Long.toString(last + 1);
        return prefix + "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    /** Another writer took the number between reading the highest and inserting; try again. */
    public static final class Taken extends RuntimeException {

        public Taken(String number, Throwable cause) {
            super("document number taken: " + number, cause, false, false);
        }
    }
}
