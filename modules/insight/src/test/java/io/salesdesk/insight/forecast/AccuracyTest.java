package io.salesdesk.insight.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccuracyTest {

    private static Accuracy.Cell cell(String forecast, String actual) {
        return new Accuracy.Cell(forecast == null ? null : new BigDecimal(forecast), new BigDecimal(actual));
    }

    @Test
    void mapeAveragesOverCellsWithActualsAndBiasSumsEveryForecastCell() {
        // |100-120|/100 = 0.2, |100-80|/100 = 0.2, |200-50|/200 = 0.75 → MAPE 1.15 / 3 = 0.3833;
        // the zero actual is left out of MAPE; bias (20 - 20 - 150 + 30) / 400 = -0.3; no commit: left out.
        AccuracyFigure figure = Accuracy.measure(ForecastLevel.REP, ForecastMethod.COMMIT, List.of(
                cell("120", "100"), cell("80", "100"), cell("50", "200"), cell("30", "0"), cell(null, "50")));
        assertThat(figure.mape()).isEqualByComparingTo("0.3833");
        assertThat(figure.bias()).isEqualByComparingTo("-0.3000");
        assertThat(figure.measuredCells()).isEqualTo(3);
        assertThat(figure.zeroActualCells()).isEqualTo(1);
        assertThat(figure.missingForecastCells()).isEqualTo(1);
        assertThat(figure.noDataReason()).isNull();
    }

    @Test
    void noCellsGiveAReasonInsteadOfANumber() {
        AccuracyFigure figure = Accuracy.measure(ForecastLevel.TEAM, ForecastMethod.WEIGHTED, List.of());
        assertThat(figure.mape()).isNull();
        assertThat(figure.bias()).isNull();
        assertThat(figure.noDataReason()).isEqualTo("forecast.noData.noSnapshots");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # forecast, actual, reason
            10,        0,      forecast.noData.zeroActuals
            ,          50,     forecast.noData.noForecast
            """)
    void onlyZeroActualsOrNoForecastsGiveAReason(String forecast, String actual, String reason) {
        AccuracyFigure figure = Accuracy.measure(ForecastLevel.REP, ForecastMethod.COMMIT, List.of(cell(forecast, actual)));
        assertThat(figure.mape()).isNull();
        assertThat(figure.noDataReason()).isEqualTo(reason);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # forecast, safety, available, inbound, order
            12.4,       5,      10,        3,       5
            3,          2,      10,        0,       0
            0,          5,      0,         0,       5
            13.5,       4,      8,         3,       7
            10,         0,      10,        0,       0
            """)
    void suggestedOrderKeepsTheSafetyStockInWholeUnits(String forecast, String safety, String available,
                                                       String inbound, String order) {
        assertThat(ProcurementService.suggestedOrder(new BigDecimal(forecast), new BigDecimal(safety),
                new BigDecimal(available), new BigDecimal(inbound))).isEqualByComparingTo(order);
    }
}
