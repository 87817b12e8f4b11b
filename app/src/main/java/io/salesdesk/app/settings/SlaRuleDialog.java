package io.salesdesk.app.settings;

import java.util.ArrayList;
import java.util.List;

import atlantafx.base.theme.Styles;
import javafx.collections.FXCollections;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.Tier;
import io.salesdesk.workflow.sla.SlaRule;
import io.salesdesk.workflow.sla.SlaRuleService;

/**
 * A follow-up rule, new or edited: what it watches, from which field, for which tier, and after how
 * long it reminds and escalates, each as a number and a unit. The service checks the rest.
 */
final class SlaRuleDialog extends FormDialog<SlaRule> {

    private final AppContext context;
    private final SlaRule existing;
    private final int sortOrder;
    private final TextField name = new TextField();
    private final ComboBox<SlaRule.Subject> subject = Pickers.of(List.of(SlaRule.Subject.values()),
            s -> I18n.label("leadRules.subject", s), "");
    private final ComboBox<String> sinceField = Pickers.of(List.of(), SlaRuleDialog::fieldLabel, "");
    private final ComboBox<Tier> tier = Pickers.optional(
            FXCollections.observableArrayList(Tier.values()), Tier::name, I18n.get("leadRules.allTiers"));
    private final TextField remind = new TextField();
    private final ComboBox<RuleDuration.Unit> remindUnit = unitPicker();
    private final TextField escalate = new TextField();
    private final ComboBox<RuleDuration.Unit> escalateUnit = unitPicker();
    private final CheckBox workingTime = new CheckBox(I18n.get("leadRules.form.workingTime"));
    private final CheckBox notifyManager = new CheckBox(I18n.get("leadRules.form.notifyManager"));
    private final CheckBox enabled = new CheckBox(I18n.get("leadRules.form.enabled"));

