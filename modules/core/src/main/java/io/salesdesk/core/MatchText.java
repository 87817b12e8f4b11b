package io.salesdesk.core;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text reduced for matching what people typed against known words: full-width characters
 * become half-width (NFKC) and whitespace goes, so "Ａ 级" matches "A级". Ledger imports call this
 * for every cell, hence a character loop rather than a regular expression.
 */
public final class MatchText {

    private MatchText() {
    }

    /** NFKC without any whitespace (including the full-width space U+3000); null stays null. */
    public static String squeeze(String text) {
        if (text == null) {
            return null;
        }
        String half = Normalizer.normalize(text, Normalizer.Form.NFKC);
        int length = half.length();
        int i = 0;
        while (i < length && !Character.isWhitespace(half.charAt(i))) {
            i++;
        }
        if (i == length) {
            return half;
        }
        StringBuilder kept = new StringBuilder(length);
        kept.append(half, 0, i);
        for (; i < length; i++) {
            char c = half.charAt(i);
            if (!Character.isWhitespace(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** {@link #squeeze} in lower case: the key for case-insensitive word lists. */
    public static String key(String text) {
        String squeezed = squeeze(text);
        return squeezed == null ? null : squeezed.toLowerCase(Locale.ROOT);
    }
}
