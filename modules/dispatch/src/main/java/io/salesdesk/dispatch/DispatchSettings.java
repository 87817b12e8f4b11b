package io.salesdesk.dispatch;

import io.salesdesk.db.WorkspaceSettings;
import java.util.Map;
import org.jooq.Configuration;

/** Dispatch weights and the default capacity as workspace settings ({@code dispatch.*}). */
public final class DispatchSettings {

    private static final String PREFIX = "dispatch.";

    private final WorkspaceSettings settings;

    private DispatchSettings(Configuration configuration) {
        this.settings = WorkspaceSettings.using(configuration);
    }

    public static DispatchSettings using(Configuration configuration) {
        return new DispatchSettings(configuration);
    }

    /** The saved weights; a missing or unreadable one falls back to its default. */
    public DispatchWeights weights() {
        Map<String, String> saved = settings.withPrefix(PREFIX);
        DispatchWeights d = DispatchWeights.DEFAULTS;
        return new DispatchWeights(number(saved, "region", d.region()), number(saved, "load", d.load()),
                number(saved, "fit", d.fit()), number(saved, "perLead", d.perLead()),
                number(saved, "perOverdue", d.perOverdue()), number(saved, "perTask", d.perTask()),
                (int) number(saved, "defaultCapacity", d.defaultCapacity()));
    }

    public void save(DispatchWeights w) {
        put("region", w.region());
        put("load", w.load());
        put("fit", w.fit());
        put("perLead", w.perLead());
        put("perOverdue", w.perOverdue());
        put("perTask", w.perTask());
        put("defaultCapacity", w.defaultCapacity());
    }

    private void put(String key, double value) {
        String text = value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        settings.put(PREFIX + key, text);
    }

    private static double number(Map<String, String> saved, String key, double fallback) {
        try {
            String v = saved.get(key);
            double d = v == null ? fallback : Double.parseDouble(v);
            return Double.isFinite(d) && d >= 0 ? d : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
