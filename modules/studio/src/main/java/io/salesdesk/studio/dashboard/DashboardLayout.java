package io.salesdesk.studio.dashboard;

import java.util.List;

/**
 * The widgets a dashboard shows, in order, by key ("kpi.SIGNED_AMOUNT", "chart.signed").
 *
 * @param source whose layout it is: the user's own, the team's default, or the built-in one
 */
public record DashboardLayout(List<String> widgets, Source source) {

    /** Where a layout comes from. */
    public enum Source {
        OWN, TEAM, BUILT_IN
    }

    public DashboardLayout {
        widgets = List.copyOf(widgets);
    }
}
