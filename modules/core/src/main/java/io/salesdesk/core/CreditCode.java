package io.salesdesk.core;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * 统一社会信用代码 (Unified Social Credit Code, GB 32100-2015): the 18-character id every
 * Chinese company, public institution and social organisation carries on its licence.
 *
 * <p>Characters 1–2 name the registering authority and the kind of entity, 3–8 the
 * administrative region, 9–17 the organisation code, and 18 is a check character over the
 * first 17, computed modulo 31.
 */
public final class CreditCode {

    /** What is wrong with a code, or {@link #NONE}. */
    public enum Problem {
        /** The code is well formed and its check character matches. */
        NONE,
        /** The code is missing or not 18 characters long. */
        WRONG_LENGTH,
        /** The code holds a character outside the code alphabet (I, O, Z, S, V are never used). */
        INVALID_CHARACTER,
        /** The last character does not match the first 17: usually a typing mistake. */
        WRONG_CHECK_DIGIT
    }

    /** Number of characters in a complete code. */
    public static final int LENGTH = 18;

    // I, O, Z, S and V are left out because they are easily confused with 1, 0, 2, 5 and U.
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int MODULUS = ALPHABET.length();
    // 3^i mod 31 for positions 1..17, as tabulated in the standard.
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /**
     * Brings a code as typed or pasted into canonical form: full-width characters become
     * half-width, all whitespace (also inside the code) is removed and letters are upper-cased.
     *
     * @param raw the code as entered; may be {@code null}
     * @return the canonical form, or {@code null} if {@code raw} is {@code null}
     */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        // NFKC first, so that full-width spaces (U+3000) become ordinary whitespace and are removed.
        String halfWidth = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder code = new StringBuilder(halfWidth.length());
        halfWidth.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(code::appendCodePoint);
        return code.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * Tells what, if anything, is wrong with a code. The code is taken as it is: pass the
     * result of {@link #normalise(String)} to accept lower-case or full-width input.
     *
     * @param code the normalised code; {@code null} counts as {@link Problem#WRONG_LENGTH}
     * @return the first problem found, checking length, then characters, then the check digit;
     *     never {@code null}
     */
    public static Problem problemOf(String code) {
        if (code == null || code.length() != LENGTH) {
            return Problem.WRONG_LENGTH;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Problem.INVALID_CHARACTER;
            }
        }
        return checkCharacter(code) == code.charAt(LENGTH - 1) ? Problem.NONE : Problem.WRONG_CHECK_DIGIT;
    }

    /**
     * Tells whether a code as entered, once normalised, is a well-formed code.
     *
     * @param raw the code as entered; may be {@code null}
     * @return {@code true} if {@link #problemOf(String)} of the normalised code is {@link Problem#NONE}
     */
    public static boolean isValid(String raw) {
        return problemOf(normalise(raw)) == Problem.NONE;
    }

    /**
     * Completes the first 17 characters of a code with the matching check character.
     *
     * @param first17 17 characters from the code alphabet
     * @return the complete 18-character code
     * @throws IllegalArgumentException if {@code first17} is not 17 characters from the code alphabet
     */
    public static String withCheckDigit(String first17) {
        Objects.requireNonNull(first17, "first17");
        if (first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException(
                    "统一社会信用代码前 17 位长度应为 17，实际为 " + first17.length() + "（" + first17 + "）");
        }
        for (int i = 0; i < first17.length(); i++) {
            if (ALPHABET.indexOf(first17.charAt(i)) < 0) {
                throw new IllegalArgumentException(
                        "统一社会信用代码第 " + (i + 1) + " 位字符无效（" + first17 + "）");
            }
        }
        return first17 + checkCharacter(first17);
    }

    /** The check character for the first 17 characters of {@code code}, which must be in the alphabet. */
    private static char checkCharacter(CharSequence code) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        int check = MODULUS - sum % MODULUS;
        return ALPHABET.charAt(check == MODULUS ? 0 : check);
    }
}
