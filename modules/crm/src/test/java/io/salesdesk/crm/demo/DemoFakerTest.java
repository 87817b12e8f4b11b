package io.salesdesk.crm.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.CreditCode;
import io.salesdesk.core.PhoneNumber;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DemoFakerTest {

    // City and county pairs of East China, as they come from the region table.
    private static final String[][] COUNTIES = {
        {"苏州市", "姑苏区"}, {"苏州市", "昆山市"}, {"苏州市", "吴江区"}, {"无锡市", "江阴市"}, {"南京市", "鼓楼区"},
        {"杭州市", "西湖区"}, {"湖州市", "德清县"}, {"宁波市", "鄞州区"}, {"温州市", "乐清市"}, {"丽水市", "景宁畲族自治县"},
        {"市辖区", "浦东新区"}, {"市辖区", "闵行区"}, {"合肥市", "肥西县"}, {"福州市", "闽侯县"}, {"徐州市", "沛县"},
        {"济南市", "历下区"}, {"南昌市", "青山湖区"}, {"嘉兴市", "桐乡市"}, {"绍兴市", "诸暨市"}, {"常州市", "武进区"}};
    private static final Set<String> INDUSTRIES =
            Set.of("HOSPITAL", "PRIMARY_CARE", "CLINIC", "LAB", "PHARMACY", "DISTRIBUTOR");

    @Test
    void repeatsTheSameSequenceForTheSameSeed() {
        assertThat(sample(new DemoFaker(20240601L))).isEqualTo(sample(new DemoFaker(20240601L)));
    }

    @Test
    void producesDifferentDataForDifferentSeeds() {
        assertThat(sample(new DemoFaker(1L))).isNotEqualTo(sample(new DemoFaker(2L)));
    }

    @Test
    void givesPersonNamesOfTwoToFourChineseCharacters() {
        DemoFaker faker = new DemoFaker(7L);
        for (int i = 0; i < 1_000; i++) {
            assertThat(faker.personName()).matches("\\p{IsHan}{2,4}");
        }
    }

    @Test
    void drawsCommonSurnamesMoreOftenThanRareOnes() {
        DemoFaker faker = new DemoFaker(7L);
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            counts.merge(faker.personName().charAt(0), 1, Integer::sum);
        }
        assertThat(counts.getOrDefault('王', 0)).isGreaterThan(5 * counts.getOrDefault('汤', 0));
        assertThat(counts.getOrDefault('李', 0)).isGreaterThan(counts.getOrDefault('孙', 0));
    }

    @Test
    void givesMostlyDistinctCustomerNames() {
        DemoFaker faker = new DemoFaker(42L);
        List<String> names = customerNames(faker, 10_000);
        assertThat(new HashSet<>(names).size()).isGreaterThanOrEqualTo(9_500);
    }

    @Test
    void keepsCustomerNamesDistinctEvenWithinOneCounty() {
        DemoFaker faker = new DemoFaker(42L);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            names.add(faker.customerName("湖州市", "德清县"));
        }
        assertThat(names).hasSizeGreaterThanOrEqualTo(1_900);
    }

    @Test
    void derivesEveryIndustryFromGeneratedNames() {
        DemoFaker faker = new DemoFaker(3L);
        Set<String> seen = new HashSet<>();
        for (String name : customerNames(faker, 2_000)) {
            seen.add(faker.industry(name));
        }
        assertThat(seen).isEqualTo(INDUSTRIES);
    }

    @Test
    void usesShortPlaceNamesInsideCustomerNames() {
        DemoFaker faker = new DemoFaker(5L);
        for (int i = 0; i < 500; i++) {
            String name = faker.customerName("苏州市", "姑苏区");
            assertThat(name).doesNotContain("苏州市姑苏区", "市辖区").containsAnyOf("苏州", "姑苏");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            苏州姑苏第二人民医院             | HOSPITAL
            湖州德清中医院                 | HOSPITAL
            苏州姑苏妇幼保健院              | HOSPITAL
            杭州恒安骨科医院                | HOSPITAL
            德清县石桥镇卫生院              | PRIMARY_CARE
            姑苏区梅泾街道社区卫生服务中心      | PRIMARY_CARE
            苏州瑞康口腔门诊部              | CLINIC
            宁波博远眼科医院有限公司          | CLINIC
            苏州姑苏仁和内科诊所             | CLINIC
            无锡嘉禾医学检验实验室有限公司      | LAB
            合肥瑞宁病理诊断中心有限公司       | LAB
            南京华晟大药房连锁有限公司         | PHARMACY
            温州汇丰医药连锁有限公司          | PHARMACY
            常州致远医疗器械有限公司          | DISTRIBUTOR
            嘉兴启辰医疗科技有限公司          | DISTRIBUTOR
            """)
    void derivesIndustryFromTheKindOfOrganisationInTheName(String customerName, String industry) {
        assertThat(new DemoFaker(0L).industry(customerName)).isEqualTo(industry);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            苏州市      | 苏州
            姑苏区      | 姑苏
            昆山市      | 昆山
            德清县      | 德清
            浦东新区     | 浦东
            景宁畲族自治县 | 景宁
            沛县       | 沛县
            市辖区      | ''
            """)
    void shortensPlaceNamesByTheirAdministrativeSuffix(String place, String expected) {
        assertThat(DemoFaker.shortPlaceName(place)).isEqualTo(expected);
    }

    @Test
    void drawsTiersRoughlyTenTwentyFiveFortyTwentyFive() {
        DemoFaker faker = new DemoFaker(11L);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            counts.merge(faker.tier(), 1, Integer::sum);
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrder("A", "B", "C", "D");
        assertThat(counts.get("A")).isBetween(800, 1_200);
        assertThat(counts.get("B")).isBetween(2_200, 2_800);
        assertThat(counts.get("C")).isBetween(3_600, 4_400);
        assertThat(counts.get("D")).isBetween(2_200, 2_800);
    }

    @Test
    void writesStreetAddressesFromProvinceDownToHouseNumber() {
        DemoFaker faker = new DemoFaker(13L);
        assertThat(faker.streetAddress("江苏省", "苏州市", "姑苏区")).matches("江苏省苏州市姑苏区\\p{IsHan}{2,3}路\\d{1,3}号");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            上海市, 市辖区, 浦东新区, 上海市浦东新区
            上海市, 上海市, 浦东新区, 上海市浦东新区
            """)
    void leavesOutPlaceholderAndRepeatedCities(String province, String city, String county, String prefix) {
        String address = new DemoFaker(13L).streetAddress(province, city, county);
        assertThat(address).startsWith(prefix).doesNotContain("市辖区").doesNotContain("上海市上海市");
    }

    @Test
    void givesMobilesThatNormaliseToThemselves() {
        DemoFaker faker = new DemoFaker(17L);
        for (int i = 0; i < 1_000; i++) {
            String mobile = faker.mobile();
            assertThat(PhoneNumber.normalise(mobile)).contains(mobile);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0512", "512", "021", "21", "010"})
    void givesLandlinesUnderTheAreaCodeWithOrWithoutLeadingZero(String areaCode) {
        DemoFaker faker = new DemoFaker(19L);
        String prefix = (areaCode.startsWith("0") ? areaCode : "0" + areaCode) + "-";
        for (int i = 0; i < 200; i++) {
            String landline = faker.landline(areaCode);
            assertThat(landline).startsWith(prefix);
            assertThat(PhoneNumber.normalise(landline)).contains(landline);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "05123", "abc"})
    void refusesMalformedAreaCodes(String areaCode) {
        assertThatThrownBy(() -> new DemoFaker(0L).landline(areaCode)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givesValidCreditCodes() {
        DemoFaker faker = new DemoFaker(23L);
        for (int i = 0; i < 2_000; i++) {
            assertThat(faker.creditCode()).satisfies(code -> assertThat(CreditCode.isValid(code)).isTrue());
        }
    }

    @Test
    void placesTheRegionCodeInsideTheCreditCode() {
        DemoFaker faker = new DemoFaker(29L);
        String company = faker.creditCode("320508");
        String publicHospital = faker.creditCode("330521", true);
        assertThat(company).startsWith("91320508");
        assertThat(publicHospital).startsWith("12330521");
        assertThat(CreditCode.isValid(company)).isTrue();
        assertThat(CreditCode.isValid(publicHospital)).isTrue();
    }

    @Test
    void refusesRegionCodesThatAreNotSixDigits() {
        assertThatThrownBy(() -> new DemoFaker(0L).creditCode("32050")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            HOSPITAL,     设备科科长
            PRIMARY_CARE, 院长
            CLINIC,       店长
            LAB,          实验室主任
            PHARMACY,     采购经理
            DISTRIBUTOR,  总经理
            """)
    void matchesContactTitlesToTheIndustry(String industry, String typicalTitle) {
        DemoFaker faker = new DemoFaker(31L);
        Set<String> titles = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            titles.add(faker.contactTitle(industry));
        }
        assertThat(titles).contains(typicalTitle);
    }

    @Test
    void givesNoClinicTitlesToHospitals() {
        DemoFaker faker = new DemoFaker(31L);
        for (int i = 0; i < 500; i++) {
            assertThat(faker.contactTitle("HOSPITAL")).isNotIn("店长", "品类经理", "总经理");
        }
    }

    @Test
    void refusesUnknownIndustries() {
        assertThatThrownBy(() -> new DemoFaker(0L).contactTitle("BANK")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CALL", "VISIT", "MEETING", "DEMO", "NOTE"})
    void writesVariedActivityNotesOfTwentyToEightyCharacters(String kind) {
        DemoFaker faker = new DemoFaker(37L);
        Set<String> notes = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String note = faker.activityNote(kind);
            assertThat(note.length()).as(note).isBetween(20, 80);
            assertThat(note).doesNotContain("{", "}");
            notes.add(note);
        }
        assertThat(notes).hasSizeGreaterThan(900);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CALL", "VISIT", "MEETING", "DEMO", "NOTE"})
    void givesShortOutcomesForEveryKind(String kind) {
        DemoFaker faker = new DemoFaker(41L);
        Set<String> outcomes = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            outcomes.add(faker.activityOutcome(kind));
        }
        assertThat(outcomes).hasSizeGreaterThan(5).allSatisfy(outcome -> assertThat(outcome.length()).isBetween(2, 10));
    }

    @Test
    void givesNextStepsWithEverySlotFilled() {
        DemoFaker faker = new DemoFaker(43L);
        for (int i = 0; i < 500; i++) {
            assertThat(faker.nextStep()).doesNotContain("{", "}").hasSizeBetween(4, 30);
        }
    }

    @Test
    void refusesUnknownActivityKinds() {
        DemoFaker faker = new DemoFaker(0L);
        assertThatThrownBy(() -> faker.activityNote("EMAIL")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faker.activityOutcome("EMAIL")).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> customerNames(DemoFaker faker, int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] county = COUNTIES[i % COUNTIES.length];
            names.add(faker.customerName(county[0], county[1]));
        }
        return names;
    }

    /** One value of every kind, in a fixed order, so that two fakers can be compared. */
    private static List<String> sample(DemoFaker faker) {
        List<String> values = new ArrayList<>();
        List<Function<DemoFaker, String>> draws = List.of(
                DemoFaker::personName,
                f -> f.customerName("苏州市", "昆山市"),
                DemoFaker::tier,
                f -> f.streetAddress("江苏省", "苏州市", "昆山市"),
                DemoFaker::mobile,
                f -> f.landline("0512"),
                f -> f.contactTitle("HOSPITAL"),
                DemoFaker::creditCode,
                f -> f.activityNote("VISIT"),
                f -> f.activityOutcome("DEMO"),
                DemoFaker::nextStep);
        for (int round = 0; round < 50; round++) {
            for (Function<DemoFaker, String> draw : draws) {
                values.add(draw.apply(faker));
            }
        }
        return values;
    }
}
