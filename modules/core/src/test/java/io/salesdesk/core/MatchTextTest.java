package io.salesdesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatchTextTest {

    @Test
    void fullWidthCharactersBecomeHalfWidthAndEveryKindOfSpaceGoes() {
        assertThat(MatchText.squeeze("Ａ　级")).isEqualTo("A级");
        assertThat(MatchText.squeeze(" 上海\t瑞康\n医疗 ")).isEqualTo("上海瑞康医疗");
        assertThat(MatchText.squeeze("\u00A0100\u00A0")).isEqualTo("100");
    }

    @Test
    void keyIsLowerCaseAndNullStaysNull() {
        assertThat(MatchText.key("Sub Total")).isEqualTo("subtotal");
        assertThat(MatchText.key("ＶＩＳＩＴ")).isEqualTo("visit");
        assertThat(MatchText.key(null)).isNull();
        assertThat(MatchText.squeeze("合计")).as("unchanged text").isEqualTo("合计");
    }
}
