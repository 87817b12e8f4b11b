package io.salesdesk.app.settings;

import java.util.ArrayList;
import java.util.List;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.I18n;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.pool.PoolPolicy;

/**
 * The public pool (公海) per tier: days a claimed customer is protected, days without follow-up or
 * progress before it goes back, and how many customers a rep may claim a day.
 */
final class PoolLimitsSection extends VBox {

    private final AppContext context;
    private final GridPane grid = new GridPane();
    private final List<PolicyRow> rows = new ArrayList<>();
    private final Spinner<Integer> dailyLimit = Spinners.whole("dailyClaimLimit", 0, 1000, 0);
    private final Label status = new Label();
    /** The limit as this page last read it: what a save is based on, like each row's policy. */
    private int limitAsRead;

    private record PolicyRow(PoolPolicy policy, Spinner<Integer> protection, Spinner<Integer> noFollowUp,
                             Spinner<Integer> noProgress) {

        PoolPolicy edited() {
            return new PoolPolicy(policy.tier(), Spinners.value(protection), Spinners.value(noFollowUp),
                    Spinners.value(noProgress));
        }
    }

    PoolLimitsSection(AppContext context) {
        this.context = context;
        setId("poolLimitsSection");
        grid.setHgap(16);
        grid.setVgap(10);
        Button save = new Button(I18n.get("leadRules.save"));
        save.setId("savePoolLimits");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> save());
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.setId("poolLimitsStatus");
        // A refused save explains itself in a sentence or two.
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox actions = new HBox(12, status, save);
        HBox.setHgrow(status, Priority.ALWAYS);
        actions.setAlignment(Pos.CENTER_RIGHT);
        SettingsPage.fillSection(this, I18n.get("leadRules.pool"), I18n.get("leadRules.pool.hint"), grid, actions);
        load(null);
    }

    /** Reads the settings as they are now and shows them, then {@code notice} when there is one. */
    private void load(Throwable notice) {
        BackgroundTask.wrap(() -> new Loaded(context.pool().policies(), context.pool().dailyClaimLimit()))
                .onSuccess(loaded -> {
                    show(loaded);
                    if (notice != null) {
                        status.setText(I18n.message(notice));
                    }
                })
                .executeWith(context.executor());
    }

    private record Loaded(List<PoolPolicy> policies, int dailyLimit) {
    }

    private void show(Loaded loaded) {
        grid.getChildren().clear();
        rows.clear();
        limitAsRead = loaded.dailyLimit();
        grid.addRow(0, new Label(), header("leadRules.pool.protectionDays"),
                header("leadRules.pool.returnNoFollowUpDays"), header("leadRules.pool.returnNoProgressDays"));
        int row = 1;
        for (PoolPolicy policy : loaded.policies()) {
            String tier = policy.tier().name();
            PolicyRow spinners = new PolicyRow(policy,
                    Spinners.whole("poolProtection-" + tier, 0, 3650, policy.protectionDays()),
                    Spinners.whole("poolNoFollowUp-" + tier, 1, 3650, policy.returnNoFollowUpDays()),
                    Spinners.whole("poolNoProgress-" + tier, 1, 3650, policy.returnNoProgressDays()));
            rows.add(spinners);
            grid.addRow(row++, new Label(I18n.label("tier", policy.tier())), spinners.protection(),
                    spinners.noFollowUp(), spinners.noProgress());
        }
        dailyLimit.getValueFactory().setValue(loaded.dailyLimit());
        Label limit = new Label(I18n.get("leadRules.pool.dailyClaimLimit"));
        grid.add(limit, 0, row, 1, 1);
        grid.add(dailyLimit, 1, row);
    }

    private static Label header(String key) {
        Label label = new Label(I18n.get(key));
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    private void save() {
        status.setText("");
        var actor = context.currentUser().asActor();
        List<PoolPolicy> asRead = rows.stream().map(PolicyRow::policy).toList();
        List<PoolPolicy> policies = rows.stream().map(PolicyRow::edited).toList();
        int limitRead = limitAsRead;
        int limit = Spinners.value(dailyLimit);
        BackgroundTask.wrap(() -> context.pool().saveLimits(actor, asRead, policies, limitRead, limit))
                .onSuccess(done -> {
                    // What was saved is now what the next save is based on.
                    show(new Loaded(policies, limit));
                    status.setText(I18n.get("leadRules.saved"));
                })
                .onFailure(error -> {
                    if (error instanceof SalesDeskException stale && stale.messageKey().startsWith("pool.")
                            && stale.messageKey().endsWith(".stale")) {
                        // Someone saved meanwhile: show their values, not the ones this page read.
                        load(stale);
                    } else if (error instanceof ValidationException validation) {
                        status.setText(validation.problems().stream()
                                .map(p -> I18n.get(p.messageKey(), p.arguments().toArray()))
                                .reduce((a, b) -> a + "\n" + b).orElse(""));
                    } else {
                        ErrorDialogs.show(error);
                    }
                })
                .executeWith(context.executor());
    }
}
