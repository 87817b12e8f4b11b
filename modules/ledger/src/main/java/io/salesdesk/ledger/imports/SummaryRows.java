package io.salesdesk.ledger.imports;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Tells the totals rows at the bottom of a ledger (合计, 总计, 小计) from data rows, so a clerk's
 * sum line is not imported as a customer called "合计".
 */
final class SummaryRows {

    private static final Set<String> WORDS = Set.of("合计", "总计", "小计", "累计", "total", "subtotal", "sum");

    private SummaryRows() {
    }

    static boolean isSummary(Iterable<Object> values) {
        for (Object value : values) {
            if (value instanceof String text) {
                String word = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s:：]", "")
                        .toLowerCase(Locale.ROOT);
                if (WORDS.contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }
}
