package io.salesdesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class PhoneNumberTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            13800138000                 | 13800138000
            138 0013 8000               | 13800138000
            138-0013-8000               | 13800138000
            +86-138-0013-8000           | 13800138000
            +86 13800138000             | 13800138000
            86 138 0013 8000            | 13800138000
            0086 13800138000            | 13800138000
            １３８００１３８０００            | 13800138000
            ＋８６ １９９ １２３４ ５６７８       | 19912345678
            021-6234 5678               | 021-62345678
            02162345678                 | 021-62345678
            021—6234—5678               | 021-62345678
            +86 21 6234 5678            | 021-62345678
            (0512)67891234              | 0512-67891234
            （０５１２）６７８９１２３４          | 0512-67891234
            0512 6789123                | 0512-6789123
            0571 8888 6666 转 123        | 0571-88886666-123
            0571-8888 6666-123          | 0571-88886666-123
            0571-88886666-123           | 0571-88886666-123
            010 8888 7777 分机 5          | 010-88887777-5
            400-820-8820                | 400-820-8820
            4008208820                  | 400-820-8820
            800 820 8820                | 800-820-8820
            """)
    void normalisesNumbersAsTypedIntoCanonicalForm(String raw, String expected) {
        assertThat(PhoneNumber.normalise(raw)).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1380013800          | mobile one digit short
            138001380001        | mobile one digit long
            12345678901         | mobile prefix 12 is not in use
            10086               | service short code
            138001380ab         | letters
            tel 13800138000     | letters around a mobile
            62345678            | landline without area code
            021-6234567         | big-city local numbers have eight digits
            0121-62345678       | no area code starts with 01 except 010
            0512-0789123        | local numbers never start with 0
            138 0013 8000 转 1   | mobiles have no extension
            0571-88886666-1234567 | extension longer than six digits
            +1 415 555 0100     | foreign number
            138+00138000        | plus sign inside the number
            """)
    void rejectsWhatIsNotAChinesePhoneNumber(String raw, String why) {
        assertThat(PhoneNumber.normalise(raw)).as(why).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsMissingNumber(String raw) {
        assertThat(PhoneNumber.normalise(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            +86-138-0013-8000    | 8613800138000
            （0512）6789 1234      | 051267891234
            ０５７１－８８８８６６６６ 转 123 | 057188886666123
            """)
    void keepsOnlyDigitsForSearchMatching(String raw, String expected) {
        assertThat(PhoneNumber.digitsOnly(raw)).isEqualTo(expected);
    }

    @Test
    void keepsNoDigitsOfMissingText() {
        assertThat(PhoneNumber.digitsOnly(null)).isEmpty();
    }
}
