package io.salesdesk.app.studio.rules;

import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.studio.rule.RuleDefinition;
import io.salesdesk.studio.rule.RuleFields;
import io.salesdesk.studio.rule.RuleTrigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * 何时触发 in the rule builder: the kind of trigger, then the few blanks it needs — days without a
 * follow-up, a field and the value it changes to, days before or after a date field, or what was
 * submitted for approval and how it ended. The lines shown follow the kind and the rule's entity.
 */
final class TriggerEditor extends VBox {

    /** Whether a "date" trigger is before or after the date. */
    enum Side {
        BEFORE, AFTER
    }

    private final RuleChoices choices;
    private final ComboBox<RuleTrigger.Kind> kind = Pickers.of(List.of(RuleTrigger.Kind.values()),
            k -> I18n.get("rules.triggerKind." + k.name()), "");
    private final TextField days = new TextField();
    private final ComboBox<String> activityKind = Pickers.optional(
            FXCollections.observableArrayList(RuleFields.ACTIVITY_KINDS),
            k -> I18n.get("activityKind." + k), I18n.get("rules.trigger.anyActivity"));
    private final ComboBox<RuleField> changedField;
    private final RuleValueInput changedValue;
    private final ComboBox<RuleField> dateField;
    private final TextField dateDays = new TextField();
    private final ComboBox<Side> side = Pickers.of(List.of(Side.values()), s -> I18n.get("rules.dialog.date." + s.name()),
            "");
    private final ComboBox<String> submitted = Pickers.optional(FXCollections.observableArrayList(),
            s -> I18n.get("rules.approval." + s), I18n.get("rules.approval.any"));
    private final ComboBox<String> outcome = Pickers.of(RuleTrigger.APPROVAL_OUTCOMES,
            o -> I18n.get("rules.approvalOutcome." + o), I18n.get("rules.dialog.pick"));
    private final HBox noActivityLine;
    private final HBox changedLine;
    private final HBox dateLine;
    private final HBox approvalLine;
    private final Runnable resized;

    TriggerEditor(RuleChoices choices, Runnable resized) {
        super(8);
        this.choices = choices;
        this.resized = resized;
        kind.setId("ruleTrigger");
        days.setId("ruleDays");
        days.setPrefColumnCount(4);
        activityKind.setId("ruleActivityKind");
        changedField = Pickers.of(List.of(), RuleField::label, I18n.get("rules.dialog.pickField"));
        changedField.setId("ruleChangedField");
        changedField.setPrefWidth(170);
        changedValue = new RuleValueInput(choices);
        changedValue.setId("ruleChangedValue");
        changedValue.setPrefWidth(260);
        changedField.valueProperty().addListener((o, a, now) -> changedValue.showFor(now));
        dateField = Pickers.of(List.of(), RuleField::label, I18n.get("rules.dialog.pickDate"));
        dateField.setId("ruleDateField");
        dateField.setPrefWidth(170);
        dateDays.setId("ruleDateDays");
        dateDays.setPrefColumnCount(4);
        side.setId("ruleDateSide");
        submitted.setId("ruleApprovalSubject");
        outcome.setId("ruleApprovalOutcome");
        noActivityLine = line(new Label(I18n.get("rules.dialog.noActivity.before")), days,
                new Label(I18n.get("rules.dialog.noActivity.middle")), activityKind);
        changedLine = line(changedField, new Label(I18n.get("rules.dialog.changedTo")), changedValue);
        dateLine = line(dateField, side, dateDays, new Label(I18n.get("rules.dialog.date.days")));
        approvalLine = line(submitted, new Label(I18n.get("rules.dialog.approval.middle")), outcome);
        kind.valueProperty().addListener((o, a, now) -> show(now));
        getChildren().addAll(kind, noActivityLine, changedLine, dateLine, approvalLine);
        useEntity(RuleDefinition.CUSTOMER);
    }

