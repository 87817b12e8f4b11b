package io.salesdesk.app.studio.rules;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.studio.rule.RuleCondition;
import io.salesdesk.studio.rule.RuleCondition.Operator;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One condition of the rule builder: 字段 · 比较 · 值, and a button to remove it. */
final class ConditionRow extends HBox {

    private final ComboBox<RuleField> field;
    private final ComboBox<Operator> operator = Pickers.of(List.of(), o -> I18n.get("rules.op." + o.name()), "");
    private final RuleValueInput value;

    ConditionRow(RuleChoices choices, List<RuleField> fields, RuleCondition existing, Consumer<ConditionRow> remove) {
        super(8);
        getStyleClass().add("rule-row");
        setAlignment(Pos.CENTER_LEFT);
        field = Pickers.of(fields, RuleField::label, I18n.get("rules.dialog.pickField"));
        field.getStyleClass().add("rule-condition-field");
        field.setPrefWidth(170);
        operator.getStyleClass().add("rule-condition-operator");
        operator.setPrefWidth(110);
        value = new RuleValueInput(choices);
        HBox.setHgrow(value, Priority.ALWAYS);
        field.valueProperty().addListener((o, was, now) -> {
            List<Operator> ops = now == null ? List.of() : now.operators();
            Operator kept = operator.getValue();
            operator.getItems().setAll(ops);
            operator.setValue(kept != null && ops.contains(kept) ? kept : ops.isEmpty() ? null : ops.get(0));
            value.showFor(now);
        });
        operator.valueProperty().addListener((o, was, now) -> value.setVisible(now == null || now.needsValue()));
        Button delete = new Button(null, new FontIcon(Feather.X));
        delete.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "rule-row-remove");
        delete.setTooltip(new Tooltip(I18n.get("rules.dialog.remove")));
        delete.setOnAction(e -> remove.accept(this));
        getChildren().addAll(field, operator, value, delete);
        if (existing == null) {
            // Most rules narrow by tier first: a new row starts there, ready for its value.
            field.setValue(fields.isEmpty() ? null : fields.get(0));
        } else {
            field.setValue(RuleField.find(fields, existing.field()));
            operator.setValue(existing.operator());
            value.setValue(existing.value());
        }
    }

    /** The condition as entered; null parts are left for the service to name. */
    RuleCondition condition() {
        RuleField f = field.getValue();
        return new RuleCondition(f == null ? null : f.key(), operator.getValue(), value.value());
    }
}
