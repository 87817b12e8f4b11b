package io.salesdesk.insight.kpi;

import java.util.Map;
import java.util.UUID;

/**
 * The figures of one group: a rep, a team, a region, or the whole visible scope.
 *
 * @param groupId   the user's or org unit's id; null for the whole scope and for unassigned leads
 * @param groupName the rep's, team's or region's name; null for the whole scope
 * @param figures   one figure per KPI, in {@link KpiKind} order
 */
public record KpiGroupFigures(UUID groupId, String groupName, Map<KpiKind, KpiFigure> figures) {

    public KpiGroupFigures {
        figures = Map.copyOf(figures);
    }

    public KpiFigure figure(KpiKind kind) {
        return figures.get(kind);
    }
}
