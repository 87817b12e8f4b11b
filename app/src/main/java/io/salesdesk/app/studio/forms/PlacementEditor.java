package io.salesdesk.app.studio.forms;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.core.Role;
import io.salesdesk.studio.form.FormPlacement;
import io.salesdesk.studio.form.LayoutDraft;
import io.salesdesk.studio.form.PlaceableField;
import io.salesdesk.studio.form.VisibleWhen;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The properties of the selected field on the form (字段属性): required, whole row, shown only when
 * another field has a value, and the roles that may only read it on an existing record. Each change goes
 * into the draft at once.
 */
final class PlacementEditor extends VBox {

    private final LayoutDraft draft;
    private final DesignerFields.Values values;
    private final Consumer<FormPlacement> changed;
    private final Consumer<String> takeOff;
    private FormPlacement placement;
    private final VBox valueSlot = new VBox();

    /**
     * @param changed called with the placement after each change
     * @param takeOff called to take the field off the form
     */
    PlacementEditor(LayoutDraft draft, DesignerFields.Values values, Consumer<FormPlacement> changed,
                    Consumer<String> takeOff) {
        super(14);
        this.draft = draft;
        this.values = values;
        this.changed = changed;
        this.takeOff = takeOff;
        setId("placementEditor");
        getStyleClass().add("fm-properties");
    }

    /** Shows the properties of a placed field, or what to do when none is selected. */
    void show(String field) {
        getChildren().clear();
        placement = field == null ? null : draft.placement(field).orElse(null);
        Label title = new Label(I18n.get("studio.designer.properties"), new FontIcon(Feather.SLIDERS));
        title.getStyleClass().add(Styles.TITLE_4);
        getChildren().add(title);
        if (placement == null) {
            Label hint = new Label(I18n.get("studio.designer.properties.none"));
            hint.setId("placementNone");
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            hint.setWrapText(true);
            getChildren().add(hint);
            return;
        }
        PlaceableField info = draft.field(placement.field());
        Label name = new Label(DesignerFields.label(info));
        name.setId("placementName");
        name.getStyleClass().add(Styles.TITLE_3);
        Label kind = new Label(DesignerFields.kindText(info) + " · " + I18n.get(info.builtIn()
                ? "studio.designer.palette.builtIn" : "studio.designer.palette.custom"));
        kind.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        getChildren().addAll(new VBox(2, name, kind), basics(info), condition(info), readOnly(), remove(info));
    }

    private Node basics(PlaceableField info) {
        CheckBox required = new CheckBox(I18n.get("studio.designer.required"));
        required.setId("placementRequired");
        required.setSelected(placement.required());
        required.setDisable(info.needed());
        required.selectedProperty().addListener((o, a, now) -> apply(placement.withRequired(now)));
        CheckBox wide = new CheckBox(I18n.get("studio.designer.fullWidth"));
        wide.setId("placementFullWidth");
        wide.setSelected(placement.fullWidth());
        wide.selectedProperty().addListener((o, a, now) -> apply(placement.withFullWidth(now)));
        VBox box = group("studio.designer.group.basics", required, wide);
        if (info.needed()) {
            box.getChildren().add(note("studio.designer.neededNote"));
        }
        return box;
    }

