package io.salesdesk.studio.field;

import java.util.List;

/**
 * What a user fills in to add or change a field.
 *
 * @param key          the stable name; null to derive one (the type and a number: "number_2")
 * @param defaultValue the value new records get, in the type's canonical text (see {@link FieldType})
 */
public record CustomFieldDraft(String label, String key, FieldType type, List<String> choices, boolean required,
                               String defaultValue, String helpText) {

    public CustomFieldDraft {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static CustomFieldDraft of(String label, FieldType type) {
        return new CustomFieldDraft(label, null, type, List.of(), false, null, null);
    }
}
