package io.salesdesk.insight.kpi;

import io.salesdesk.db.WorkspaceSettings;
import java.util.Arrays;
import java.util.List;
import org.jooq.Configuration;

/**
 * What the KPIs count, as workspace settings: which activity kinds are paperwork
 * ({@value #PAPERWORK_KINDS}, default NOTE), which are customer touches ({@value #TOUCH_KINDS},
 * default CALL, VISIT, MEETING, DEMO) and how long a touch must last to be effective
 * ({@value #TOUCH_MIN_MINUTES}, default 2; a touch without a duration counts), and which roles are
 * key roles for attrition ({@value #KEY_ROLES}, default REP, MANAGER). Lists are comma separated.
 *
 * @param paperworkKinds  activity.kind values that are paperwork
 * @param touchKinds      activity.kind values that touch the customer
 * @param touchMinMinutes shortest effective touch in minutes
 * @param keyRoles        app_user.role values that are key roles
 */
public record KpiSettings(List<String> paperworkKinds, List<String> touchKinds, int touchMinMinutes,
                          List<String> keyRoles) {

    public static final String PAPERWORK_KINDS = "kpi.paperworkKinds";
    public static final String TOUCH_KINDS = "kpi.touchKinds";
    public static final String TOUCH_MIN_MINUTES = "kpi.touchMinMinutes";
    public static final String KEY_ROLES = "kpi.keyRoles";

    public KpiSettings {
        paperworkKinds = List.copyOf(paperworkKinds);
        touchKinds = List.copyOf(touchKinds);
        keyRoles = List.copyOf(keyRoles);
    }

    public static KpiSettings defaults() {
        return new KpiSettings(List.of("NOTE"), List.of("CALL", "VISIT", "MEETING", "DEMO"), 2,
                List.of("REP", "MANAGER"));
    }

    /** The workspace's settings, each unreadable or missing one at its default. */
    public static KpiSettings load(Configuration cfg) {
        WorkspaceSettings settings = WorkspaceSettings.using(cfg);
        KpiSettings d = defaults();
        int minutes = d.touchMinMinutes();
        String m = settings.get(TOUCH_MIN_MINUTES).orElse(null);
        if (m != null) {
            try {
                minutes = Math.max(0, Integer.parseInt(m.strip()));
            } catch (NumberFormatException e) {
                minutes = d.touchMinMinutes();
            }
        }
        return new KpiSettings(list(settings, PAPERWORK_KINDS, d.paperworkKinds()),
                list(settings, TOUCH_KINDS, d.touchKinds()), minutes, list(settings, KEY_ROLES, d.keyRoles()));
    }

    /** Saves these settings in the caller's transaction. */
    public void save(Configuration cfg) {
        WorkspaceSettings settings = WorkspaceSettings.using(cfg);
        settings.put(PAPERWORK_KINDS, String.join(",", paperworkKinds));
        settings.put(TOUCH_KINDS, String.join(",", touchKinds));
        settings.put(TOUCH_MIN_MINUTES, Integer.toString(touchMinMinutes));
        settings.put(KEY_ROLES, String.join(",", keyRoles));
    }

    private static List<String> list(WorkspaceSettings settings, String key, List<String> fallback) {
        return settings.get(key).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList()).filter(l -> !l.isEmpty()).orElse(fallback);
    }
}
