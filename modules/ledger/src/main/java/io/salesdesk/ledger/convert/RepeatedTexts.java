package io.salesdesk.ledger.convert;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps one copy of a short text that a ledger repeats row after row (province, city, rep, source,
 * industry). A preview holds every row of the file until commit; without this a 100,000-row ledger
 * keeps hundreds of thousands of equal strings. Long texts (names, addresses) are rarely repeated
 * and are left alone, and the pool stops growing once full so a column of unique codes cannot bloat it.
 */
final class RepeatedTexts {

    private static final int MAX_LENGTH = 12;
    private static final int MAX_ENTRIES = 4_096;

    private final Map<String, String> pool = new HashMap<>();

    /** The text, or an equal one seen before. */
    String shared(String text) {
        if (text.length() > MAX_LENGTH) {
            return text;
        }
        String known = pool.get(text);
        if (known != null) {
            return known;
        }
        if (pool.size() < MAX_ENTRIES) {
            pool.put(text, text);
        }
        return text;
    }
}
