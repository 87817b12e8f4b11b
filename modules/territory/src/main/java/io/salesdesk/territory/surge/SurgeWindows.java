package io.salesdesk.territory.surge;

import io.salesdesk.core.BusinessTime;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The recent window (index 0) and the baseline windows (1 … N) of a scan at {@code now}. Each
 * baseline window is the recent one shifted back by whole windows (or whole weeks for the same
 * weekday), so a window that ends now is compared with windows that end at the same time of day.
 */
public record SurgeWindows(List<Window> windows) {

    /** A half-open interval of time, {@code [from, to)}. */
    public record Window(OffsetDateTime from, OffsetDateTime to) {
    }

    public static SurgeWindows at(Instant now, SurgeSettings settings) {
        OffsetDateTime end = now.atOffset(ZoneOffset.UTC);
        OffsetDateTime start;
        Duration shift;
        if (settings.mode() == WindowMode.SAME_WEEKDAY) {
            start = now.atZone(BusinessTime.ZONE).toLocalDate().atStartOfDay(BusinessTime.ZONE).toOffsetDateTime()
                    .withOffsetSameInstant(ZoneOffset.UTC);
            shift = Duration.ofDays(7);
        } else {
            start = end.minusDays(settings.windowDays());
            shift = Duration.ofDays(settings.windowDays());
        }
        List<Window> windows = new ArrayList<>();
        for (int i = 0; i <= settings.baselineWindows(); i++) {
            windows.add(new Window(start.minus(shift.multipliedBy(i)), end.minus(shift.multipliedBy(i))));
        }
        return new SurgeWindows(List.copyOf(windows));
    }

    public Window recent() {
        return windows.get(0);
    }

    /** Start of the oldest baseline window: the scan reads leads from here. */
    public OffsetDateTime earliest() {
        return windows.get(windows.size() - 1).from();
    }
}
