package io.salesdesk.app.common;

import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.salesdesk.db.ChangeEntry;

/**
 * Who changed a record last, when and which fields, in words, from its change log: what a notice
 * says when a single-value change (a pin move, a board move) met someone else's save.
 */
public final class LastChange {

    private LastChange() {
    }

    /**
     * "王一 于 2026-11-26 09:30 修改了 地址、位置"; empty when the log has no entry.
     *
     * @param history the record's change log, oldest first
     */
    public static Optional<String> describe(List<ChangeEntry> history, ZoneId zone) {
        if (history.isEmpty()) {
            return Optional.empty();
        }
        ChangeEntry last = history.get(history.size() - 1);
        Set<String> fields = new LinkedHashSet<>();
        last.changes().keySet().forEach(name -> fields.add(fieldName(name)));
        String who = last.changedByName() == null ? I18n.get("merge.system") : last.changedByName();
        return Optional.of(I18n.get("change.last", who, Formats.dateTime(last.changedAt(), zone),
                String.join(I18n.isChinese() ? "、" : ", ", fields)));
    }

    /** A field of the change log in words; a custom field by its key when its label is not known here. */
    static String fieldName(String name) {
        String key = "change.field." + name;
        return I18n.has(key) ? I18n.get(key) : name.startsWith("custom.") ? name.substring("custom.".length()) : name;
    }
}
