package io.salesdesk.studio.form;

import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.FieldType;
import java.util.Locale;

/**
 * A field that can be placed on an entity's form: one of the entity's own (built-in) fields or a
 * custom field in use.
 *
 * @param name        its name on the form: the built-in field's, or {@code custom.KEY}
 * @param needed      whether the record cannot be saved without it (a built-in required field, or a
 *                    custom field defined as required); the layout cannot make it optional, hide it or
 *                    leave it off
 * @param wide        whether it wants a whole row by default (address, long text)
 * @param customField the custom field; null for a built-in field
 */
public record PlaceableField(String name, String labelZh, String labelEn, boolean needed, boolean wide,
                             CustomField customField) {

    /** The prefix of custom fields' names on a form, as their problems are named. */
    public static final String CUSTOM = "custom.";

    static PlaceableField builtIn(String name, String labelZh, String labelEn, boolean needed, boolean wide) {
        return new PlaceableField(name, labelZh, labelEn, needed, wide, null);
    }

    static PlaceableField of(CustomField field) {
        boolean wide = field.type() == FieldType.LONG_TEXT || field.type() == FieldType.MULTI_CHOICE;
        return new PlaceableField(CUSTOM + field.key(), field.label(), field.label(), field.required(), wide, field);
    }

    public boolean builtIn() {
        return customField == null;
    }

    public String label(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? labelZh : labelEn;
    }
}
