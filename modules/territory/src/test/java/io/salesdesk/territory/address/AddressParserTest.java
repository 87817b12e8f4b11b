package io.salesdesk.territory.address;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.crm.Region;
import io.salesdesk.crm.RegionGuess;
import io.salesdesk.crm.RegionService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressParserTest {

    private static final AddressParser PARSER = new AddressParser(RegionService.bundled());

    /**
     * Address | expected code (empty: none) | least confidence | most confidence. Ambiguous names
     * give the common parent or nothing, always below the 0.6 the CRM needs to set a region.
     */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            浙江省杭州市西湖区文三路 90 号             | 330106 | 0.95 | 1.00
            杭州西湖区文三路 90 号                     | 330106 | 0.85 | 0.95
            杭州市西湖区文三路                         | 330106 | 0.90 | 1.00
            杭州西湖文三路 90 号                       | 330106 | 0.80 | 0.95
            浙江杭州滨江区网商路 699 号                | 330108 | 0.85 | 0.95
            余杭区文一西路 969 号                      | 330110 | 0.70 | 0.80
            杭州文三路 478 号                          | 330100 | 0.75 | 0.90
            浙江省宁波市                               | 330200 | 0.90 | 1.00
            中国浙江省宁波市鄞州区天童南路 588 号      | 330212 | 0.95 | 1.00
            上海市浦东新区张江路 88 号                 | 310115 | 0.90 | 1.00
            上海浦东张江高科技园区                     | 310115 | 0.80 | 0.95
            上海市黄浦区南京东路 100 号                | 310101 | 0.90 | 1.00
            北京朝阳区建国路 88 号                     | 110105 | 0.85 | 0.95
            北京市海淀区中关村大街 27 号               | 110108 | 0.90 | 1.00
            北京市通州区新华大街                       | 110112 | 0.90 | 1.00
            南通市通州区金沙镇                         | 320612 | 0.90 | 1.00
            天津市滨海新区第二大街                     | 120116 | 0.90 | 1.00
            重庆市渝中区解放碑                         | 500103 | 0.90 | 1.00
            重庆市巫山县                               | 500237 | 0.90 | 1.00
            长春市朝阳区人民大街 1 号                  | 220104 | 0.90 | 1.00
            吉林省长春市朝阳区                         | 220104 | 0.95 | 1.00
            辽宁省朝阳市双塔区                         | 211302 | 0.95 | 1.00
            南京市鼓楼区中山路 321 号                  | 320106 | 0.90 | 1.00
            福州市鼓楼区五四路 158 号                  | 350102 | 0.90 | 1.00
            徐州鼓楼区中山北路                         | 320302 | 0.85 | 0.95
            开封市鼓楼区                               | 410204 | 0.90 | 1.00
            内蒙古呼和浩特市新城区                     | 150102 | 0.90 | 1.00
            广西南宁市青秀区民族大道 100 号            | 450103 | 0.90 | 1.00
            新疆乌鲁木齐市天山区                       | 650102 | 0.90 | 1.00
            宁夏银川市兴庆区                           | 640104 | 0.90 | 1.00
            西藏拉萨市城关区                           | 540102 | 0.90 | 1.00
            广东省广州市天河区体育西路                 | 440106 | 0.95 | 1.00
            广州市越秀区北京路                         | 440104 | 0.90 | 1.00
            深圳市南山区科技园                         | 440305 | 0.90 | 1.00
            江苏昆山                                   | 320583 | 0.70 | 0.85
            昆山市前进西路                             | 320583 | 0.70 | 0.80
            延边朝鲜族自治州延吉市                     | 222401 | 0.90 | 1.00
            延边延吉市                                 | 222401 | 0.85 | 0.95
            湖北省恩施州恩施市                         | 422801 | 0.85 | 1.00
            湖北仙桃市                                 | 429004 | 0.85 | 0.95
            吉林省吉林市船营区                         | 220204 | 0.95 | 1.00
            海南省海口市美兰区                         | 460108 | 0.95 | 1.00
            江苏省鼓楼区                               | 320000 | 0.30 | 0.50
            吉林                                       | 220000 | 0.30 | 0.50
            西湖区文三路 90 号                         |        | 0.00 | 0.00
            朝阳区建国路 88 号                         |        | 0.00 | 0.00
            鼓楼区中山路 321 号                        |        | 0.00 | 0.00
            通州区                                     |        | 0.00 | 0.00
            海南                                       |        | 0.00 | 0.00
            中山路 88 号                               |        | 0.00 | 0.00
            南京路步行街 100 号                        |        | 0.00 | 0.00
            上海南京路步行街                           | 310000 | 0.80 | 0.90
            杭州西湖路 1 号                            | 330100 | 0.75 | 0.90
            asdf 1234                                  |        | 0.00 | 0.00
            请联系客服                                 |        | 0.00 | 0.00
            """)
    void placesAddress(String address, String code, double least, double most) {
        RegionGuess guess = PARSER.parse(address);

        assertThat(guess.code()).as(guess.reason()).isEqualTo(code);
        assertThat(guess.confidence()).as(guess.reason()).isBetween(least, most);
    }

    @Test
    void everyCountyIsFoundSurelyFromItsFullOrCityAndCountyForm() {
        List<Region> regions = RegionService.bundled();
        Map<String, Region> byCode = new HashMap<>();
        regions.forEach(r -> byCode.put(r.code(), r));
        List<String> missed = new ArrayList<>();
        for (Region county : regions) {
            if (!"county".equals(county.level()) || PLACEHOLDERS.contains(county.name())) {
                continue;
            }
            Region city = byCode.get(county.parentCode());
            Region province = byCode.get(city.parentCode());
            String cityName = PLACEHOLDERS.contains(city.name()) ? "" : city.name();
            // Without a real city (北京市 东城区) the second form would be the district alone.
            List<String> forms = cityName.isEmpty() ? List.of(province.name() + county.name() + "人民路 1 号")
                    : List.of(province.name() + cityName + county.name() + "人民路 1 号",
                            cityName + county.name() + "人民路 1 号");
            for (String address : forms) {
                RegionGuess guess = PARSER.parse(address);
                if (!county.code().equals(guess.code()) || guess.confidence() < 0.9) {
                    missed.add(address + " → " + guess);
                }
            }
        }

        assertThat(missed).isEmpty();
    }

    private static final Set<String> PLACEHOLDERS = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");

    @Test
    void fullNameListsTheParentsWithoutMunicipalityPlaceholders() {
        assertThat(PARSER.parse("浙江省杭州市西湖区文三路 90 号").fullName()).isEqualTo("浙江省 杭州市 西湖区");
        assertThat(PARSER.parse("上海市浦东新区张江路 88 号").fullName()).isEqualTo("上海市 浦东新区");
        assertThat(PARSER.parse("湖北仙桃市").fullName()).isEqualTo("湖北省 仙桃市");
    }

    @Test
    void ambiguousDistrictNamesTheCandidatesInTheReason() {
        RegionGuess guess = PARSER.parse("鼓楼区中山路 321 号");

        assertThat(guess.confident()).isFalse();
        assertThat(guess.reason()).contains("南京市", "福州市", "徐州市", "开封市");
    }

    @Test
    void streetNamedAfterAnotherCityDoesNotMoveTheAddress() {
        // 北京路 in 广州 and 南京东路 in 上海 name other cities after the district.
        assertThat(PARSER.parse("广州市越秀区北京路 1 号").code()).isEqualTo("440104");
        assertThat(PARSER.parse("上海市黄浦区南京东路").code()).isEqualTo("310101");
    }

    @Test
    void blankAndNullAddressesGiveNoRegion() {
        assertThat(PARSER.parse(null).code()).isNull();
        assertThat(PARSER.parse("   ").code()).isNull();
        assertThat(PARSER.parse("\u3000").confidence()).isZero();
    }

    @Test
    void levelIsTheMostSpecificRegionFound() {
        assertThat(PARSER.parse("浙江省杭州市西湖区").level()).isEqualTo("county");
        assertThat(PARSER.parse("杭州市文三路").level()).isEqualTo("city");
        assertThat(PARSER.parse("浙江省某地").level()).isEqualTo("province");
    }

    @Test
    void shortNamesDropSuffixesAndEthnicNames() {
        assertThat(AddressParser.shortName("广西壮族自治区", 1)).isEqualTo("广西");
        assertThat(AddressParser.shortName("内蒙古自治区", 1)).isEqualTo("内蒙古");
        assertThat(AddressParser.shortName("新疆维吾尔自治区", 1)).isEqualTo("新疆");
        assertThat(AddressParser.shortName("延边朝鲜族自治州", 2)).isEqualTo("延边");
        assertThat(AddressParser.shortName("黔东南苗族侗族自治州", 2)).isEqualTo("黔东南");
        assertThat(AddressParser.shortName("长阳土家族自治县", 3)).isEqualTo("长阳");
        assertThat(AddressParser.shortName("浦东新区", 3)).isEqualTo("浦东");
        assertThat(AddressParser.shortName("城区", 3)).isNull();
    }
}
