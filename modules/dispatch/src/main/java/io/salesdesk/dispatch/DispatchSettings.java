package io.salesdesk.dispatch;

import static io.salesdesk.db.jooq.Tables.WORKSPACE_SETTING;

import java.util.HashMap;
import java.util.Map;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Dispatch weights and the default capacity as workspace settings ({@code dispatch.*}). */
public final class DispatchSettings {

    private static final String PREFIX = "dispatch.";

    private final DSLContext dsl;

    private DispatchSettings(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    public static DispatchSettings using(Configuration configuration) {
        return new DispatchSettings(configuration);
    }

    /** The saved weights; a missing or unreadable one falls back to its default. */
    public DispatchWeights weights() {
        Map<String, String> saved = new HashMap<>();
        dsl.selectFrom(WORKSPACE_SETTING).where(WORKSPACE_SETTING.SETTING_KEY.startsWith(PREFIX))
                .forEach(r -> saved.put(r.getSettingKey().substring(PREFIX.length()), r.getSettingValue()));
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
        int updated = dsl.update(WORKSPACE_SETTING).set(WORKSPACE_SETTING.SETTING_VALUE, text)
                .where(WORKSPACE_SETTING.SETTING_KEY.eq(PREFIX + key)).execute();
        if (updated == 0) {
            dsl.insertInto(WORKSPACE_SETTING).set(WORKSPACE_SETTING.SETTING_KEY, PREFIX + key)
                    .set(WORKSPACE_SETTING.SETTING_VALUE, text).execute();
        }
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
