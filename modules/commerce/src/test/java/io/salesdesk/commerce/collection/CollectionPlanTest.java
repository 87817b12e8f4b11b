package io.salesdesk.commerce.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.commerce.contract.Milestone;
import io.salesdesk.commerce.contract.PaymentTerm;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Splitting an amount over payment terms: the parts always add up to the amount, to the fen. */
class CollectionPlanTest {

    @ParameterizedTest(name = "{0} at {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            100.00     | 33.33 33.33 33.34 | 33.33 33.33 33.34
            100.00     | 30 60 10          | 30.00 60.00 10.00
            0.10       | 50 50             | 0.05 0.05
            1000.01    | 33.33 33.33 33.34 | 333.30 333.30 333.41
            999999.99  | 70 30             | 699999.99 300000.00
            """)
    void thePartsAddUpToTheAmountExactly(String amount, String shares, String expected) {
        List<PaymentTerm> terms = java.util.Arrays.stream(shares.split(" "))
                .map(s -> new PaymentTerm(Milestone.SIGNING, new BigDecimal(s), 0)).toList();

        List<BigDecimal> parts = CollectionPlan.split(new BigDecimal(amount), terms);

        assertThat(parts).extracting(BigDecimal::toPlainString).containsExactly(expected.split(" "));
        assertThat(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualTo(new BigDecimal(amount));
    }
}
