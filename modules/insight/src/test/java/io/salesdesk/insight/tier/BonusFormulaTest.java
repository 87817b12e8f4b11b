package io.salesdesk.insight.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BonusFormulaTest {

    private final BonusFormula standard = new BonusFormula(List.of(new BonusBand(90, new BigDecimal("1.2")),
            new BonusBand(0, new BigDecimal("0.8")), new BonusBand(60, new BigDecimal("1.0"))));

    @ParameterizedTest
    @CsvSource(textBlock = """
            0,     10, 0.8
            59,   100, 0.8
            6,     10, 1.0
            89,   100, 1.0
            9,     10, 1.2
            12,    10, 1.2
            """)
    void coefficientIsTheBandHoldingTheCompletion(int done, int required, String coefficient) {
        assertThat(standard.coefficient(OptionalDouble.of((double) done / required))).hasValue(new BigDecimal(coefficient));
    }

    @Test
    void noCompletionGivesNoCoefficient() {
        assertThat(standard.coefficient(OptionalDouble.empty())).isEmpty();
    }
}