    private Node condition(PlaceableField info) {
        CheckBox conditional = new CheckBox(I18n.get("studio.designer.conditional"));
        conditional.setId("placementConditional");
        VisibleWhen when = placement.visibleWhen();
        conditional.setSelected(when != null);
        List<PlaceableField> others = draft.sections().stream().flatMap(s -> s.fields().stream())
                .map(p -> draft.field(p.field())).filter(f -> f != null && !f.name().equals(info.name())).toList();
        ComboBox<PlaceableField> on = Pickers.of(others, DesignerFields::label,
                I18n.get("studio.designer.condition.field"));
        on.setId("conditionField");
        on.setMaxWidth(Double.MAX_VALUE);
        ComboBox<VisibleWhen.Operator> operator = Pickers.of(List.of(VisibleWhen.Operator.values()),
                DesignerFields::operatorText, "");
        operator.setId("conditionOperator");
        operator.setMaxWidth(Double.MAX_VALUE);
        if (when != null) {
            others.stream().filter(f -> f.name().equals(when.field())).findFirst().ifPresent(on::setValue);
            operator.setValue(when.operator());
        } else {
            operator.setValue(VisibleWhen.Operator.EQUALS);
        }
        VBox rows = new VBox(8, on, operator, valueSlot);
        rows.getStyleClass().add("fm-condition");
        Runnable update = () -> {
            if (!conditional.isSelected() || on.getValue() == null || operator.getValue() == null) {
                apply(placement.withVisibleWhen(null));
                return;
            }
            apply(placement.withVisibleWhen(new VisibleWhen(on.getValue().name(), operator.getValue(),
                    currentValue())));
        };
        valueInput(on.getValue(), operator.getValue(), when == null ? null : when.value(), update);
        conditional.selectedProperty().addListener((o, a, now) -> {
            rows.setDisable(!now);
            update.run();
        });
        on.valueProperty().addListener((o, a, now) -> {
            valueInput(now, operator.getValue(), null, update);
            update.run();
        });
        operator.valueProperty().addListener((o, a, now) -> {
            valueInput(on.getValue(), now, currentValue(), update);
            update.run();
        });
        rows.setDisable(!conditional.isSelected());
        VBox box = group("studio.designer.group.condition", conditional, rows);
        if (info.needed()) {
            box.setDisable(true);
            box.getChildren().add(note("studio.designer.neededAlwaysShown"));
        }
        return box;
    }

    /** The value to compare with: a list of the field's choices, or a text box for a field typed freely. */
    private void valueInput(PlaceableField on, VisibleWhen.Operator operator, String value, Runnable update) {
        valueSlot.getChildren().clear();
        if (operator == null || !operator.takesValue()) {
            return;
        }
        List<String> choices = values.choices(on);
        if (!choices.isEmpty()) {
            ComboBox<String> pick = Pickers.of(choices, v -> values.text(on, v),
                    I18n.get("studio.designer.condition.value"));
            pick.setId("conditionValue");
            pick.setMaxWidth(Double.MAX_VALUE);
            if (value != null && choices.contains(value)) {
                pick.setValue(value);
            }
            pick.valueProperty().addListener((o, a, b) -> update.run());
            valueSlot.getChildren().add(pick);
        } else {
            TextField typed = new TextField(value == null ? "" : value);
            typed.setId("conditionValue");
            typed.setPromptText(I18n.get("studio.designer.condition.value"));
            typed.textProperty().addListener((o, a, b) -> update.run());
            valueSlot.getChildren().add(typed);
        }
    }

    @SuppressWarnings("unchecked")
    private String currentValue() {
        if (valueSlot.getChildren().isEmpty()) {
            return null;
        }
        Node input = valueSlot.getChildren().get(0);
        return input instanceof TextField t ? t.getText() : ((ComboBox<String>) input).getValue();
    }

    private Node readOnly() {
        FlowPane roles = new FlowPane(12, 8);
        for (Role role : Role.values()) {
            CheckBox box = new CheckBox(I18n.label("role", role));
            box.setId("readOnly-" + role.name());
            box.setSelected(placement.readOnlyFor(role));
            box.selectedProperty().addListener((o, a, now) -> {
                Set<Role> chosen = placement.readOnlyFor().isEmpty() ? EnumSet.noneOf(Role.class)
                        : EnumSet.copyOf(placement.readOnlyFor());
                if (now) {
                    chosen.add(role);
                } else {
                    chosen.remove(role);
                }
                apply(placement.withReadOnlyFor(chosen));
            });
            roles.getChildren().add(box);
        }
        return group("studio.designer.group.readOnly", note("studio.designer.readOnlyHint"), roles);
    }

    private Node remove(PlaceableField info) {
        Button remove = new Button(I18n.get("studio.designer.takeOff"), new FontIcon(Feather.CORNER_UP_LEFT));
        remove.setId("removePlacement");
        remove.getStyleClass().addAll(Styles.FLAT, Styles.DANGER);
        remove.setDisable(info.needed());
        remove.setOnAction(e -> takeOff.accept(info.name()));
        return remove;
    }

    private void apply(FormPlacement now) {
        placement = now;
        changed.accept(now);
    }

    private static VBox group(String titleKey, Node... content) {
        Label title = new Label(I18n.get(titleKey));
        title.getStyleClass().add("fm-group-title");
        VBox box = new VBox(8, title);
        box.getChildren().addAll(content);
        box.getStyleClass().add("fm-group");
        return box;
    }

    private static Label note(String key) {
        Label note = new Label(I18n.get(key));
        note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        note.setWrapText(true);
        return note;
    }
}
