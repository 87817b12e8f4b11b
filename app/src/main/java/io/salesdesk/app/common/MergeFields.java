package io.salesdesk.app.common;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.studio.CustomFieldEditors;
import io.salesdesk.crm.User;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.FieldType;

/**
 * The fields of one kind of record in a field-by-field merge ({@link FieldMergeDialog}): its own
 * fields by the names the change log uses, the company's custom fields as {@code custom.KEY}, and
 * each field in words as the record's form shows it. Every form that merges a stale save describes
 * its record with one of these.
 */
public final class MergeFields {

    /** How a custom field is named among a record's fields, as the change log names it. */
    public static final String CUSTOM = "custom.";

    private final AppContext context;
    private final Map<String, String> labelKeys;
    private final BiFunction<String, String, String> display;
    private final Map<String, CustomField> customFields = new HashMap<>();

    /**
     * @param entity    the record's custom fields, or null for a record that has none
     * @param labelKeys the message key of each own field's label on the form, by field name
     * @param display   a value of a field as the form shows it (a user's name for an id, a formatted
     *                  date); null or an empty value may come in
     */
    public MergeFields(AppContext context, CustomEntity entity, Map<String, String> labelKeys,
                       BiFunction<String, String, String> display) {
        this.context = context;
        this.labelKeys = Map.copyOf(labelKeys);
        this.display = display;
        if (entity != null) {
            for (CustomField field : context.customFields().fields(entity)) {
                customFields.put(CUSTOM + field.key(), field);
            }
        }
    }

    /** Adds a record's custom values to its fields, each as {@code custom.KEY}. */
    public static Map<String, String> withCustom(Map<String, String> fields, Map<String, String> customValues) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        customValues.forEach((key, value) -> all.put(CUSTOM + key, value));
        return all;
    }

    /** The custom values among merged fields, by key; a value emptied in the merge stays, as null, so saving clears it. */
    public static Map<String, String> customValues(Map<String, String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (name.startsWith(CUSTOM)) {
                values.put(name.substring(CUSTOM.length()), value);
            }
        });
        return values;
    }

    /** The fields in words, with who last changed each and when from the record's change log (oldest first). */
    public FieldMergeDialog.Words words(List<ChangeEntry> history) {
        return new FieldMergeDialog.Words(this::label, this::display,
                FieldMergeDialog.changedBy(history, context.clock().getZone()));
    }

    /** A user's name for a user id as text; the id itself if the user is not known here. */
    public static String userName(AppContext context, String id) {
        return context.users().all().stream().filter(u -> u.id().toString().equals(id)).map(User::displayName)
                .findFirst().orElse(id);
    }

    /** A field's label as its form shows it. */
    public String label(String field) {
        String key = labelKeys.get(field);
        CustomField custom = customFields.get(field);
        return key != null ? I18n.get(key) : custom != null ? custom.label() : field;
    }

    /** A custom value as the record's detail shows it (a user's name, 是/否); an own field as the form says. */
    public String display(String field, String value) {
        CustomField custom = customFields.get(field);
        if (custom == null) {
            return display.apply(field, value);
        }
        if (value == null || value.isEmpty()) {
            return null;
        }
        List<User> people = custom.type() == FieldType.USER ? context.users().all() : List.of();
        return CustomFieldEditors.display(custom, value, people, context.clock());
    }
}
