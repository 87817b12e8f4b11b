package io.salesdesk.app.studio.rules;

import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.crm.Tier;
import io.salesdesk.studio.rule.RuleFields;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;

/**
 * Where a rule row takes its value: a list to pick from when the field has known values (级别, 行业,
 * 地区, 负责人, a choice field), a text box otherwise. Values are the canonical texts rules store.
 */
final class RuleValueInput extends StackPane {

    /** A value and how the user sees it. */
    record Option(String value, String label) {
    }

    private final RuleChoices choices;
    private ComboBox<Option> picker;
    private TextField text;

    RuleValueInput(RuleChoices choices) {
        this.choices = choices;
        setPrefWidth(200);
        setMinWidth(160);
        showFor(null);
    }

    /** Offers a list of people to pick from (an owner to assign), and {@code extra} first when given. */
    void showUsers(Option extra) {
        String kept = value();
        text = null;
        List<Option> options = new ArrayList<>();
        if (extra != null) {
            options.add(extra);
        }
        options.addAll(choices.users());
        picker = Pickers.of(options, Option::label, I18n.get("rules.dialog.pick"));
        picker.setId("ruleValuePicker");
        picker.setMaxWidth(Double.MAX_VALUE);
        getChildren().setAll(picker);
        setValue(kept);
    }

    /** Offers the editor for {@code field}, keeping the value when it still fits. */
    void showFor(RuleField field) {
        String kept = value();
        List<Option> options = field == null ? null : options(field);
        if (options == null) {
            picker = null;
            text = new TextField();
            text.setId("ruleValueText");
            text.setPromptText(I18n.get(field != null && field.isDate() ? "rules.dialog.datePrompt"
                    : "rules.dialog.valuePrompt"));
            getChildren().setAll(text);
        } else {
            text = null;
            picker = Pickers.of(options, Option::label, I18n.get("rules.dialog.pick"));
            picker.setId("ruleValuePicker");
            picker.setMaxWidth(Double.MAX_VALUE);
            getChildren().setAll(picker);
        }
        setValue(kept);
    }

    String value() {
        if (picker != null) {
            return picker.getValue() == null ? null : picker.getValue().value();
        }
        return text == null || text.getText() == null || text.getText().isBlank() ? null : text.getText().strip();
    }

    void setValue(String value) {
        if (picker != null) {
            picker.setValue(picker.getItems().stream().filter(o -> o.value().equals(value)).findFirst().orElse(null));
        } else if (text != null) {
            text.setText(value == null ? "" : value);
        }
    }

    private List<Option> options(RuleField field) {
        List<Option> options = new ArrayList<>();
        if (field.custom() != null) {
            switch (field.custom().type()) {
                case SINGLE_CHOICE, MULTI_CHOICE -> field.custom().choices().forEach(c -> options.add(new Option(c, c)));
                case CHECKBOX -> {
                    options.add(new Option("true", I18n.get("studio.editor.yes")));
                    options.add(new Option("false", I18n.get("studio.editor.no")));
                }
                case USER -> options.addAll(choices.users());
                default -> {
                    return null;
                }
            }
            return options;
        }
        switch (field.kind()) {
            case TIER -> {
                for (Tier t : Tier.values()) {
                    options.add(new Option(t.name(), I18n.get("tier.long." + t.name())));
                }
            }
            case INDUSTRY -> RuleFields.INDUSTRIES.forEach(i -> options.add(new Option(i, I18n.get("industry." + i))));
            case REGION -> options.addAll(choices.provinces());
            case USER -> options.addAll(choices.users());
            case LEAD_STATUS -> RuleFields.LEAD_STATUSES.forEach(v -> options.add(new Option(v, I18n.get("leadStatus." + v))));
            case STAGE -> options.addAll(choices.stages());
            default -> {
                return null;
            }
        }
        return options;
    }
}
