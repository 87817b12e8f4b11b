package io.salesdesk.app.dashboard;

import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.Tier;
import io.salesdesk.insight.tier.Period;
import io.salesdesk.insight.tier.TierRule;
import java.util.function.Function;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** Adds or edits a tier action rule: tier, activity kind, count and period. */
final class TierRuleDialog extends Dialog<TierRule> {

    TierRuleDialog(TierRule rule) {
        setTitle(I18n.get(rule == null ? "tier.rules.add" : "tier.rules.edit"));
        TextField name = new TextField(rule == null ? "" : rule.name());
        name.setId("tierRuleName");
        name.setPromptText(I18n.get("tier.rules.namePrompt"));
        ComboBox<Tier> tier = new ComboBox<>();
        tier.setId("tierRuleTier");
        tier.getItems().setAll(Tier.values());
        cells(tier, t -> I18n.label("tier", t));
        tier.setValue(rule == null ? Tier.A : rule.tier());
        ComboBox<ActivityKind> kind = new ComboBox<>();
        kind.setId("tierRuleKind");
        kind.getItems().setAll(ActivityKind.values());
        cells(kind, k -> I18n.label("activityKind", k));
        kind.setValue(rule == null ? ActivityKind.DEMO : rule.activityKind());
        TextField count = new TextField(rule == null ? "1" : String.valueOf(rule.count()));
        count.setId("tierRuleCount");
        ComboBox<Period> period = new ComboBox<>();
        period.setId("tierRulePeriod");
        period.getItems().setAll(Period.values());
        cells(period, p -> I18n.label("tier.period", p));
        period.setValue(rule == null ? Period.MONTH : rule.period());
        CheckBox enabled = new CheckBox(I18n.get("tier.on"));
        enabled.setSelected(rule == null || rule.enabled());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(I18n.get("tier.col.name")), name);
        grid.addRow(1, new Label(I18n.get("tier.col.tier")), tier);
        grid.addRow(2, new Label(I18n.get("tier.col.kind")), kind);
        grid.addRow(3, new Label(I18n.get("tier.col.count")), count);
        grid.addRow(4, new Label(I18n.get("tier.col.period")), period);
        grid.addRow(5, new Label(), enabled);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Stylesheets.addTo(getDialogPane());
        setResultConverter(b -> {
            if (b != ButtonType.OK) {
                return null;
            }
            int n;
            try {
                n = Integer.parseInt(count.getText().strip());
            } catch (NumberFormatException e) {
                n = 0; // refused by the service with "1 to 100"
            }
            return new TierRule(rule == null ? null : rule.id(), name.getText(), tier.getValue(), kind.getValue(), n,
                    period.getValue(), enabled.isSelected(), rule == null ? 0 : rule.version());
        });
    }

    private static <T> void cells(ComboBox<T> box, Function<T, String> text) {
        box.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
    }
}
