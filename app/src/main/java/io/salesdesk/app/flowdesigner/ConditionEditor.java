package io.salesdesk.app.flowdesigner;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.workflow.approval.ApprovalTrigger;
import io.salesdesk.workflow.approval.ApprovalTrigger.FieldType;
import io.salesdesk.workflow.approval.flow.Operator;

/**
 * A branch's condition as rows of field / comparison / value, all joined by 且 or by 或. The
 * comparisons offered fit the field's type; the value box says what it expects.
 */
final class ConditionEditor extends VBox {

    private final FlowTexts texts;
    private final Consumer<ConditionRows> changed;
    private final List<ConditionRows.Row> rows;
    private final VBox lines = new VBox(8);
    private final ToggleButton and = new ToggleButton(I18n.get("flowdesigner.condition.and"));
    private final ToggleButton or = new ToggleButton(I18n.get("flowdesigner.condition.or"));
    private final CheckBox advanced = new CheckBox(I18n.get("flowdesigner.condition.advanced"));
    private final TextArea expression = new TextArea();

    ConditionEditor(FlowTexts texts, ConditionRows initial, Consumer<ConditionRows> changed) {
        super(10);
        this.texts = texts;
        this.changed = changed;
        this.rows = new ArrayList<>(initial.rows());
        setId("fdConditionEditor");
        ToggleGroup join = new ToggleGroup();
        and.setToggleGroup(join);
        or.setToggleGroup(join);
        and.setId("fdConditionAnd");
        or.setId("fdConditionOr");
        and.getStyleClass().add(Styles.LEFT_PILL);
        or.getStyleClass().add(Styles.RIGHT_PILL);
        (initial.all() ? and : or).setSelected(true);
        join.selectedToggleProperty().addListener((obs, o, n) -> {
            if (n == null) {
                o.setSelected(true);
                return;
            }
            publish();
        });
        HBox joinBox = FlowForms.labelled(I18n.get("flowdesigner.condition.join"), new HBox(0, and, or));
        Button add = new Button(I18n.get("flowdesigner.condition.addRow"), new FontIcon(Feather.PLUS));
        add.setId("fdConditionAdd");
        add.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.ACCENT);
        add.setOnAction(e -> {
            ApprovalTrigger.Field first = texts.trigger().fields().isEmpty() ? null : texts.trigger().fields().get(0);
            rows.add(new ConditionRows.Row(first == null ? null : first.name(),
                    first == null ? null : FieldOperators.fitting(first.type()).get(0), ""));
            showRows();
            publish();
        });
        VBox simple = new VBox(10, joinBox, lines, add);
        advanced.setId("fdConditionAdvanced");
        expression.setId("fdConditionExpression");
        expression.setPrefRowCount(3);
        expression.setWrapText(true);
        expression.setPromptText(I18n.get("flowdesigner.condition.expression.prompt"));
        expression.setText(initial.expression() == null ? "" : initial.expression());
        expression.textProperty().addListener((obs, o, n) -> publish());
        VBox written = new VBox(6, expression, FlowForms.hint(I18n.get("flowdesigner.condition.expression.hint",
                String.join(", ", texts.trigger().fields().stream().map(ApprovalTrigger.Field::name).toList()))));
        // The rows and the expression are two ways to say one condition: one shows at a time.
        simple.visibleProperty().bind(advanced.selectedProperty().not());
        simple.managedProperty().bind(simple.visibleProperty());
        written.visibleProperty().bind(advanced.selectedProperty());
        written.managedProperty().bind(written.visibleProperty());
        advanced.setSelected(initial.expression() != null);
        advanced.selectedProperty().addListener((obs, o, n) -> publish());
        getChildren().addAll(simple, advanced, written);
        showRows();
    }

    private void showRows() {
        lines.getChildren().clear();
        for (int i = 0; i < rows.size(); i++) {
            lines.getChildren().add(line(i));
        }
        if (rows.isEmpty()) {
            lines.getChildren().add(FlowForms.hint(I18n.get("flowdesigner.condition.empty")));
        }
    }

    private VBox line(int index) {
        ConditionRows.Row row = rows.get(index);
        List<ApprovalTrigger.Field> fields = texts.trigger().fields();
        ComboBox<ApprovalTrigger.Field> field = Pickers.of(fields, f -> texts.field(f.name()),
                I18n.get("flowdesigner.condition.field"));
        field.setId("fdConditionField-" + index);
        field.setMaxWidth(Double.MAX_VALUE);
        fields.stream().filter(f -> f.name().equals(row.field())).findFirst().ifPresent(field::setValue);
        ComboBox<Operator> operator = Pickers.of(FieldOperators.fitting(texts.typeOf(row.field())),
                o -> I18n.label("flowdesigner.operator.long", o), "");
        operator.setId("fdConditionOperator-" + index);
        operator.setPrefWidth(110);
        operator.setValue(row.operator());
        TextField value = new TextField(row.value());
        value.setId("fdConditionValue-" + index);
        value.setPromptText(prompt(texts.typeOf(row.field())));
        value.setDisable(row.operator() == Operator.PRESENT);
        HBox.setHgrow(value, Priority.ALWAYS);
        Button remove = new Button(null, new FontIcon(Feather.TRASH_2));
        remove.setId("fdConditionRemove-" + index);
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.DANGER);
        remove.setOnAction(e -> {
            rows.remove(index);
            showRows();
            publish();
        });
        field.valueProperty().addListener((obs, o, n) -> {
            List<Operator> fitting = FieldOperators.fitting(n == null ? null : n.type());
            Operator op = fitting.contains(operator.getValue()) ? operator.getValue() : fitting.get(0);
            rows.set(index, new ConditionRows.Row(n == null ? null : n.name(), op, value.getText()));
            operator.getItems().setAll(fitting);
            operator.setValue(op);
            value.setPromptText(prompt(n == null ? null : n.type()));
            publish();
        });
        operator.valueProperty().addListener((obs, o, n) -> {
            if (n == null) {
                return;
            }
            ConditionRows.Row now = rows.get(index);
            rows.set(index, new ConditionRows.Row(now.field(), n, now.value()));
            value.setDisable(n == Operator.PRESENT);
            publish();
        });
        value.textProperty().addListener((obs, o, n) -> {
            ConditionRows.Row now = rows.get(index);
            rows.set(index, new ConditionRows.Row(now.field(), now.operator(), n));
            publish();
        });
        HBox top = new HBox(6, field, remove);
        HBox.setHgrow(field, Priority.ALWAYS);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox bottom = new HBox(6, operator, value);
        bottom.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, top, bottom);
        box.getStyleClass().add("fd-condition-row");
        return box;
    }

    private static String prompt(FieldType type) {
        return type == null ? "" : I18n.get("flowdesigner.condition.prompt." + type.name());
    }

    private void publish() {
        changed.accept(new ConditionRows(rows, and.isSelected(), advanced.isSelected() ? expression.getText() : null));
    }
}
