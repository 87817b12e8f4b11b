package io.salesdesk.insight.forecast;

import java.math.BigDecimal;

/**
 * How accurate one forecast method was at one level over the closed periods measured.
 *
 * @param level               rep, team or region
 * @param method              weighted, run-rate, commit or adjusted
 * @param cells               forecast cells (subject × period) considered
 * @param measuredCells       cells in MAPE (a forecast and an actual above zero)
 * @param zeroActualCells     cells left out of MAPE because nothing was signed (still in bias)
 * @param missingForecastCells cells without a forecast of this method (e.g. no commit), left out
 * @param mape                mean absolute percentage error as a ratio (0.1234 = 12.34 %); null with a reason
 * @param bias                Σ(F − A) / ΣA as a ratio, positive when over-forecast; null when ΣA = 0
 * @param noDataReason        message key of why there is no MAPE, null when there is one
 */
public record AccuracyFigure(ForecastLevel level, ForecastMethod method, int cells, int measuredCells,
                             int zeroActualCells, int missingForecastCells, BigDecimal mape, BigDecimal bias,
                             String noDataReason) {
}
