package io.salesdesk.territory.surge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds surges in inquiry counts per province and window: pure, so it is tested on synthetic
 * counts. Keys are the seven macro-regions and every province. A key surges when its recent count
 * is at least {@link SurgeSettings#factor()} times its baseline (the mean of the baseline windows)
 * and at least {@link SurgeSettings#minVolume()}. A province inside a surging macro-region raises
 * no alert of its own: the macro-region's alert covers it. With a zero baseline a key surges on
 * volume alone, but only when the workspace has inquiries older than the baseline period: a new
 * workspace has no usual level to compare with.
 */
public final class SurgeDetector {

    private final SurgeSettings settings;

    public SurgeDetector(SurgeSettings settings) {
        this.settings = settings;
    }

    /**
     * @param countsByProvince two-digit province prefix → counts per window (index 0 recent, then
     *                         the baseline windows, as {@link SurgeWindows})
     * @param historyCovered   whether any inquiry is older than the oldest baseline window
     * @return the surges, macro-regions first, then provinces by code
     */
    public List<Surge> detect(Map<String, int[]> countsByProvince, boolean historyCovered) {
        int windows = settings.baselineWindows() + 1;
        List<Surge> surges = new ArrayList<>();
        Set<MacroRegion> surging = EnumSet.noneOf(MacroRegion.class);
        for (MacroRegion macro : MacroRegion.values()) {
            int[] sum = new int[windows];
            for (String prefix : macro.provincePrefixes()) {
                int[] c = countsByProvince.get(prefix);
                for (int i = 0; c != null && i < windows && i < c.length; i++) {
                    sum[i] += c[i];
                }
            }
            Surge s = evaluate(macro.name(), sum, busiest(macro.provincePrefixes(), countsByProvince), historyCovered);
            if (s != null) {
                surges.add(s);
                surging.add(macro);
            }
        }
        for (var e : new TreeMap<>(countsByProvince).entrySet()) {
            var macro = MacroRegion.of(e.getKey());
            if (macro.isEmpty() || surging.contains(macro.get())) {
                continue;
            }
            int[] c = new int[windows];
            System.arraycopy(e.getValue(), 0, c, 0, Math.min(windows, e.getValue().length));
            String code = e.getKey() + "0000";
            Surge s = evaluate(code, c, List.of(code), historyCovered);
            if (s != null) {
                surges.add(s);
            }
        }
        return surges;
    }

    private Surge evaluate(String key, int[] counts, List<String> busiest, boolean historyCovered) {
        int recent = counts[0];
        if (recent < settings.minVolume()) {
            return null;
        }
        double baseline = 0;
        for (int i = 1; i < counts.length; i++) {
            baseline += counts[i];
        }
        baseline /= settings.baselineWindows();
        if (baseline == 0) {
            return historyCovered ? new Surge(key, recent, 0, null, busiest) : null;
        }
        // Compared in whole inquiries: 4 × 5.0 needs 20, and 19.999… from rounding is not a surge.
        if (recent + 1e-9 < baseline * settings.factor()) {
            return null;
        }
        return new Surge(key, recent, baseline, recent / baseline, busiest);
    }

    private static List<String> busiest(List<String> prefixes, Map<String, int[]> counts) {
        return prefixes.stream()
                .sorted(Comparator.comparingInt((String p) -> {
                    int[] c = counts.get(p);
                    return c == null ? 0 : -c[0];
                }).thenComparing(p -> p))
                .map(p -> p + "0000").toList();
    }
}