    SlaRuleDialog(AppContext context, SlaRule existing, int sortOrder) {
        super(I18n.get(existing == null ? "leadRules.form.newTitle" : "leadRules.form.editTitle"), "slaRuleSave");
        this.context = context;
        this.existing = existing;
        this.sortOrder = sortOrder;
        name.setId("slaRuleName");
        subject.setId("slaRuleSubject");
        sinceField.setId("slaRuleField");
        tier.setId("slaRuleTier");
        remind.setId("slaRuleRemind");
        remindUnit.setId("slaRuleRemindUnit");
        escalate.setId("slaRuleEscalate");
        escalateUnit.setId("slaRuleEscalateUnit");
        workingTime.setId("slaRuleWorkingTime");
        notifyManager.setId("slaRuleNotifyManager");
        enabled.setId("slaRuleEnabled");
        for (ComboBox<?> box : List.of(subject, sinceField, tier)) {
            box.setMaxWidth(Double.MAX_VALUE);
        }
        subject.valueProperty().addListener((obs, old, now) -> {
            sinceField.getItems().setAll(now == null ? List.of() : SlaRuleService.fields(now));
            if (!sinceField.getItems().contains(sinceField.getValue())) {
                sinceField.setValue(sinceField.getItems().isEmpty() ? null : sinceField.getItems().get(0));
            }
        });

        GridPane grid = grid();
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        int row = 0;
        grid.add(field("name", I18n.get("leadRules.form.name"), name), 0, row++, 2, 1);
        grid.add(field("subject", I18n.get("leadRules.form.subject"), subject), 0, row);
        grid.add(field("tier", I18n.get("leadRules.form.tier"), tier), 1, row++);
        grid.add(field("sinceField", I18n.get("leadRules.form.field"), sinceField), 0, row++, 2, 1);
        grid.add(field("remindAfterMinutes", I18n.get("leadRules.form.remind"), amount(remind, remindUnit)), 0, row);
        grid.add(field("escalateAfterMinutes", I18n.get("leadRules.form.escalate"), amount(escalate, escalateUnit)),
                1, row++);
        Label hint = new Label(I18n.get("leadRules.form.thresholdHint"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        grid.add(hint, 0, row++, 2, 1);
        grid.add(new VBox(8, workingTime, notifyManager, enabled), 0, row, 2, 1);
        grid.setPrefWidth(520);
        setForm(grid);

        if (existing == null) {
            subject.setValue(SlaRule.Subject.CUSTOMER);
            escalate.setText("3");
            notifyManager.setSelected(true);
            enabled.setSelected(true);
        } else {
            name.setText(existing.name());
            subject.setValue(existing.subject());
            if (!sinceField.getItems().contains(existing.sinceField())) {
                // A field that no longer exists stays visible, so the user sees what to replace.
                sinceField.getItems().add(existing.sinceField());
            }
            sinceField.setValue(existing.sinceField());
            tier.setValue(existing.tier());
            workingTime.setSelected(existing.workingTime());
            show(existing.remindAfterMinutes(), remind, remindUnit, existing.workingTime());
            show(existing.escalateAfterMinutes(), escalate, escalateUnit, existing.workingTime());
            notifyManager.setSelected(existing.notifyManager());
            enabled.setSelected(existing.enabled());
        }
        // Switching to working time re-expresses days as hours, so the limit keeps its length.
        workingTime.selectedProperty().addListener((obs, was, now) -> {
            reexpress(remind, remindUnit, now);
            reexpress(escalate, escalateUnit, now);
        });
        setOnShown(e -> name.requestFocus());
    }

    private static void reexpress(TextField amount, ComboBox<RuleDuration.Unit> unit, boolean workingTime) {
        Integer minutes;
        try {
            minutes = minutes(amount, unit, "", new ArrayList<>());
        } catch (RuntimeException e) {
            minutes = null;
        }
        unit.getItems().setAll(RuleDuration.units(workingTime));
        if (minutes != null) {
            show(minutes, amount, unit, workingTime);
        } else if (!unit.getItems().contains(unit.getValue())) {
            unit.setValue(RuleDuration.Unit.HOURS);
        }
    }

    @Override
    protected void save() {
        List<FieldProblem> problems = new ArrayList<>();
        Integer remindMinutes = minutes(remind, remindUnit, "remindAfterMinutes", problems);
        Integer escalateMinutes = minutes(escalate, escalateUnit, "escalateAfterMinutes", problems);
        if (!problems.isEmpty()) {
            showFailure(new ValidationException(problems));
            return;
        }
        SlaRule rule = new SlaRule(existing == null ? null : existing.id(), existing == null ? null : existing.code(),
                name.getText(), subject.getValue(), sinceField.getValue(), tier.getValue(), remindMinutes,
                escalateMinutes, notifyManager.isSelected(), workingTime.isSelected(), enabled.isSelected(),
                existing == null ? null : existing.disabledReason(), existing == null ? null : existing.activeSince(),
                existing == null ? null : existing.remindScannedTo(),
                existing == null ? null : existing.escalateScannedTo(),
                existing == null ? sortOrder : existing.sortOrder(), existing == null ? 0 : existing.version());
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.slaRules().save(actor, rule))
                .onSuccess(this::finish)
                .onFailure(error -> {
                    if (error instanceof StaleRecordException) {
                        // Someone changed the rule meanwhile: say so, and show the table afresh.
                        ErrorDialogs.show(error);
                        close();
                    } else {
                        showFailure(error);
                    }
                })
                .executeWith(context.executor());
    }

    /** The minutes a number and unit stand for; null when empty; a problem when not a whole number. */
    private static Integer minutes(TextField amount, ComboBox<RuleDuration.Unit> unit, String field,
                                   List<FieldProblem> problems) {
        String text = text(amount);
        if (text == null) {
            return null;
        }
        try {
            return new RuleDuration(Integer.parseInt(text), unit.getValue()).minutes();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(FieldProblem.of(field, "leadRules.number.invalid"));
            return null;
        }
    }

    private static void show(Integer minutes, TextField amount, ComboBox<RuleDuration.Unit> unit,
                             boolean workingTime) {
        unit.getItems().setAll(RuleDuration.units(workingTime));
        RuleDuration duration = RuleDuration.of(minutes, workingTime);
        amount.setText(duration == null ? "" : Integer.toString(duration.amount()));
        unit.setValue(duration != null ? duration.unit() : workingTime ? RuleDuration.Unit.HOURS : RuleDuration.Unit.DAYS);
    }

    private static HBox amount(TextField amount, ComboBox<RuleDuration.Unit> unit) {
        amount.setPrefColumnCount(5);
        return new HBox(8, amount, unit);
    }

    private static ComboBox<RuleDuration.Unit> unitPicker() {
        ComboBox<RuleDuration.Unit> unit = Pickers.of(List.of(RuleDuration.Unit.values()),
                u -> I18n.label("leadRules.unit", u), "");
        unit.setValue(RuleDuration.Unit.DAYS);
        return unit;
    }

    private static String fieldLabel(String field) {
        String key = "leadRules.field." + field;
        return I18n.has(key) ? I18n.get(key) : field;
    }
}
