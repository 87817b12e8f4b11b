package io.salesdesk.territory.pain;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.crm.RegionTagCount;
import io.salesdesk.territory.geo.BoundaryLevel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PainPointsTest {

    /** Shapes as the bundled boundaries have them: 上海 only as 310000, 杭州 and 宁波 as cities. */
    private static final Predicate<String> SHAPES = Set.of("310000", "330000", "330100", "330200", "410000",
            "419001")::contains;

    private static final PainPoints DATA = PainPoints.of(List.of(
            new RegionTagCount("310104", "竞品渗透", 3),
            new RegionTagCount("310115", "竞品渗透", 2),
            new RegionTagCount("330106", "竞品渗透", 4),
            new RegionTagCount("330108", "设备老化", 1),
            new RegionTagCount("330203", "竞品渗透", 1),
            new RegionTagCount("419001", "设备老化", 2)));

    @Test
    void tagsComeMostWidespreadFirst() {
        assertThat(DATA.tags()).containsExactly("竞品渗透", "设备老化");
    }

    @Test
    void provincesSumTheirCountiesCustomers() {
        assertThat(DATA.byRegion("竞品渗透", BoundaryLevel.PROVINCE, SHAPES))
                .isEqualTo(Map.of("310000", 5, "330000", 5));
    }

    @Test
    void citiesSumTheirCountiesAndAMunicipalityCountsAsOneCity() {
        assertThat(DATA.byRegion("竞品渗透", BoundaryLevel.CITY, SHAPES))
                .isEqualTo(Map.of("310000", 5, "330100", 4, "330200", 1));
        assertThat(DATA.byRegion("设备老化", BoundaryLevel.CITY, SHAPES))
                .isEqualTo(Map.of("330100", 1, "419001", 2));
    }

    @Test
    void aTagNobodyCarriesFillsNothing() {
        assertThat(DATA.byRegion("预算紧张", BoundaryLevel.PROVINCE, SHAPES)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0, -1
            1, 0
            4, 0
            5, 1
            20, 4
            """)
    void countsFallIntoFiveEqualClassesUpToTheLargest(int count, int expectedClass) {
        ChoroplethClasses classes = ChoroplethClasses.of(List.of(3, 20, 7));

        assertThat(classes.ranges()).extracting(ChoroplethClasses.Range::label)
                .containsExactly("1–4", "5–8", "9–12", "13–16", "17–20");
        assertThat(classes.classOf(count)).isEqualTo(expectedClass);
    }

    @Test
    void fewCustomersGiveOneClassPerCount() {
        ChoroplethClasses classes = ChoroplethClasses.of(List.of(1, 3));

        assertThat(classes.ranges()).extracting(ChoroplethClasses.Range::label).containsExactly("1", "2", "3");
        assertThat(classes.classOf(3)).isEqualTo(2);
        assertThat(ChoroplethClasses.of(List.of()).ranges()).isEmpty();
    }
}
