package io.salesdesk.insight.forecast;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One cell of the forecast table: a rep, team or region in a period.
 *
 * @param level       rep, team or region
 * @param subjectId   the rep's user id or the team's / region's org unit id
 * @param subjectName the name shown
 * @param weighted    weighted pipeline, yuan
 * @param runRate     run-rate projection, yuan
 * @param commit      the commit (a team's or region's: the sum of its reps'); null when nobody committed
 * @param adjustment  the latest manager adjustment of this cell; null when none
 * @param actual      signed contract amount in the period so far, yuan
 */
public record ForecastRow(ForecastLevel level, UUID subjectId, String subjectName, BigDecimal weighted,
                          BigDecimal runRate, BigDecimal commit, BigDecimal adjustment, BigDecimal actual) {

    /** The figure the managers stand behind: the adjustment, else the commit, else the weighted pipeline. */
    public BigDecimal adjusted() {
        return adjustment != null ? adjustment : commit != null ? commit : weighted;
    }

    /** The figure of a method (null for a commit nobody made). */
    public BigDecimal figure(ForecastMethod method) {
        return switch (method) {
            case WEIGHTED -> weighted;
            case RUN_RATE -> runRate;
            case COMMIT -> commit;
            case ADJUSTED -> adjusted();
        };
    }
}
