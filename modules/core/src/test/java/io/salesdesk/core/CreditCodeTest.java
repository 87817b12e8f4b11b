package io.salesdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.CreditCode.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class CreditCodeTest {

    /*
     * Two codes checked by hand (alphabet index × weight, summed; check = 31 − sum mod 31):
     *
     * 91350100M000100Y4|3: 9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + M(21)·20 + 0·29
     *   + 0·25 + 0·13 + 1·8 + 0·24 + 0·10 + Y(30)·30 + 4·28 = 1640; 1640 mod 31 = 28; 31 − 28 = 3 → "3".
     *
     * 12330521002609421|9: 1·1 + 2·3 + 3·9 + 3·27 + 0·19 + 5·26 + 2·16 + 1·17 + 0·20 + 0·29
     *   + 2·25 + 6·13 + 0·8 + 9·24 + 4·10 + 2·30 + 1·28 = 766; 766 mod 31 = 22; 31 − 22 = 9 → "9".
     *
     * 91320582000007701|0: the sum is 651 = 21 · 31, so 31 − 0 = 31, which wraps to "0".
     */
    @ParameterizedTest
    @CsvSource(textBlock = """
            91350100M000100Y43
            123305210026094219
            913205820000077010
            91320508MA1XY2K3RL
            91310115MA1H7GQ9L7
            91330106MA2CFT8N1M
            """)
    void acceptsWellFormedCodes(String code) {
        assertThat(CreditCode.problemOf(code)).isEqualTo(Problem.NONE);
        assertThat(CreditCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            91350100M000100Y44,  WRONG_CHECK_DIGIT
            123305210026094218,  WRONG_CHECK_DIGIT
            91320508MA1XY2K3RM,  WRONG_CHECK_DIGIT
            91350100M000100I43,  INVALID_CHARACTER
            91350100M000100O43,  INVALID_CHARACTER
            91350100M000100Z43,  INVALID_CHARACTER
            91350100-000100Y43,  INVALID_CHARACTER
            91350100M000100Y4,   WRONG_LENGTH
            91350100M000100Y433, WRONG_LENGTH
            """)
    void reportsWhatIsWrongWithMalformedCodes(String code, Problem expected) {
        assertThat(CreditCode.problemOf(code)).isEqualTo(expected);
        assertThat(CreditCode.isValid(code)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void treatsMissingCodeAsWrongLength(String code) {
        assertThat(CreditCode.problemOf(code)).isEqualTo(Problem.WRONG_LENGTH);
        assertThat(CreditCode.isValid(code)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ９１３５０１００Ｍ０００１００Ｙ４３     | 91350100M000100Y43
            '  91350100 m000 100y43 '       | 91350100M000100Y43
            9135\u30000100M000100Y43            | 91350100M000100Y43
            """)
    void normalisesFullWidthSpacedAndLowerCaseInput(String raw, String expected) {
        assertThat(CreditCode.normalise(raw)).isEqualTo(expected);
        assertThat(CreditCode.isValid(raw)).isTrue();
    }

    @Test
    void normalisesNullToNull() {
        assertThat(CreditCode.normalise(null)).isNull();
    }

    @Test
    void acceptsLowerCaseOnlyAfterNormalising() {
        assertThat(CreditCode.problemOf("91350100m000100y43")).isEqualTo(Problem.INVALID_CHARACTER);
        assertThat(CreditCode.isValid("91350100m000100y43")).isTrue();
    }

    @Test
    void doesNotNormaliseAwayLettersOutsideTheAlphabet() {
        assertThat(CreditCode.isValid("91350100M000100i43")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            91350100M000100Y4, 91350100M000100Y43
            12330521002609421, 123305210026094219
            91320582000007701, 913205820000077010
            """)
    void appendsTheMatchingCheckCharacter(String first17, String expected) {
        assertThat(CreditCode.withCheckDigit(first17)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            91350100M000100Y
            91350100M000100Y43
            91350100M000100I4
            """)
    void refusesToCompleteMalformedPrefixes(String first17) {
        assertThatThrownBy(() -> CreditCode.withCheckDigit(first17))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(first17);
    }
}
