package io.salesdesk.insight.forecast;

/**
 * The ways a forecast figure is made, each measured for accuracy on its own.
 *
 * <ul>
 *   <li>WEIGHTED: open deals' amount × their probability, expected to close in the period;</li>
 *   <li>RUN_RATE: signed amount of the three previous periods per working day × the period's working days;</li>
 *   <li>COMMIT: what the rep commits to (a team's or region's is the sum of its reps');</li>
 *   <li>ADJUSTED: a manager's adjustment of the cell, else the commit, else the weighted figure.</li>
 * </ul>
 */
public enum ForecastMethod {
    WEIGHTED, RUN_RATE, COMMIT, ADJUSTED
}
