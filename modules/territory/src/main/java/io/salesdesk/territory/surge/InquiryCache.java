package io.salesdesk.territory.surge;

import io.salesdesk.core.BusinessTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each inquiry of the scanned period came in, per province, kept between scans: reading the
 * created-at of 60,000 leads from the embedded database's disk-based table takes a second or two,
 * reading the last quarter of an hour's takes a few milliseconds. The first scan of a business
 * day reads the whole period again, so leads imported with an earlier date, deleted or moved to
 * another region count from then on; in between, each scan reads only what came in since the
 * last one, and re-reads the last {@link #SETTLE} every time, so a lead another client wrote a
 * moment before our read still counts. Counts are exact to the millisecond at the window bounds.
 */
final class InquiryCache {

    /** Leads younger than this are read again at every scan rather than kept. */
    static final Duration SETTLE = Duration.ofMinutes(10);

    /** Reads inquiries created in {@code [from, to)}. */
    interface Loader {
        List<Inquiry> load(OffsetDateTime from, OffsetDateTime to);

        /** Whether any inquiry is older than {@code before}. */
        boolean anyBefore(OffsetDateTime before);
    }

    /**
     * One inquiry.
     *
     * @param province two-digit province prefix
     * @param at       epoch milliseconds of its creation
     */
    record Inquiry(String province, long at) {
    }

    private final Map<String, Times> kept = new HashMap<>();
    private Instant coveredFrom;
    private Instant keptUpTo;
    private LocalDate builtOn;
    private boolean history;

    /** Counts per province prefix and window index, as {@link SurgeRepository#countsByProvince}. */
    synchronized Counted counts(SurgeWindows windows, Loader loader) {
        Instant earliest = windows.earliest().toInstant();
        Instant now = windows.recent().to().toInstant();
        LocalDate today = LocalDate.ofInstant(now, BusinessTime.ZONE);
        List<Inquiry> fresh;
        if (keptUpTo == null || !today.equals(builtOn) || earliest.isBefore(coveredFrom) || now.isBefore(keptUpTo)) {
            kept.clear();
            coveredFrom = earliest;
            keptUpTo = earliest;
            builtOn = today;
            history = loader.anyBefore(windows.earliest());
        }
        fresh = loader.load(keptUpTo.atOffset(ZoneOffset.UTC), windows.recent().to());
        Instant settled = now.minus(SETTLE).isAfter(keptUpTo) ? now.minus(SETTLE) : keptUpTo;
        Map<String, Times> live = new HashMap<>();
        for (Inquiry i : fresh) {
            boolean keep = i.at() < settled.toEpochMilli();
            (keep ? kept : live).computeIfAbsent(i.province(), k -> new Times()).add(i.at());
        }
        keptUpTo = settled;
        List<SurgeWindows.Window> list = windows.windows();
        Map<String, int[]> counts = new HashMap<>();
        for (Map<String, Times> source : List.of(kept, live)) {
            source.forEach((province, times) -> {
                int[] c = counts.computeIfAbsent(province, k -> new int[list.size()]);
                for (int w = 0; w < list.size(); w++) {
                    c[w] += times.countIn(list.get(w).from().toInstant().toEpochMilli(),
                            list.get(w).to().toInstant().toEpochMilli());
                }
            });
        }
        return new Counted(counts, history);
    }

    /** The counts and whether the workspace has inquiries older than the period. */
    record Counted(Map<String, int[]> byProvince, boolean history) {
    }

    /** A growing, sorted-on-demand list of epoch milliseconds. */
    private static final class Times {
        private long[] values = new long[64];
        private int size;
        private boolean sorted = true;

        void add(long at) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            sorted &= size == 0 || values[size - 1] <= at;
            values[size++] = at;
        }

        int countIn(long from, long to) {
            if (!sorted) {
                Arrays.sort(values, 0, size);
                sorted = true;
            }
            return lowerBound(to) - lowerBound(from);
        }

        private int lowerBound(long key) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (values[mid] < key) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
