package io.salesdesk.db;

import static io.salesdesk.db.jooq.Tables.WORKSPACE_SETTING;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Workspace-wide settings as text by key (claim limits, dispatch weights, when the timers last ran). */
public final class WorkspaceSettings {

    private final DSLContext dsl;

    private WorkspaceSettings(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    public static WorkspaceSettings using(Configuration configuration) {
        return new WorkspaceSettings(configuration);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(dsl.select(WORKSPACE_SETTING.SETTING_VALUE).from(WORKSPACE_SETTING)
                .where(WORKSPACE_SETTING.SETTING_KEY.eq(key)).fetchOne(WORKSPACE_SETTING.SETTING_VALUE));
    }

    /** Every setting whose key starts with {@code prefix}, keyed by the rest of the key. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> found = new HashMap<>();
        dsl.selectFrom(WORKSPACE_SETTING).where(WORKSPACE_SETTING.SETTING_KEY.startsWith(prefix))
                .forEach(r -> found.put(r.getSettingKey().substring(prefix.length()), r.getSettingValue()));
        return found;
    }

    public void put(String key, String value) {
        if (dsl.update(WORKSPACE_SETTING).set(WORKSPACE_SETTING.SETTING_VALUE, value)
                .where(WORKSPACE_SETTING.SETTING_KEY.eq(key)).execute() == 0) {
            dsl.insertInto(WORKSPACE_SETTING).set(WORKSPACE_SETTING.SETTING_KEY, key)
                    .set(WORKSPACE_SETTING.SETTING_VALUE, value).execute();
        }
    }

    /**
     * Sets {@code key} only while its stored value is still {@code asRead} ({@code null}: not set):
     * false when someone changed it meanwhile. A first setting made twice at once fails on the
     * primary key, so it is never overwritten either.
     */
    public boolean putIfStill(String key, String asRead, String value) {
        if (asRead == null) {
            if (get(key).isPresent()) {
                return false;
            }
            dsl.insertInto(WORKSPACE_SETTING).set(WORKSPACE_SETTING.SETTING_KEY, key)
                    .set(WORKSPACE_SETTING.SETTING_VALUE, value).execute();
            return true;
        }
        return dsl.update(WORKSPACE_SETTING).set(WORKSPACE_SETTING.SETTING_VALUE, value)
                .where(WORKSPACE_SETTING.SETTING_KEY.eq(key), WORKSPACE_SETTING.SETTING_VALUE.eq(asRead)).execute() == 1;
    }
}
