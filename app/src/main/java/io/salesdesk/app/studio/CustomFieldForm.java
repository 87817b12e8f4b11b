package io.salesdesk.app.studio;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.FormField;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.User;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.FieldType;
import io.salesdesk.studio.form.PlaceableField;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.scene.layout.GridPane;

/**
 * The company's own fields (自定义字段) of one entity in a record's form: laid out after the standard
 * fields, filled with the record's values (a new record's defaults), checked before the record is
 * saved so a refused value saves nothing, and saved with it. Every form of a record with custom fields
 * uses it the same way.
 */
public final class CustomFieldForm {

    private final AppContext context;
    private final CustomEntity entity;
    private final CustomFieldEditors editors;
    /** The values shown for an existing record, as the editors show them: what the user's edit started from. */
    private Map<String, String> base;

    /** @param maker the form dialog's own field maker, so problems reach the fields ({@code custom.KEY}) */
    public CustomFieldForm(AppContext context, CustomEntity entity, CustomFieldEditors.FieldMaker maker) {
        this.context = context;
        this.entity = entity;
        List<CustomField> fields = context.customFields().fields(entity);
        List<User> people = fields.stream().anyMatch(f -> f.type() == FieldType.USER) ? context.users().all()
                : List.of();
        this.editors = new CustomFieldEditors(fields, people, context.clock(), maker);
    }

    /**
     * Adds the fields to a two-column grid from {@code row} on, two to a row, a long text or multiple
     * choice across both columns.
     *
     * @return the first row after them
     */
    public int layOut(GridPane grid, int row) {
        int column = 0;
        List<FormField> fields = editors.formFields();
        for (int i = 0; i < fields.size(); i++) {
            if (editors.wide(i)) {
                row += column;
                grid.add(fields.get(i), 0, row++, 2, 1);
                column = 0;
            } else {
                grid.add(fields.get(i), column, row);
                row += column;
                column = 1 - column;
            }
        }
        return row + column;
    }

    /**
     * The fields on a two-column grid of their own, for a form whose other fields are laid out
     * differently; empty when the entity has no fields.
     */
    public GridPane layOutAlone() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        layOut(grid, 0);
        return grid;
    }

    /** Whether the entity has fields in use, so a form can leave out their section. */
    public boolean isEmpty() {
        return editors.formFields().isEmpty();
    }

    /** The fields' form fields by their name on a form layout ({@code custom.KEY}), in the fields' order. */
    public Map<String, FormField> formFields() {
        Map<String, FormField> byName = new java.util.LinkedHashMap<>();
        List<FormField> formFields = editors.formFields();
        List<String> keys = List.copyOf(editors.values().keySet());
        for (int i = 0; i < formFields.size(); i++) {
            byName.put(PlaceableField.CUSTOM + keys.get(i), formFields.get(i));
        }
        return byName;
    }

    /** The values in the form by their name on a form layout ({@code custom.KEY}), for its conditions. */
    public Map<String, String> namedValues() {
        Map<String, String> named = new java.util.HashMap<>();
        editors.values().forEach((key, value) -> named.put(PlaceableField.CUSTOM + key, value));
        return named;
    }

    /** Shows a record's values, or the defaults for a new record ({@code recordId} null). */
    public void show(UUID recordId) {
        editors.show(recordId == null ? context.customFields().defaults(entity)
                : context.customFields().values(entity, recordId));
        base = recordId == null ? null : Map.copyOf(nonNull(editors.values()));
    }

    /** What the user's edit started from; empty for a new record. */
    public Map<String, String> base() {
        return base == null ? Map.of() : base;
    }

    /** Takes {@code values} (someone else's, merged with) as what the edit starts from now. */
    public void rebase(Map<String, String> values) {
        base = Map.copyOf(nonNull(values));
    }

    /**
     * The fields the user changed that someone else has changed too since the form was filled (off
     * the FX thread); empty for a new record.
     */
    public java.util.Set<String> conflicts(UUID recordId, Map<String, String> values) {
        return base == null || recordId == null ? java.util.Set.of()
                : context.customFields().conflicts(entity, recordId, base, values);
    }

    private static Map<String, String> nonNull(Map<String, String> values) {
        Map<String, String> present = new java.util.HashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                present.put(k, v);
            }
        });
        return present;
    }

    /** Shows these values by key (a merge of two versions, for example). */
    public void showValues(Map<String, String> values) {
        editors.show(values);
    }

    /** The values in the form, by key; read on the FX thread before saving. */
    public Map<String, String> values() {
        return editors.values();
    }

    /** Checks values as saving would, before the record itself is saved (off the FX thread). */
    public void check(UUID recordId, Map<String, String> values) {
        context.customFields().check(entity, recordId, values);
    }

    /**
     * Checks values as {@link #check} does together with the layout's missing required fields, so every
     * problem shows at once; a field already reported missing is not reported twice.
     *
     * @throws ValidationException with all the problems; nothing should be saved then
     */
    public void check(UUID recordId, Map<String, String> values, List<FieldProblem> missing) {
        List<FieldProblem> problems = new java.util.ArrayList<>(missing);
        try {
            check(recordId, values);
        } catch (ValidationException refused) {
            refused.problems().stream().filter(p -> missing.stream().noneMatch(m -> m.field().equals(p.field())))
                    .forEach(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /**
     * Saves values on the saved record (off the FX thread). For a record the form was filled from,
     * only the fields the user changed are written: a colleague's change to another field meanwhile
     * is kept, and one to the same field is refused ({@link io.salesdesk.core.StaleRecordException})
     * rather than overwritten.
     */
    public void save(Actor actor, UUID recordId, Map<String, String> values) {
        if (base == null) {
            context.customFields().setValues(actor, entity, recordId, values);
        } else {
            context.customFields().setValuesSince(actor, entity, recordId, base, values);
        }
    }
}
