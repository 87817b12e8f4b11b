package io.salesdesk.app.map;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** The periods the heat layer offers: this week (from Monday), the last 30 days, or chosen dates. */
enum HeatPeriod {
    THIS_WEEK, LAST_30_DAYS, CUSTOM;

    /** The start of the period, for the preset periods. */
    Instant from(Clock clock) {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        return switch (this) {
            case THIS_WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone)
                    .toInstant();
            case LAST_30_DAYS -> today.minusDays(30).atStartOfDay(zone).toInstant();
            case CUSTOM -> throw new IllegalStateException("A custom period has chosen dates");
        };
    }

    /** The start of the first day after a chosen end date, so the end date counts whole. */
    static Instant endOf(LocalDate last, ZoneId zone) {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    static Instant startOf(LocalDate first, ZoneId zone) {
        return first.atStartOfDay(zone).toInstant();
    }
}
