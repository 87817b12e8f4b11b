package io.salesdesk.app.studio.rules;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.Confirmations;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.studio.CustomFieldsSection;
import io.salesdesk.studio.rule.AutomationRule;
import io.salesdesk.studio.rule.AutomationRuleService;
import io.salesdesk.studio.rule.RuleRun;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Settings → Studio → 自动化规则: ready-made rules to add in one click, the company's rules with a switch
 * each, the builder dialog to add or change one, and the run log of what the rules did.
 */
public final class AutomationRulesSection extends VBox {

    private static final int LOG_SHOWN = 100;

    private final AppContext context;
    private final VBox suggestions = new VBox(8);
    private final TableView<AutomationRule> table = new TableView<>();
    private final TableView<RuleRun> log = new TableView<>();
    private final Label logTitle = new Label(I18n.get("rules.log.title"));
    private final Button edit = new Button(I18n.get("rules.edit"), new FontIcon(Feather.EDIT_2));
    private final Button delete = new Button(I18n.get("rules.delete"), new FontIcon(Feather.TRASH_2));
    private RuleChoices choices = RuleChoices.none();

    public AutomationRulesSection(AppContext context, CustomFieldsSection.VBoxFiller filler) {
        this.context = context;
        setId("automationRulesSection");

        table.setId("ruleTable");
        table.setEditable(true);
        table.setPrefHeight(220);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(I18n.get("rules.empty")));
        table.getColumns().setAll(List.of(enabledColumn(),
                column("rules.col.name", r -> r.disabledReason() == null ? r.name()
                        : I18n.get("rules.disabledBySystem", r.name()), 200),
                column("rules.col.when", r -> RuleTexts.when(r.definition(), choices), 280),
                column("rules.col.actions", r -> RuleTexts.actions(r.definition()), 200)));
        table.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<AutomationRule>() {
                @Override
                protected void updateItem(AutomationRule item, boolean empty) {
                    super.updateItem(item, empty);
                    // Why the system switched the rule off, where the user looks at it.
                    setTooltip(empty || item == null || item.disabledReason() == null ? null
                            : new javafx.scene.control.Tooltip(item.disabledReason()));
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem());
                }
            });
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, now) -> {
            edit.setDisable(now == null);
            delete.setDisable(now == null);
            // The run log follows the selection: one rule's runs, or every rule's with none selected.
            if (a == null || now == null || !a.id().equals(now.id())) {
                loadLog();
            }
        });
        edit.setDisable(true);
        delete.setDisable(true);
        edit.setId("editRule");
        edit.setOnAction(e -> open(table.getSelectionModel().getSelectedItem()));
        delete.setId("deleteRule");
        delete.setOnAction(e -> deleteSelected());
        Button add = new Button(I18n.get("rules.add"), new FontIcon(Feather.PLUS));
        add.setId("addRule");
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> open(null));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, spacer, edit, delete, add);
        bar.setAlignment(Pos.CENTER_LEFT);

        log.setId("ruleLog");
        log.setPrefHeight(200);
        log.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        log.setPlaceholder(new Label(I18n.get("rules.log.empty")));
        DateTimeFormatter time = DateTimeFormatter.ofPattern(I18n.get("format.dateTime"));
        log.getColumns().setAll(List.of(
                logColumn("rules.log.time", r -> time.format(r.ranAt().atZoneSameInstant(context.clock().getZone())), 130),
                logColumn("rules.log.rule", RuleRun::ruleName, 170),
                logColumn("rules.log.record", RuleRun::recordLabel, 150),
                logColumn("rules.log.outcome", r -> I18n.get("rules.outcome." + r.outcome().name()), 70),
                logColumn("rules.log.actions", r -> r.error() == null ? r.actionsTaken()
                        : r.actionsTaken() + (r.actionsTaken().isEmpty() ? "" : "；") + r.error(), 320)));
        Button refreshLog = new Button(I18n.get("rules.log.refresh"), new FontIcon(Feather.REFRESH_CW));
        refreshLog.setId("refreshRuleLog");
        refreshLog.getStyleClass().add(Styles.FLAT);
        refreshLog.setOnAction(e -> loadLog());
        logTitle.setId("ruleLogTitle");
        logTitle.getStyleClass().add(Styles.TEXT_BOLD);
        Region logSpacer = new Region();
        HBox.setHgrow(logSpacer, Priority.ALWAYS);
        HBox logBar = new HBox(8, logTitle, logSpacer, refreshLog);
        logBar.setAlignment(Pos.CENTER_LEFT);

        filler.fill(this, I18n.get("rules.title"), I18n.get("rules.hint"), suggestions, bar, table, logBar, log);
        load(null);
    }

    private TableColumn<AutomationRule, Boolean> enabledColumn() {
        TableColumn<AutomationRule, Boolean> c = new TableColumn<>(I18n.get("rules.col.enabled"));
        c.setId("ruleEnabledColumn");
        c.setCellValueFactory(d -> {
            AutomationRule rule = d.getValue();
            SimpleBooleanProperty on = new SimpleBooleanProperty(rule.enabled());
            on.addListener((o, was, now) -> switchRule(rule, now));
            return on;
        });
        c.setCellFactory(CheckBoxTableCell.forTableColumn(c));
        c.setEditable(true);
        c.setPrefWidth(56);
        c.setMaxWidth(64);
        c.setSortable(false);
        return c;
    }

    private static TableColumn<AutomationRule, String> column(String key, Function<AutomationRule, String> text,
                                                              double width) {
        TableColumn<AutomationRule, String> c = new TableColumn<>(I18n.get(key));
        c.setCellValueFactory(d -> new SimpleStringProperty(text.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setEditable(false);
        return c;
    }

    private static TableColumn<RuleRun, String> logColumn(String key, Function<RuleRun, String> text, double width) {
        TableColumn<RuleRun, String> c = new TableColumn<>(I18n.get(key));
        c.setCellValueFactory(d -> new SimpleStringProperty(text.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    /** What the section shows, read together off the FX thread. */
    private record Loaded(RuleChoices choices, List<AutomationRule> rules,
                          List<AutomationRuleService.SuggestionState> suggestions) {
    }

    private void load(UUID select) {
        BackgroundTask.wrap(() -> new Loaded(RuleChoices.load(context), context.automationRules().rules(),
                        context.automationRules().suggestions()))
                .onSuccess(loaded -> {
                    choices = loaded.choices();
                    table.getItems().setAll(loaded.rules());
                    loaded.rules().stream().filter(r -> r.id().equals(select)).findFirst()
                            .ifPresent(r -> table.getSelectionModel().select(r));
                    showSuggestions(loaded.suggestions());
                    loadLog();
                }).onFailure(ErrorDialogs::show).executeWith(context.executor());
    }

    private void loadLog() {
        AutomationRule selected = table.getSelectionModel().getSelectedItem();
        logTitle.setText(selected == null ? I18n.get("rules.log.title")
                : I18n.get("rules.log.titleOf", selected.name()));
        UUID ruleId = selected == null ? null : selected.id();
        BackgroundTask.wrap(() -> context.automationRules().runLog(ruleId, LOG_SHOWN))
                .onSuccess(runs -> log.getItems().setAll(runs)).onFailure(ErrorDialogs::show)
                .executeWith(context.executor());
    }

    private void showSuggestions(List<AutomationRuleService.SuggestionState> states) {
        suggestions.getChildren().clear();
        for (AutomationRuleService.SuggestionState state : states) {
            var s = state.suggestion();
            FontIcon icon = new FontIcon(Feather.ZAP);
            icon.getStyleClass().add("rule-suggestion-icon");
            Label name = new Label(s.definition().name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label what = new Label(RuleTexts.when(s.definition(), choices) + " → " + RuleTexts.actions(s.definition()));
            what.getStyleClass().add(Styles.TEXT_MUTED);
            what.setWrapText(true);
            VBox text = new VBox(2, new Label(I18n.get("rules.suggestions")), name, what);
            text.getChildren().get(0).getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            HBox.setHgrow(text, Priority.ALWAYS);
            Button add = new Button(I18n.get(state.added() ? "rules.suggestion.added" : "rules.suggestion.add"),
                    new FontIcon(state.added() ? Feather.CHECK : Feather.PLUS));
            add.setId("addSuggestion-" + s.key());
            add.setDisable(state.added());
            if (!state.added()) {
                add.getStyleClass().add(Styles.SUCCESS);
            }
            add.setOnAction(e -> run(() -> context.automationRules()
                    .addSuggestion(context.currentUser().asActor(), s.key()).id()));
            HBox card = new HBox(12, icon, text, add);
            card.setAlignment(Pos.CENTER_LEFT);
            card.getStyleClass().add("rule-suggestion");
            suggestions.getChildren().add(card);
        }
    }

    private void open(AutomationRule existing) {
        if (!choices.loaded()) {
            return;
        }
        new RuleBuilderDialog(context, choices, existing).showAndWait().ifPresent(saved -> load(saved.id()));
    }

    private void switchRule(AutomationRule rule, boolean on) {
        if (rule.enabled() == on) {
            return;
        }
        run(() -> context.automationRules().setEnabled(context.currentUser().asActor(), rule, on).id());
    }

    private void deleteSelected() {
        AutomationRule rule = table.getSelectionModel().getSelectedItem();
        if (rule == null) {
            return;
        }
        if (!Confirmations.ask(I18n.get("rules.delete.confirm", rule.name()))) {
            return;
        }
        run(() -> {
            context.automationRules().delete(context.currentUser().asActor(), rule.id(), rule.version());
            return null;
        });
    }

    private void run(Supplier<UUID> change) {
        BackgroundTask.wrap(change::get).onSuccess(this::load).onFailure(error -> {
            ErrorDialogs.show(error);
            load(null);
        }).executeWith(context.executor());
    }
}
