package io.salesdesk.app.settings;

import java.util.List;
import java.util.function.Function;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.I18n;
import io.salesdesk.workflow.sla.SlaRule;

/**
 * The follow-up SLA rules (跟进时限) as a table: what each watches, when it reminds and escalates,
 * whether it is on, and why the scheduler switched it off if it did. Edits go through
 * {@link SlaRuleDialog}; the on/off box saves at once.
 */
final class LeadRulesSection extends VBox {

    private static final double ROW_HEIGHT = 52;

    private final AppContext context;
    private final TableView<SlaRule> table = new TableView<>();

    LeadRulesSection(AppContext context) {
        this.context = context;
        setId("leadRulesSection");
        table.setId("slaRules");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(ROW_HEIGHT);
        table.setPlaceholder(new Label(I18n.get("leadRules.sla.loading")));
        // Every rule shows without an inner scroll bar: there are a handful, and the page scrolls.
        table.prefHeightProperty().bind(Bindings.size(table.getItems())
                .multiply(ROW_HEIGHT).add(ROW_HEIGHT + 4));
        table.minHeightProperty().bind(table.prefHeightProperty());
        table.getColumns().setAll(List.of(nameColumn(),
                textColumn("leadRules.col.subject", 70, r -> I18n.label("leadRules.subject", r.subject())),
                textColumn("leadRules.col.tier", 60,
                        r -> r.tier() == null ? I18n.get("leadRules.allTiers") : r.tier().name()),
                textColumn("leadRules.col.remind", 150, r -> RuleDuration.text(r.remindAfterMinutes(), r.workingTime())),
                textColumn("leadRules.col.escalate", 150,
                        r -> RuleDuration.text(r.escalateAfterMinutes(), r.workingTime())),
                textColumn("leadRules.col.notifyManager", 80,
                        r -> I18n.get(r.notifyManager() ? "leadRules.yes" : "leadRules.no")),
                enabledColumn(), editColumn()));

        Button add = new Button(I18n.get("leadRules.sla.new"), new FontIcon(Feather.PLUS));
        add.setId("newSlaRule");
        add.setOnAction(e -> edit(null));
        HBox actions = new HBox(add);
        actions.setAlignment(Pos.CENTER_RIGHT);
        SettingsPage.fillSection(this, I18n.get("leadRules.sla"), I18n.get("leadRules.sla.hint"), table, actions);
        reload();
    }

    private void reload() {
        BackgroundTask.wrap(() -> context.slaRules().rules())
                .onSuccess(rules -> table.getItems().setAll(rules))
                .executeWith(context.executor());
    }

    private void edit(SlaRule rule) {
        int nextSortOrder = table.getItems().stream().mapToInt(SlaRule::sortOrder).max().orElse(0) + 1;
        SlaRuleDialog dialog = new SlaRuleDialog(context, rule, nextSortOrder);
        dialog.setOnHidden(e -> reload());
        dialog.show();
    }

    private void setEnabled(SlaRule rule, boolean enabled) {
        SlaRule changed = new SlaRule(rule.id(), rule.code(), rule.name(), rule.subject(), rule.sinceField(),
                rule.tier(), rule.remindAfterMinutes(), rule.escalateAfterMinutes(), rule.notifyManager(),
                rule.workingTime(), enabled, rule.disabledReason(), rule.activeSince(), rule.remindScannedTo(),
                rule.escalateScannedTo(), rule.sortOrder(), rule.version());
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.slaRules().save(actor, changed))
                .onFailure(ErrorDialogs::show)
                .onFinished(this::reload)
                .executeWith(context.executor());
    }

    private static TableColumn<SlaRule, String> textColumn(String key, double width,
                                                           Function<SlaRule, String> text) {
        TableColumn<SlaRule, String> column = new TableColumn<>(I18n.get(key));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(text.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    /** The name, and under it in red why the scheduler switched the rule off. */
    private static TableColumn<SlaRule, SlaRule> nameColumn() {
        TableColumn<SlaRule, SlaRule> column = new TableColumn<>(I18n.get("leadRules.col.name"));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setPrefWidth(190);
        column.setSortable(false);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(SlaRule rule, boolean empty) {
                super.updateItem(rule, empty);
                setText(null);
                if (empty || rule == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                Label name = new Label(rule.name());
                VBox box = new VBox(2, name);
                box.setAlignment(Pos.CENTER_LEFT);
                if (!rule.enabled() && rule.disabledReason() != null) {
                    Label reason = new Label(rule.disabledReason());
                    reason.setId("slaDisabledReason-" + rule.code());
                    reason.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
                    box.getChildren().add(reason);
                    setTooltip(new Tooltip(reason.getText()));
                } else {
                    setTooltip(null);
                }
                setGraphic(box);
            }
        });
        return column;
    }

    private TableColumn<SlaRule, SlaRule> enabledColumn() {
        TableColumn<SlaRule, SlaRule> column = new TableColumn<>(I18n.get("leadRules.col.enabled"));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setPrefWidth(60);
        column.setSortable(false);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(SlaRule rule, boolean empty) {
                super.updateItem(rule, empty);
                if (empty || rule == null) {
                    setGraphic(null);
                    return;
                }
                CheckBox on = new CheckBox();
                on.setId("slaEnabled-" + rule.code());
                on.setSelected(rule.enabled());
                on.setOnAction(e -> setEnabled(rule, on.isSelected()));
                setGraphic(on);
            }
        });
        return column;
    }

    private TableColumn<SlaRule, SlaRule> editColumn() {
        TableColumn<SlaRule, SlaRule> column = new TableColumn<>();
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setPrefWidth(80);
        column.setSortable(false);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(SlaRule rule, boolean empty) {
                super.updateItem(rule, empty);
                if (empty || rule == null) {
                    setGraphic(null);
                    return;
                }
                Button edit = new Button(I18n.get("leadRules.sla.edit"), new FontIcon(Feather.EDIT_2));
                edit.setId("editSlaRule-" + rule.code());
                edit.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
                edit.setOnAction(e -> edit(rule));
                setGraphic(edit);
            }
        });
        return column;
    }
}
