package io.salesdesk.ledger.imports;

import io.salesdesk.core.MatchText;
import java.util.Set;

/**
 * Tells the totals rows at the bottom of a ledger (合计, 总计, 小计) from data rows, so a clerk's
 * sum line is not imported as a customer called "合计".
 */
final class SummaryRows {

    private static final Set<String> WORDS = Set.of("合计", "总计", "小计", "累计", "total", "subtotal", "sum");
    // The longest word with room for spaces and a colon around it ("Sub Total :").
    private static final int MAX_LENGTH = 16;

    private SummaryRows() {
    }

    static boolean isSummary(Iterable<Object> values) {
        for (Object value : values) {
            // Every cell of every row passes here: only short texts can be one of the words.
            if (value instanceof String text && text.length() <= MAX_LENGTH
                    && WORDS.contains(MatchText.key(text).replace(":", ""))) {
                return true;
            }
        }
        return false;
    }
}
