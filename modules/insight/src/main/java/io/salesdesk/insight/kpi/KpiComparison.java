package io.salesdesk.insight.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A period's KPIs against its comparison period's.
 *
 * @param periods  the two periods
 * @param current  figures of the period looked at
 * @param baseline figures of the period it is measured against
 */
public record KpiComparison(PeriodComparison periods, KpiReport current, KpiReport baseline) {

    /** current − baseline; empty when either has no value. */
    public Optional<BigDecimal> delta(KpiKind kind) {
        KpiFigure now = current.figure(kind);
        KpiFigure before = baseline.figure(kind);
        return now.hasValue() && before.hasValue() ? Optional.of(now.value().subtract(before.value()))
                : Optional.empty();
    }

    /** The change in percent of the baseline; empty when either has no value or the baseline is zero. */
    public Optional<BigDecimal> deltaPercent(KpiKind kind) {
        KpiFigure before = baseline.figure(kind);
        return delta(kind).filter(d -> before.value().signum() != 0)
                .map(d -> d.multiply(BigDecimal.valueOf(100)).divide(before.value().abs(), 1, RoundingMode.HALF_UP));
    }
}
