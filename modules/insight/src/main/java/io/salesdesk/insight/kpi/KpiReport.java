package io.salesdesk.insight.kpi;

import java.util.List;

/**
 * Every KPI of a period: for the whole scope the viewer may see, and per group when grouped.
 *
 * @param period   the period
 * @param grouping how {@code groups} are broken down ({@link KpiGrouping#ALL}: no groups)
 * @param total    the figures of the whole visible scope
 * @param groups   the figures per rep, team or region, by name
 */
public record KpiReport(Period period, KpiGrouping grouping, KpiGroupFigures total, List<KpiGroupFigures> groups) {

    public KpiReport {
        groups = List.copyOf(groups);
    }

    public KpiFigure figure(KpiKind kind) {
        return total.figure(kind);
    }
}
