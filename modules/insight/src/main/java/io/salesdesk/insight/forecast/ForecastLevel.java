package io.salesdesk.insight.forecast;

/** Whose forecast a row is: a rep's, a team's (the rep's org unit) or a sales region's (the REGION unit above it). */
public enum ForecastLevel {
    REP, TEAM, REGION
}
