package io.salesdesk.core;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Company names compared for duplicate detection (查重): two customers whose names differ
 * only in spacing, full- or half-width characters, brackets or punctuation are the same
 * customer, e.g. "上海 瑞康医疗器械（集团）有限公司" and "上海瑞康医疗器械(集团)有限公司".
 */
public final class CompanyName {

    private CompanyName() {
    }

    /**
     * Reduces a company name to a key for duplicate detection: full-width characters become
     * half-width, whitespace, punctuation (Chinese and Latin, including brackets such as （）
     * and 【】) and symbols are removed, and Latin letters are lower-cased.
     *
     * <p>The key is for comparison only; it is never shown to the user.
     *
     * @param name the name as entered; may be {@code null}
     * @return the comparison key, or {@code null} if {@code name} is {@code null}
     */
    public static String normalise(String name) {
        if (name == null) {
            return null;
        }
        String halfWidth = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder key = new StringBuilder(halfWidth.length());
        halfWidth.codePoints().filter(c -> !isNoise(c)).forEach(key::appendCodePoint);
        return key.toString().toLowerCase(Locale.ROOT);
    }

    /** Whether a character carries no meaning for telling two companies apart. */
    private static boolean isNoise(int c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return true;
        }
        switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION:
            case Character.DASH_PUNCTUATION:
            case Character.START_PUNCTUATION:
            case Character.END_PUNCTUATION:
            case Character.INITIAL_QUOTE_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION:
            case Character.OTHER_PUNCTUATION:
            case Character.MATH_SYMBOL:
            case Character.CURRENCY_SYMBOL:
            case Character.MODIFIER_SYMBOL:
            case Character.OTHER_SYMBOL:
            // Zero-width spaces and byte-order marks come in with names pasted from web pages.
            case Character.FORMAT:
            case Character.CONTROL:
                return true;
            default:
                return false;
        }
    }
}
