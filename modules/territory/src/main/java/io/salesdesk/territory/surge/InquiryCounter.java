package io.salesdesk.territory.surge;

import io.salesdesk.core.BusinessTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Inquiries per province and surge window from the per-day counts ({@code lead_day_count}) and
 * only the leads of the hours that cut a day at a window's edge. A day no window edge cuts counts
 * whole from its row. A day that window edges cut into segments reads the leads of every segment
 * but the one expected to hold most (by its time up to now), and that one is the day's count less
 * the others: a rolling window ending at 10:00 reads the empty hours after 10:00 today and, on
 * each earlier cut day, the shorter side of 10:00. Exact to the instant at every edge, like a
 * count over the lead table, and always as fresh as the counts (no state between scans).
 */
final class InquiryCounter {

    /** Where the counts come from. */
    interface Source {
        /** Two-digit province prefix → inquiries per business day in {@code [from, to)}. */
        Map<String, Map<LocalDate, Integer>> dayCounts(LocalDate from, LocalDate to);

        /** Two-digit province prefix → inquiries created in {@code [from, to)}. */
        Map<String, Integer> countIn(OffsetDateTime from, OffsetDateTime to);
    }

    private InquiryCounter() {
    }

    /** Counts per province prefix and window index, as {@link SurgeRepository#countsByProvince}. */
    static Map<String, int[]> counts(SurgeWindows windows, Source source) {
        List<SurgeWindows.Window> list = windows.windows();
        Instant earliest = windows.earliest().toInstant();
        Instant latest = earliest;
        TreeSet<Instant> edges = new TreeSet<>();
        for (SurgeWindows.Window w : list) {
            edges.add(w.from().toInstant());
            edges.add(w.to().toInstant());
            latest = w.to().toInstant().isAfter(latest) ? w.to().toInstant() : latest;
        }
        Instant now = windows.recent().to().toInstant();
        LocalDate firstDay = LocalDate.ofInstant(earliest, BusinessTime.ZONE);
        LocalDate lastDay = LocalDate.ofInstant(latest.minusMillis(1), BusinessTime.ZONE);
        Map<String, Map<LocalDate, Integer>> days = source.dayCounts(firstDay, lastDay.plusDays(1));
        Map<String, int[]> counts = new HashMap<>();
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            Instant start = day.atStartOfDay(BusinessTime.ZONE).toInstant();
            Instant end = day.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant();
            List<Instant> bounds = new ArrayList<>();
            bounds.add(start);
            bounds.addAll(edges.subSet(start, false, end, false));
            bounds.add(end);
            Map<String, Integer> whole = dayOf(days, day);
            if (bounds.size() == 2) {
                add(counts, whole, start, end, list);
                continue;
            }
            int derived = busiest(bounds, now);
            Map<String, Integer> rest = new HashMap<>(whole);
            for (int i = 0; i + 1 < bounds.size(); i++) {
                if (i != derived) {
                    Map<String, Integer> read = source.countIn(utc(bounds.get(i)), utc(bounds.get(i + 1)));
                    read.forEach((p, n) -> rest.merge(p, -n, Integer::sum));
                    add(counts, read, bounds.get(i), bounds.get(i + 1), list);
                }
            }
            add(counts, rest, bounds.get(derived), bounds.get(derived + 1), list);
        }
        return counts;
    }

    /** The segment with the most time before {@code now}: the one not to read. */
    private static int busiest(List<Instant> bounds, Instant now) {
        int best = 0;
        long bestMillis = -1;
        for (int i = 0; i + 1 < bounds.size(); i++) {
            Instant to = bounds.get(i + 1).isAfter(now) ? now : bounds.get(i + 1);
            long millis = Math.max(0, Duration.between(bounds.get(i), to).toMillis());
            if (millis > bestMillis) {
                best = i;
                bestMillis = millis;
            }
        }
        return best;
    }

    /** Adds a segment's counts to every window that holds it (a segment lies wholly inside or outside each). */
    private static void add(Map<String, int[]> counts, Map<String, Integer> segment, Instant from, Instant to,
                            List<SurgeWindows.Window> windows) {
        for (int w = 0; w < windows.size(); w++) {
            SurgeWindows.Window window = windows.get(w);
            if (!from.isBefore(window.from().toInstant()) && !to.isAfter(window.to().toInstant())) {
                int index = w;
                segment.forEach((p, n) -> {
                    if (n != 0) {
                        counts.computeIfAbsent(p, k -> new int[windows.size()])[index] += n;
                    }
                });
            }
        }
    }

    private static Map<String, Integer> dayOf(Map<String, Map<LocalDate, Integer>> days, LocalDate day) {
        Map<String, Integer> whole = new HashMap<>();
        days.forEach((p, byDay) -> {
            Integer n = byDay.get(day);
            if (n != null) {
                whole.put(p, n);
            }
        });
        return whole;
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
