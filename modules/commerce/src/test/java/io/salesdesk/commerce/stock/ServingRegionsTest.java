package io.salesdesk.commerce.stock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServingRegionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            330302 | 330302 | true
            330300 | 330302 | true
            330000 | 330302 | true
            330100 | 330302 | false
            330303 | 330302 | false
            320000 | 330302 | false
            330300 | 330300 | true
            330302 | 330300 | false
            310000 | 310104 | true
            310100 | 310104 | true
            """)
    void aWarehouseServesItsRegionAndEverythingInside(String covered, String customer, boolean serves) {
        assertThat(ServingRegions.serves(covered, customer)).isEqualTo(serves);
    }

    @Test
    void aCountyIsServedFromItselfItsCityAndItsProvince() {
        assertThat(ServingRegions.codesServing("330302")).containsExactly("330302", "330300", "330000");
        assertThat(ServingRegions.codesServing("330000")).containsExactly("330000");
        assertThat(ServingRegions.codesServing("33030")).isEmpty();
        assertThat(ServingRegions.codesServing(null)).isEmpty();
    }
}
