package io.salesdesk.insight.forecast;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The arithmetic of forecast accuracy, over cells that pair a frozen forecast F with the actual A
 * (signed contract amount) of a closed period:
 *
 * <ul>
 *   <li>MAPE = mean over the cells with A &gt; 0 of |A − F| / A. A cell with A = 0 has no
 *       percentage error (any forecast would be infinitely wrong), so it is left out of MAPE and
 *       counted in {@link AccuracyFigure#zeroActualCells()} instead;</li>
 *   <li>bias = Σ(F − A) / ΣA over every cell with a forecast, zero actuals included (a forecast
 *       for a cell that sold nothing is over-forecast and shows here). Positive: over-forecast.</li>
 * </ul>
 * Cells without a forecast of the method (nobody committed) are left out of both and counted.
 * With nothing to measure the figure carries a reason instead of a number, never NaN.
 */
public final class Accuracy {

    /** Ratios are kept to 4 places (0.1234 = 12.34 %). */
    public static final int SCALE = 4;
    private static final MathContext MC = MathContext.DECIMAL64;

    private Accuracy() {
    }

    /** One forecast against its actual; {@code forecast} null when the method made none. */
    public record Cell(BigDecimal forecast, BigDecimal actual) {
    }

    /** MAPE and bias of a method at a level over the cells. */
    public static AccuracyFigure measure(ForecastLevel level, ForecastMethod method, List<Cell> cells) {
        BigDecimal errorSum = BigDecimal.ZERO;
        int measured = 0;
        int zeroActual = 0;
        int missing = 0;
        BigDecimal deviation = BigDecimal.ZERO;
        BigDecimal actualSum = BigDecimal.ZERO;
        for (Cell cell : cells) {
            if (cell.forecast() == null) {
                missing++;
                continue;
            }
            BigDecimal a = cell.actual() == null ? BigDecimal.ZERO : cell.actual();
            deviation = deviation.add(cell.forecast().subtract(a));
            actualSum = actualSum.add(a);
            if (a.signum() > 0) {
                errorSum = errorSum.add(a.subtract(cell.forecast()).abs().divide(a, MC));
                measured++;
            } else {
                zeroActual++;
            }
        }
        BigDecimal mape = measured == 0 ? null
                : errorSum.divide(BigDecimal.valueOf(measured), MC).setScale(SCALE, RoundingMode.HALF_UP);
        BigDecimal bias = actualSum.signum() == 0 ? null
                : deviation.divide(actualSum, MC).setScale(SCALE, RoundingMode.HALF_UP);
        String reason = null;
        if (cells.isEmpty()) {
            reason = "forecast.noData.noSnapshots";
        } else if (missing == cells.size()) {
            reason = "forecast.noData.noForecast";
        } else if (mape == null) {
            reason = "forecast.noData.zeroActuals";
        }
        return new AccuracyFigure(level, method, cells.size(), measured, zeroActual, missing, mape, bias, reason);
    }
}
