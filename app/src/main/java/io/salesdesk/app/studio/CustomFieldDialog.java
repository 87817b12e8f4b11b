package io.salesdesk.app.studio;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.FieldType;
import java.util.Arrays;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;

/** Adds a custom field to an entity, or changes one (its key and type stay). */
final class CustomFieldDialog extends FormDialog<CustomField> {

    private final AppContext context;
    private final CustomEntity entity;
    private final CustomField existing;
    private final TextField label = new TextField();
    private final TextField key = new TextField();
    private final ComboBox<FieldType> type;
    private final TextArea choices = new TextArea();
    private final CheckBox required = new CheckBox();
    private final TextField defaultValue = new TextField();
    private final TextField help = new TextField();
    private final javafx.scene.Node choicesField;

    CustomFieldDialog(AppContext context, CustomEntity entity, CustomField existing) {
        super(I18n.get(existing == null ? "studio.fieldDialog.newTitle" : "studio.fieldDialog.editTitle",
                I18n.get("studio.entity." + entity.name())), "customFieldSave");
        this.context = context;
        this.entity = entity;
        this.existing = existing;
        type = Pickers.of(List.of(FieldType.values()), t -> I18n.get("studio.type." + t.name()), "");
        type.setId("customFieldType");
        type.setMaxWidth(Double.MAX_VALUE);
        label.setId("customFieldLabel");
        label.setPromptText(I18n.get("studio.fieldDialog.label.prompt"));
        key.setId("customFieldKey");
        key.setPromptText(I18n.get("studio.fieldDialog.key.prompt"));
        choices.setId("customFieldChoices");
        choices.setPrefRowCount(4);
        choices.setPromptText(I18n.get("studio.fieldDialog.choices.prompt"));
        required.setId("customFieldRequired");
        required.setText(I18n.get("studio.fieldDialog.required.text"));
        defaultValue.setId("customFieldDefault");
        help.setId("customFieldHelp");
        help.setPromptText(I18n.get("studio.fieldDialog.help.prompt"));

        GridPane grid = grid();
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        for (var control : List.of(label, key, defaultValue, help)) {
            control.setMaxWidth(Double.MAX_VALUE);
        }
        grid.add(field("label", I18n.get("studio.fieldDialog.label"), label), 0, 0);
        grid.add(field("type", I18n.get("studio.fieldDialog.type"), type), 1, 0);
        grid.add(field("key", I18n.get("studio.fieldDialog.key"), key), 0, 1);
        grid.add(field("required", I18n.get("studio.fieldDialog.required"), required), 1, 1);
        choicesField = field("choices", I18n.get("studio.fieldDialog.choices"), choices);
        grid.add(choicesField, 0, 2, 2, 1);
        grid.add(field("defaultValue", I18n.get("studio.fieldDialog.default"), defaultValue), 0, 3);
        grid.add(field("helpText", I18n.get("studio.fieldDialog.help"), help), 1, 3);
        grid.setPrefWidth(560);
        setForm(grid);

        type.valueProperty().addListener((o, a, now) -> showChoices(now));
        if (existing == null) {
            type.setValue(FieldType.TEXT);
        } else {
            label.setText(existing.label());
            key.setText(existing.key());
            key.setDisable(true);
            type.setValue(existing.type());
            type.setDisable(true);
            choices.setText(String.join("\n", existing.choices()));
            required.setSelected(existing.required());
            defaultValue.setText(existing.defaultValue());
            help.setText(existing.helpText());
        }
        showChoices(type.getValue());
        setOnShown(e -> label.requestFocus());
    }

    private void showChoices(FieldType now) {
        boolean show = now != null && now.hasChoices();
        choicesField.setVisible(show);
        choicesField.setManaged(show);
        fitWindow();
    }

    @Override
    protected void save() {
        clearProblems();
        List<String> lines = Arrays.stream(choices.getText() == null ? new String[0] : choices.getText().split("\\R"))
                .map(String::strip).filter(l -> !l.isEmpty()).toList();
        CustomFieldDraft draft = new CustomFieldDraft(label.getText() == null ? "" : label.getText(), text(key),
                type.getValue(), type.getValue() != null && type.getValue().hasChoices() ? lines : List.of(),
                required.isSelected(), text(defaultValue), text(help));
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> existing == null
                        ? context.customFields().define(actor, entity, draft)
                        : context.customFields().update(actor, existing.id(), existing.version(), draft))
                .onSuccess(this::finish)
                .onFailure(this::showFailure)
                .executeWith(context.executor());
    }
}
