package io.salesdesk.app.dashboard;

import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.insight.kpi.KpiFigure;
import io.salesdesk.insight.kpi.KpiKind;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** How KPI names and figures read, on the dashboard and on the command line. */
public final class KpiText {

    private KpiText() {
    }

    /** The KPI's name, e.g. 签约额. */
    public static String label(KpiKind kind) {
        return I18n.get("kpi.kind." + kind.name());
    }

    /** The value with its unit, or "无数据". */
    public static String value(KpiFigure figure) {
        return figure.hasValue() ? number(figure.kind(), figure.value()) : I18n.get("kpi.noData");
    }

    /** Why there is no value, in the user's language; empty when there is one. */
    public static String reason(KpiFigure figure) {
        return figure.hasValue() ? "" : I18n.get(figure.noDataReason());
    }

    /** A number of the KPI's unit, e.g. ¥1,234.00, 35 分钟, 12.5 %. */
    public static String number(KpiKind kind, BigDecimal value) {
        return switch (kind.unit()) {
            case YUAN -> Formats.money(value);
            case MINUTES -> I18n.get("kpi.unit.minutes", value.setScale(0, RoundingMode.HALF_UP).toPlainString());
            case DAYS -> I18n.get("kpi.unit.days", value.setScale(1, RoundingMode.HALF_UP).toPlainString());
            case PERCENT -> I18n.get("kpi.unit.percent", value.setScale(1, RoundingMode.HALF_UP).toPlainString());
            case COUNT -> value.setScale(2, RoundingMode.HALF_UP).toPlainString();
        };
    }

    /** A change, signed: +12.5 % or −3 分钟. */
    public static String delta(KpiKind kind, BigDecimal delta) {
        String sign = delta.signum() > 0 ? "+" : delta.signum() < 0 ? "−" : "±";
        return sign + number(kind, delta.abs());
    }
}