    /** Offers the fields, dates and approvals of another entity's records. */
    void useEntity(String entity) {
        List<RuleField> fields = choices.fields(entity);
        RuleField changed = changedField.getValue();
        changedField.getItems().setAll(fields);
        changedField.setValue(changed == null ? null : RuleField.find(fields, changed.key()));
        RuleField date = dateField.getValue();
        List<RuleField> dates = fields.stream().filter(RuleField::isDate).toList();
        dateField.getItems().setAll(dates);
        dateField.setValue(date == null ? null : RuleField.find(dates, date.key()));
        List<String> subjects = new ArrayList<>();
        subjects.add(entity.toLowerCase(Locale.ROOT));
        if (!RuleDefinition.LEAD.equals(entity)) {
            // A contract's or quote's approval counts for its customer and its opportunity.
            subjects.addAll(List.of("contract", "quote"));
        }
        String kept = submitted.getValue();
        submitted.getItems().setAll(subjects);
        submitted.setValue(subjects.contains(kept) ? kept : null);
        show(kind.getValue());
    }

    void fill(RuleTrigger t) {
        if (t == null) {
            kind.setValue(RuleTrigger.Kind.NO_ACTIVITY);
            days.setText("20");
            side.setValue(Side.BEFORE);
            dateDays.setText("3");
            return;
        }
        kind.setValue(t.kind());
        switch (t.kind()) {
            case NO_ACTIVITY -> {
                days.setText(t.days() == null ? "" : t.days().toString());
                activityKind.setValue(t.activityKind());
            }
            case FIELD_CHANGED -> {
                changedField.setValue(RuleField.find(changedField.getItems(), t.field()));
                changedValue.setValue(t.value());
            }
            case DATE_RELATIVE -> {
                dateField.setValue(RuleField.find(dateField.getItems(), t.field()));
                int n = t.days() == null ? 0 : t.days();
                side.setValue(n < 0 ? Side.BEFORE : Side.AFTER);
                dateDays.setText(String.valueOf(Math.abs(n)));
            }
            case APPROVAL -> {
                submitted.setValue(t.field());
                outcome.setValue(t.value());
            }
            default -> {
                // Nothing to fill in.
            }
        }
        if (side.getValue() == null) {
            side.setValue(Side.BEFORE);
        }
    }

    RuleTrigger.Kind kind() {
        return kind.getValue();
    }

    String activityKind() {
        return activityKind.getValue();
    }

    /** The trigger as entered; blanks stay blank for the service to name. */
    RuleTrigger trigger() {
        RuleTrigger.Kind k = kind.getValue();
        if (k == null) {
            return null;
        }
        return switch (k) {
            case NO_ACTIVITY -> new RuleTrigger(k, activityKind.getValue(), number(days), null, null);
            case CREATED -> RuleTrigger.created();
            case UPDATED -> RuleTrigger.updated();
            case FIELD_CHANGED -> new RuleTrigger(k, null, null, key(changedField), changedValue.value());
            case DATE_RELATIVE -> {
                Integer n = number(dateDays);
                yield new RuleTrigger(k, null, n == null ? null : side.getValue() == Side.BEFORE ? -n : n,
                        key(dateField), null);
            }
            case APPROVAL -> RuleTrigger.approval(submitted.getValue(), outcome.getValue());
        };
    }

    private void show(RuleTrigger.Kind k) {
        shown(noActivityLine, k == RuleTrigger.Kind.NO_ACTIVITY);
        shown(changedLine, k == RuleTrigger.Kind.FIELD_CHANGED);
        shown(dateLine, k == RuleTrigger.Kind.DATE_RELATIVE);
        shown(approvalLine, k == RuleTrigger.Kind.APPROVAL);
        resized.run();
    }

    private static String key(ComboBox<RuleField> picker) {
        return picker.getValue() == null ? null : picker.getValue().key();
    }

    private static Integer number(TextField field) {
        try {
            return field.getText() == null || field.getText().isBlank() ? null : Integer.valueOf(field.getText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static HBox line(Node... nodes) {
        HBox line = new HBox(8, nodes);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private static void shown(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
