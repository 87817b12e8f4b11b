package io.salesdesk.app.studio.forms;

import io.salesdesk.app.common.FormField;
import io.salesdesk.app.common.I18n;
import io.salesdesk.core.Role;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.studio.form.FormLayout;
import io.salesdesk.studio.form.FormPlacement;
import io.salesdesk.studio.form.FormSection;
import io.salesdesk.studio.form.FormState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * A record's form drawn from its layout: titled sections of one or two columns with the fields in
 * their order, required ones marked and checked before saving, fields shown or hidden as the values
 * they depend on change, and fields read-only for the signed-in user's role locked. The dialog keeps
 * its controls, values and saving; this only arranges and checks them.
 */
public final class LaidOutForm {

    private final FormLayout layout;
    private final FormState state;
    private final Map<String, FormField> fields;
    private final Supplier<Map<String, String>> values;
    private final VBox node = new VBox(18);
    private final List<SectionView> sections = new ArrayList<>();
    private Set<String> shown;

    private record SectionView(FormSection section, VBox box, GridPane grid) {
    }

    /**
     * @param fields the form's fields by name ({@code name}, {@code custom.KEY}); those the layout does not
     *               place are left out of the form
     * @param values the form's current values by field name, as canonical text
     */
    public LaidOutForm(FormLayout layout, Role role, boolean newRecord, Map<String, FormField> fields,
                       Supplier<Map<String, String>> values) {
        this.layout = layout;
        this.state = new FormState(layout, role, newRecord);
        this.fields = Map.copyOf(fields);
        this.values = values;
        node.getStyleClass().add("laid-out-form");
        for (FormSection section : layout.sections()) {
            sections.add(section(section));
        }
        for (FormPlacement p : layout.placements()) {
            FormField field = fields.get(p.field());
            if (field != null) {
                field.markRequired(p.required());
                if (!state.editable(p)) {
                    // Locked, not hidden: the user still sees the value they may not change. A control
                    // the dialog enables by its own rule (a reason only for won or lost) stays locked.
                    field.control().disableProperty().unbind();
                    field.control().setDisable(true);
                }
            }
        }
        Set<String> watched = new HashSet<>();
        layout.placements().stream().filter(p -> p.visibleWhen() != null).map(p -> p.visibleWhen().field())
                .filter(watched::add).map(fields::get).filter(f -> f != null)
                .forEach(f -> watch(f.control(), this::refresh));
        refresh();
    }

    /** The sections, to put in the dialog. */
    public Node node() {
        return node;
    }

    private SectionView section(FormSection section) {
        Label title = new Label(section.title(I18n.locale()));
        title.getStyleClass().add("form-section-title");
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        for (int i = 0; i < section.columns(); i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / section.columns());
            grid.getColumnConstraints().add(c);
        }
        VBox box = new VBox(8, title, grid);
        box.getStyleClass().add("form-section");
        node.getChildren().add(box);
        return new SectionView(section, box, grid);
    }

    /** Lays the shown fields out again: a field that appears takes its place, one that goes leaves no gap. */
    private void refresh() {
        Map<String, String> now = values.get();
        Set<String> showing = new HashSet<>();
        layout.placements().stream().filter(p -> state.visible(p, now)).forEach(p -> showing.add(p.field()));
        if (showing.equals(shown)) {
            return;
        }
        shown = showing;
        for (SectionView view : sections) {
            view.grid().getChildren().clear();
            int columns = view.section().columns();
            int row = 0;
            int column = 0;
            boolean any = false;
            for (FormPlacement p : view.section().fields()) {
                FormField field = fields.get(p.field());
                if (field == null) {
                    continue;
                }
                boolean visible = showing.contains(p.field());
                field.setVisible(visible);
                field.setManaged(visible);
                if (!visible) {
                    // Kept in the grid, unmanaged, so it keeps its place in the scene and comes back as it was.
                    field.clearProblem();
                    view.grid().add(field, 0, 0);
                    continue;
                }
                any = true;
                if (p.fullWidth() && columns > 1) {
                    row += column;
                    view.grid().add(field, 0, row++, columns, 1);
                    column = 0;
                } else {
                    view.grid().add(field, column, row);
                    column++;
                    if (column == columns) {
                        column = 0;
                        row++;
                    }
                }
            }
            view.box().setVisible(any);
            view.box().setManaged(any);
        }
        if (node.getScene() != null && node.getScene().getWindow() != null) {
            node.getScene().getWindow().sizeToScene();
        }
    }

    /**
     * The required fields that show, may be changed and are empty, each as “…”为必填项 at its field: read
     * on the FX thread, shown with the save's other problems.
     */
    public List<FieldProblem> missing() {
        List<FieldProblem> problems = new ArrayList<>();
        for (FormPlacement p : state.missing(values.get())) {
            FormField field = fields.get(p.field());
            if (field != null) {
                problems.add(FieldProblem.of(p.field(), "studio.value.required", field.labelText()));
            }
        }
        return problems;
    }

    /** Whether the layout shows a field now (false for one it hides or does not place). */
    public boolean shows(String field) {
        return layout.placement(field).map(p -> state.visible(p, values.get())).orElse(false);
    }

    /** Calls {@code changed} whenever the user changes a value in the control (or in the controls inside it). */
    private static void watch(Node control, Runnable changed) {
        if (control instanceof TextInputControl text) {
            text.textProperty().addListener((o, a, b) -> changed.run());
        } else if (control instanceof ComboBoxBase<?> box) {
            box.valueProperty().addListener((o, a, b) -> changed.run());
            if (box instanceof javafx.scene.control.ComboBox<?> combo && combo.isEditable()) {
                // What the user types counts before it is committed as the value (线索来源).
                combo.getEditor().textProperty().addListener((o, a, b) -> changed.run());
            }
        } else if (control instanceof CheckBox check) {
            check.selectedProperty().addListener((o, a, b) -> changed.run());
        } else if (control instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> watch(child, changed));
        }
    }
}
