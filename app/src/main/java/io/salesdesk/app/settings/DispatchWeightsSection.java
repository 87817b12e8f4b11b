package io.salesdesk.app.settings;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.I18n;
import io.salesdesk.dispatch.DispatchWeights;

/**
 * The weights lead dispatch scores reps with (区域、负载、匹配度), what each kind of work adds to a
 * rep's load, and the monthly capacity of a rep without one of their own.
 */
final class DispatchWeightsSection extends VBox {

    private final AppContext context;
    private final Spinner<Double> region = Spinners.decimal("weightRegion", 0, 10, 0, 0.05);
    private final Spinner<Double> load = Spinners.decimal("weightLoad", 0, 10, 0, 0.05);
    private final Spinner<Double> fit = Spinners.decimal("weightFit", 0, 10, 0, 0.05);
    private final Spinner<Double> perLead = Spinners.decimal("weightPerLead", 0.05, 100, 1, 0.05);
    private final Spinner<Double> perOverdue = Spinners.decimal("weightPerOverdue", 0, 100, 0, 0.05);
    private final Spinner<Double> perTask = Spinners.decimal("weightPerTask", 0, 100, 0, 0.05);
    private final Spinner<Integer> capacity = Spinners.whole("defaultCapacity", 1, 10_000, 60);
    private final Label status = new Label();

    DispatchWeightsSection(AppContext context) {
        this.context = context;
        setId("dispatchWeightsSection");
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        grid.addRow(0, label("leadRules.dispatch.region"), region, label("leadRules.dispatch.perLead"), perLead);
        grid.addRow(1, label("leadRules.dispatch.load"), load, label("leadRules.dispatch.perOverdue"), perOverdue);
        grid.addRow(2, label("leadRules.dispatch.fit"), fit, label("leadRules.dispatch.perTask"), perTask);
        grid.addRow(3, label("leadRules.dispatch.defaultCapacity"), capacity);
        Button save = new Button(I18n.get("leadRules.save"));
        save.setId("saveDispatchWeights");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> save());
        status.getStyleClass().add(Styles.TEXT_MUTED);
        HBox actions = new HBox(12, status, save);
        actions.setAlignment(Pos.CENTER_RIGHT);
        SettingsPage.fillSection(this, I18n.get("leadRules.dispatch"), I18n.get("leadRules.dispatch.hint"),
                grid, actions);
        BackgroundTask.wrap(() -> context.dispatch().weights()).onSuccess(this::show).executeWith(context.executor());
    }

    private void show(DispatchWeights weights) {
        region.getValueFactory().setValue(weights.region());
        load.getValueFactory().setValue(weights.load());
        fit.getValueFactory().setValue(weights.fit());
        perLead.getValueFactory().setValue(weights.perLead());
        perOverdue.getValueFactory().setValue(weights.perOverdue());
        perTask.getValueFactory().setValue(weights.perTask());
        capacity.getValueFactory().setValue(weights.defaultCapacity());
    }

    private void save() {
        status.setText("");
        // The spinners' bounds keep every value the record accepts.
        DispatchWeights weights = new DispatchWeights(Spinners.value(region), Spinners.value(load),
                Spinners.value(fit), Spinners.value(perLead), Spinners.value(perOverdue), Spinners.value(perTask),
                Spinners.value(capacity));
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.dispatch().saveWeights(actor, weights))
                .onSuccess(done -> status.setText(I18n.get("leadRules.saved")))
                .executeWith(context.executor());
    }

    private static Label label(String key) {
        Label label = new Label(I18n.get(key));
        label.setMinWidth(96);
        return label;
    }
}
