package io.salesdesk.app.dashboard;

import io.salesdesk.app.common.I18n;
import io.salesdesk.insight.kpi.KpiKind;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.FieldBreakdown;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The widgets the dashboard overview can show, by the keys layouts store: a tile per KPI
 * ("kpi.SIGNED_AMOUNT"), the three charts ("chart.signed", "chart.response", "chart.conversion"),
 * and a chart per custom field of customers, leads and deals with a few known values
 * ("field.CUSTOMER.attack_stage": 大客户按攻坚阶段).
 *
 * @param fields the custom fields in use of the entities a field chart can count
 */
record DashboardWidgets(List<CustomField> fields) {

    static final String KPI = "kpi.";
    static final String CHART = "chart.";
    static final String FIELD = "field.";
    static final List<String> CHARTS = List.of("signed", "response", "conversion");
    /** The entities a field chart counts: those with a dashboard-wide meaning and an owner. */
    static final List<CustomEntity> COUNTED = List.of(CustomEntity.CUSTOMER, CustomEntity.LEAD, CustomEntity.OPPORTUNITY);

    DashboardWidgets {
        fields = fields.stream().filter(f -> COUNTED.contains(f.entity()) && FieldBreakdown.fits(f)).toList();
    }

    /** Only the built-in widgets (a workspace without custom fields). */
    static DashboardWidgets builtInOnly() {
        return new DashboardWidgets(List.of());
    }

    /** The built-in layout: the tiles, then the charts. Field charts are added by choice only. */
    static List<String> builtIn() {
        List<String> all = new ArrayList<>();
        for (KpiKind kind : KpiKind.values()) {
            all.add(KPI + kind.name());
        }
        CHARTS.forEach(c -> all.add(CHART + c));
        return all;
    }

    /** Every widget there is to choose from, in the order the composer offers them. */
    List<String> all() {
        List<String> all = builtIn();
        fields.forEach(f -> all.add(key(f)));
        return all;
    }

    Set<String> known() {
        return new LinkedHashSet<>(all());
    }

    static String key(CustomField field) {
        return FIELD + field.entity().name() + "." + field.key();
    }

    /** The field a field chart's key names, while it is in use. */
    Optional<CustomField> field(String key) {
        return fields.stream().filter(f -> key(f).equals(key)).findFirst();
    }

    /** The widget's name as the composer lists it: "指标 · 签约额", "图表 · 月度签约额", "字段 · 客户按攻坚阶段". */
    String label(String key) {
        if (key.startsWith(KPI)) {
            return I18n.get("dashboard.composer.kpi", KpiText.label(KpiKind.valueOf(key.substring(KPI.length()))));
        }
        if (key.startsWith(FIELD)) {
            return I18n.get("dashboard.composer.field", field(key).map(DashboardWidgets::title).orElse(key));
        }
        return I18n.get("dashboard.composer.chart", I18n.get("dashboard.chart." + key.substring(CHART.length())));
    }

    /** A field chart's title: 客户按「攻坚阶段」, 进行中商机按「行业」. */
    static String title(CustomField field) {
        return I18n.get("dashboard.field.title." + field.entity().name(), field.label());
    }

    /** What the widget shows, for the composer's hint line. */
    String help(String key) {
        if (key.startsWith(KPI)) {
            return I18n.get("kpi.help." + key.substring(KPI.length()));
        }
        return key.startsWith(FIELD) ? I18n.get("dashboard.field.help") : "";
    }
}
