package io.salesdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionMatchTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            330106, 330106, COUNTY
            330100, 330106, CITY
            330000, 330106, PROVINCE
            330102, 330106, NONE
            330200, 330106, NONE
            320000, 330106, NONE
            330100,       , NONE
            3301,   330106, NONE
            """)
    void aTerritoryCoversTheRegionsBelowIt(String territory, String region, RegionMatch expected) {
        assertThat(RegionMatch.of(territory, region)).isEqualTo(expected);
    }
}
