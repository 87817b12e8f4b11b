package io.salesdesk.territory.surge;

import io.salesdesk.db.WorkspaceSettings;
import java.util.Map;
import org.jooq.Configuration;

/**
 * What counts as a surge and what the suggestion offers, as workspace settings ({@code surge.*}).
 *
 * <p>The threshold is an increase in percent over the baseline: the default {@code +300 %} means
 * a key surges when its recent count is at least <b>four times</b> its baseline
 * ({@code recent ≥ baseline × (1 + 300 / 100)}) and at least {@code minVolume} inquiries.
 *
 * @param mode            rolling windows or same weekday
 * @param windowDays      length of the rolling window in days (ignored for same weekday)
 * @param baselineWindows how many earlier equal windows (or same weekdays) the baseline averages
 * @param increasePercent the increase over the baseline that counts as a surge, 300 = four times
 * @param minVolume       fewest inquiries in the recent window for a surge
 * @param leadsPerRep     inquiries a lent rep can absorb in 7 days (how many reps the excess needs)
 * @param maxReps         most reps one suggestion lends
 * @param grantDays       days the lent reps keep access to the surging region's pool and leads
 */
public record SurgeSettings(WindowMode mode, int windowDays, int baselineWindows, int increasePercent, int minVolume,
                            int leadsPerRep, int maxReps, int grantDays) {

    public static final SurgeSettings DEFAULTS = new SurgeSettings(WindowMode.ROLLING, 7, 4, 300, 20, 50, 3, 7);
    private static final String PREFIX = "surge.";

    public SurgeSettings {
        if (mode == null || windowDays < 1 || baselineWindows < 1 || increasePercent < 0 || minVolume < 1
                || leadsPerRep < 1 || maxReps < 1 || grantDays < 1) {
            throw new IllegalArgumentException("surge settings out of range");
        }
    }

    /** The factor the recent count must reach over the baseline: 4.0 for +300 %. */
    public double factor() {
        return 1 + increasePercent / 100.0;
    }

    /** The saved settings; a missing or unreadable one falls back to its default. */
    public static SurgeSettings load(Configuration cfg) {
        Map<String, String> saved = WorkspaceSettings.using(cfg).withPrefix(PREFIX);
        SurgeSettings d = DEFAULTS;
        WindowMode mode = d.mode();
        try {
            mode = saved.containsKey("mode") ? WindowMode.valueOf(saved.get("mode").strip()) : d.mode();
        } catch (IllegalArgumentException e) {
            mode = d.mode();
        }
        return new SurgeSettings(mode, number(saved, "windowDays", d.windowDays(), 1),
                number(saved, "baselineWindows", d.baselineWindows(), 1),
                number(saved, "increasePercent", d.increasePercent(), 0), number(saved, "minVolume", d.minVolume(), 1),
                number(saved, "leadsPerRep", d.leadsPerRep(), 1), number(saved, "maxReps", d.maxReps(), 1),
                number(saved, "grantDays", d.grantDays(), 1));
    }

    /** Saves every setting. */
    public void save(Configuration cfg) {
        WorkspaceSettings s = WorkspaceSettings.using(cfg);
        s.put(PREFIX + "mode", mode.name());
        s.put(PREFIX + "windowDays", Integer.toString(windowDays));
        s.put(PREFIX + "baselineWindows", Integer.toString(baselineWindows));
        s.put(PREFIX + "increasePercent", Integer.toString(increasePercent));
        s.put(PREFIX + "minVolume", Integer.toString(minVolume));
        s.put(PREFIX + "leadsPerRep", Integer.toString(leadsPerRep));
        s.put(PREFIX + "maxReps", Integer.toString(maxReps));
        s.put(PREFIX + "grantDays", Integer.toString(grantDays));
    }

    private static int number(Map<String, String> saved, String key, int fallback, int min) {
        try {
            String v = saved.get(key);
            int n = v == null ? fallback : Integer.parseInt(v.strip());
            return n >= min ? n : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
