package io.salesdesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompanyNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            上海 瑞康医疗器械（集团）有限公司           | 上海瑞康医疗器械(集团)有限公司
            【苏州】恒安口腔门诊部                  | 苏州恒安口腔门诊部
            杭州“仁济”大药房连锁有限公司             | 杭州仁济大药房连锁有限公司
            ＡＢＣ医疗科技（上海）有限公司            | abc医疗科技(上海)有限公司
            宁波·博远医学检验实验室有限公司           | 宁波博远医学检验实验室有限公司
            南京\u3000华晟医疗设备有限公司           | 南京华晟医疗设备有限公司
            合肥\u200b安泰医疗器械有限公司           | 合肥安泰医疗器械有限公司
            无锡康达，医疗器械-有限公司。             | 无锡康达医疗器械有限公司
            """)
    void treatsSpacingWidthAndPunctuationVariantsAsTheSameCompany(String oneWay, String otherWay) {
        assertThat(CompanyName.normalise(oneWay)).isEqualTo(CompanyName.normalise(otherWay));
    }

    @Test
    void keepsOnlyLettersAndDigitsInLowerCase() {
        assertThat(CompanyName.normalise(" 上海 瑞康医疗器械（集团）有限公司 ")).isEqualTo("上海瑞康医疗器械集团有限公司");
        assertThat(CompanyName.normalise("Ｄ＆Ｋ 3D 口腔")).isEqualTo("dk3d口腔");
    }

    @Test
    void keepsCompaniesWithDifferentWordsApart() {
        assertThat(CompanyName.normalise("上海瑞康医疗器械有限公司"))
                .isNotEqualTo(CompanyName.normalise("上海瑞安医疗器械有限公司"));
    }

    @Test
    void normalisesNullToNull() {
        assertThat(CompanyName.normalise(null)).isNull();
    }
}
