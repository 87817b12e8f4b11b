package io.salesdesk.insight.kpi;

/** How figures are broken down: the whole visible scope only, or per rep, team or region (大区). */
public enum KpiGrouping {
    ALL, REP, TEAM, REGION
}
