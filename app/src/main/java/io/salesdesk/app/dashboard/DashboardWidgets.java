package io.salesdesk.app.dashboard;

import io.salesdesk.app.common.I18n;
import io.salesdesk.insight.kpi.KpiKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The widgets the dashboard overview can show, by the keys layouts store: a tile per KPI
 * ("kpi.SIGNED_AMOUNT") and the three charts ("chart.signed", "chart.response", "chart.conversion").
 */
final class DashboardWidgets {

    static final String KPI = "kpi.";
    static final String CHART = "chart.";
    static final List<String> CHARTS = List.of("signed", "response", "conversion");

    private DashboardWidgets() {
    }

    /** Every widget in the built-in order: the tiles, then the charts. */
    static List<String> builtIn() {
        List<String> all = new ArrayList<>();
        for (KpiKind kind : KpiKind.values()) {
            all.add(KPI + kind.name());
        }
        CHARTS.forEach(c -> all.add(CHART + c));
        return all;
    }

    static Set<String> known() {
        return new LinkedHashSet<>(builtIn());
    }

    /** The widget's name as the composer lists it: "指标 · 签约额", "图表 · 月度签约额". */
    static String label(String key) {
        if (key.startsWith(KPI)) {
            return I18n.get("dashboard.composer.kpi", KpiText.label(KpiKind.valueOf(key.substring(KPI.length()))));
        }
        return I18n.get("dashboard.composer.chart", I18n.get("dashboard.chart." + key.substring(CHART.length())));
    }

    /** What the widget shows, for the composer's hint line. */
    static String help(String key) {
        return key.startsWith(KPI) ? I18n.get("kpi.help." + key.substring(KPI.length())) : "";
    }
}
