package io.salesdesk.studio.form;

import io.salesdesk.core.Role;
import java.util.List;
import java.util.Map;

/**
 * A layout applied to the values in a form: which fields show, which the signed-in user may change and
 * which required ones are still empty. The form dialog asks it as the user types; it holds no state.
 */
public final class FormState {

    private final FormLayout layout;
    private final Role role;
    private final boolean newRecord;

    /**
     * @param newRecord whether the form creates a record: read-only-for-role applies to existing records
     *                  only, since a new record has no value yet that the role is kept from changing
     */
    public FormState(FormLayout layout, Role role, boolean newRecord) {
        this.layout = layout;
        this.role = role;
        this.newRecord = newRecord;
    }

    /** Whether a placement shows, given the form's values by field name (canonical text, blank for none). */
    public boolean visible(FormPlacement placement, Map<String, String> values) {
        VisibleWhen when = placement.visibleWhen();
        return when == null || when.holds(values.get(when.field()));
    }

    /** Whether the signed-in user may change the field's value in this form. */
    public boolean editable(FormPlacement placement) {
        return newRecord || !placement.readOnlyFor(role);
    }

    /**
     * The required fields that show, that the user may change and that are empty, in form order: what
     * the user must fill before saving. A hidden field is not asked for.
     */
    public List<FormPlacement> missing(Map<String, String> values) {
        return layout.placements().stream()
                .filter(p -> p.required() && visible(p, values) && editable(p))
                .filter(p -> {
                    String value = values.get(p.field());
                    return value == null || value.isBlank();
                }).toList();
    }
}
