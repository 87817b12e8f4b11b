package io.salesdesk.insight.kpi;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One figure: its value, or no value and the reason (a message key, e.g. {@code kpi.noData.noContracts}),
 * never NaN; and how many records it was computed from.
 *
 * @param kind           which KPI
 * @param value          the figure, null when there is no data
 * @param noDataReason   message key saying why there is no value; null when there is one
 * @param records        how many records the figure rests on (contracts, leads, activities …)
 * @param excluded       how many records were left out as data errors (a contract signed before it
 *                       was submitted has no cycle)
 */
public record KpiFigure(KpiKind kind, BigDecimal value, String noDataReason, long records, long excluded) {

    public KpiFigure {
        Objects.requireNonNull(kind, "kind");
        if ((value == null) == (noDataReason == null)) {
            throw new IllegalArgumentException("a figure has a value or a reason for having none, not both");
        }
    }

    public static KpiFigure of(KpiKind kind, BigDecimal value, long records) {
        return new KpiFigure(kind, value, null, records, 0);
    }

    /** A figure that left {@code excluded} records out as data errors. */
    public static KpiFigure of(KpiKind kind, BigDecimal value, long records, long excluded) {
        return new KpiFigure(kind, value, null, records, excluded);
    }

    public static KpiFigure none(KpiKind kind, String reason) {
        return new KpiFigure(kind, null, reason, 0, 0);
    }

    public boolean hasValue() {
        return value != null;
    }
}
