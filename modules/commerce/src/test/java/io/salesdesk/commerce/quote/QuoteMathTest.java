package io.salesdesk.commerce.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Money is BigDecimal end to end: no 0.1 + 0.2 = 0.30000000000000004 anywhere. */
class QuoteMathTest {

    @Test
    void tenAndTwentyFenAddUpToExactlyThirty() {
        BigDecimal total = QuoteMath.sum(List.of(QuoteMath.netAmount(BigDecimal.ONE, new BigDecimal("0.10"),
                        BigDecimal.ZERO), QuoteMath.netAmount(BigDecimal.ONE, new BigDecimal("0.20"), BigDecimal.ZERO),
                QuoteMath.netAmount(BigDecimal.ONE, new BigDecimal("0.00"), BigDecimal.ZERO)));

        assertThat(total).isEqualTo(new BigDecimal("0.30"));
        assertThat(0.1 + 0.2).as("what doubles would have given").isNotEqualTo(0.3);
    }

    @Test
    void totalsOverManyLinesAreTheExactDecimalSumOfTheLines() {
        SplittableRandom random = new SplittableRandom(42);
        List<BigDecimal> nets = new ArrayList<>();
        long fen = 0;
        double asDouble = 0;
        for (int i = 0; i < 10_000; i++) {
            BigDecimal price = BigDecimal.valueOf(random.nextInt(1_000_000), 2); // 0.00 – 9,999.99
            BigDecimal net = QuoteMath.netAmount(BigDecimal.ONE, price, BigDecimal.ZERO);
            nets.add(net);
            fen += price.unscaledValue().longValueExact();
            asDouble += price.doubleValue();
        }
        BigDecimal exact = BigDecimal.valueOf(fen, 2);

        assertThat(QuoteMath.sum(nets)).isEqualTo(exact);
        assertThat(BigDecimal.valueOf(asDouble)).as("a double sum drifts").isNotEqualByComparingTo(exact);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            3     | 33.33   | 0     | 99.99
            3     | 33.33   | 10    | 89.99
            1     | 0.05    | 50    | 0.03
            1     | 0.01    | 50    | 0.01
            2.5   | 1999.99 | 12.5  | 4374.98
            1     | 100.00  | 100   | 0.00
            """)
    void aLineIsRoundedHalfUpToFenOnce(String qty, String price, String discount, String net) {
        assertThat(QuoteMath.netAmount(new BigDecimal(qty), new BigDecimal(price), new BigDecimal(discount)))
                .isEqualTo(new BigDecimal(net));
    }

    @Test
    void marginIsNetMinusCostAndItsShareOfNet() {
        assertThat(QuoteMath.margin(new BigDecimal("300.00"), new BigDecimal("200.00"))).isEqualTo("100.00");
        assertThat(QuoteMath.marginPct(new BigDecimal("300.00"), new BigDecimal("200.00"))).isEqualTo("33.33");
        assertThat(QuoteMath.marginPct(new BigDecimal("0.00"), new BigDecimal("10.00"))).isNull();
    }

    @Test
    void aPriceBelowListCountsAsDiscount() {
        assertThat(QuoteMath.discountOffList(new BigDecimal("80.00"), new BigDecimal("0"), new BigDecimal("100.00")))
                .isEqualTo("20.00");
        assertThat(QuoteMath.discountOffList(new BigDecimal("100.00"), new BigDecimal("10"), new BigDecimal("100.00")))
                .isEqualTo("10.00");
        assertThat(QuoteMath.discountOffList(new BigDecimal("120.00"), new BigDecimal("0"), new BigDecimal("100.00")))
                .isEqualTo("0.00");
    }
}
