package io.salesdesk.app.dashboard;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.Role;
import io.salesdesk.insight.tier.BonusBand;
import io.salesdesk.insight.tier.BonusFormula;
import io.salesdesk.insight.tier.BonusRow;
import io.salesdesk.insight.tier.Completion;
import io.salesdesk.insight.tier.TierRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * 分级动作规则 on the dashboard: the tier action rules ("A 类客户：每月 2 次技术演示") with add and
 * edit, completion per rep and team for a quarter with progress bars, and the quarter's bonus
 * coefficient table with its formula, which company-wide roles edit.
 */
public final class TierRulesView extends VBox {

    /** The rules table's row and header heights, and how many rows it shows without scrolling. */
    private static final double RULE_ROW = 34;
    private static final double RULE_HEADER = 48;
    private static final int MIN_RULE_ROWS = 3;
    private static final int MAX_RULE_ROWS = 8;
    /** "完成 / 要求" and "128 / 245" in full. */
    private static final double DONE_WIDTH = 110;

    private final AppContext context;
    private final TableView<TierRule> rules = new TableView<>();
    private final ComboBox<Quarter> quarter = new ComboBox<>();
    private final TableView<Completion> teams = new TableView<>();
    private final TableView<BonusRow> bonus = new TableView<>();
    private final TextField formula = new TextField();
    private final Label formulaError = new Label();

    /** A calendar quarter. */
    record Quarter(int year, int quarter) {
        @Override
        public String toString() {
            return I18n.get("tier.quarter", String.valueOf(year), quarter);
        }
    }

    public TierRulesView(AppContext context, EventBus bus) {
        super(12);
        this.context = context;
        setId("tierRulesView");
        setPadding(new Insets(12, 0, 0, 0));
        HBox lower = new HBox(12, createBonus(), createTeams());
        HBox.setHgrow(lower.getChildren().get(0), Priority.ALWAYS);
        VBox.setVgrow(lower, Priority.ALWAYS);
        getChildren().addAll(createRules(), createQuarterBar(), lower);
        reloadRules();
    }

    private boolean editor() {
        Role role = context.currentUser().role();
        return role == Role.MANAGER || role.seesEverything();
    }

    private VBox createRules() {
        Label title = new Label(I18n.get("tier.rules.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        Button add = new Button(I18n.get("tier.rules.add"), new FontIcon(Feather.PLUS));
        add.setId("tierRuleAdd");
        add.setOnAction(e -> edit(null));
        Button edit = new Button(I18n.get("tier.rules.edit"), new FontIcon(Feather.EDIT_2));
        edit.setId("tierRuleEdit");
        edit.disableProperty().bind(rules.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> edit(rules.getSelectionModel().getSelectedItem()));
        Button delete = new Button(I18n.get("tier.rules.delete"), new FontIcon(Feather.TRASH_2));
        delete.setId("tierRuleDelete");
        delete.disableProperty().bind(rules.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> delete(rules.getSelectionModel().getSelectedItem()));
        for (Button b : List.of(add, edit, delete)) {
            b.setVisible(editor());
            b.setManaged(editor());
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, spacer, add, edit, delete);
        bar.setAlignment(Pos.CENTER_LEFT);
        rules.setId("tierRules");
        rules.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        rules.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        rules.getColumns().add(column("tier.col.name", TierRule::name, 280));
        rules.getColumns().add(column("tier.col.tier", r -> I18n.label("tier", r.tier()), 80));
        rules.getColumns().add(column("tier.col.kind", r -> I18n.label("activityKind", r.activityKind()), 90));
        rules.getColumns().add(column("tier.col.count", r -> String.valueOf(r.count()), 70));
        rules.getColumns().add(column("tier.col.period", r -> I18n.label("tier.period", r.period()), 80));
        rules.getColumns().add(column("tier.col.enabled", r -> I18n.get(r.enabled() ? "tier.on" : "tier.off"), 70));
        rules.setPlaceholder(new Label(I18n.get("tier.rules.empty")));
        // As tall as its rules (a company has a handful), so none hides behind a scroll bar.
        rules.setFixedCellSize(RULE_ROW);
        rules.prefHeightProperty().bind(Bindings.size(rules.getItems()).map(n ->
                RULE_HEADER + RULE_ROW * Math.max(MIN_RULE_ROWS, Math.min(MAX_RULE_ROWS, n.intValue()))));
        rules.minHeightProperty().bind(rules.prefHeightProperty());
        return new VBox(6, bar, rules);
    }

    private HBox createQuarterBar() {
        LocalDate today = BusinessTime.today(context.clock());
        for (int back = 0; back < 4; back++) {
            LocalDate d = today.minusMonths(3L * back);
            quarter.getItems().add(new Quarter(d.getYear(), d.get(IsoFields.QUARTER_OF_YEAR)));
        }
        quarter.setId("tierQuarter");
        quarter.setValue(quarter.getItems().get(0));
        quarter.setOnAction(e -> reloadFigures());
        Label label = new Label(I18n.get("tier.quarter.label"));
        HBox bar = new HBox(8, label, quarter);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private VBox createBonus() {
        Label title = new Label(I18n.get("tier.bonus.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        bonus.setId("tierBonus");
        bonus.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        bonus.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        bonus.getColumns().add(column("tier.col.rep", b -> b.completion().name(), 90));
        bonus.getColumns().add(column("tier.col.team", b -> b.completion().group(), 110));
        bonus.getColumns().add(column("tier.col.done",
                b -> b.completion().done() + " / " + b.completion().required(), DONE_WIDTH));
        bonus.getColumns().add(progressColumn(b -> b.completion()));
        bonus.getColumns().add(column("tier.col.coefficient", b -> b.coefficient() == null
                ? I18n.get("tier.bonus.noData") : b.coefficient().toPlainString(), 90));
        bonus.setPlaceholder(new Label(I18n.get("tier.bonus.empty")));
        VBox.setVgrow(bonus, Priority.ALWAYS);
        formula.setId("tierFormula");
        formula.setPrefColumnCount(24);
        formula.setEditable(context.currentUser().role().seesEverything());
        Button save = new Button(I18n.get("tier.formula.save"), new FontIcon(Feather.SAVE));
        save.setId("tierFormulaSave");
        save.setVisible(context.currentUser().role().seesEverything());
        save.setOnAction(e -> saveFormula());
        formulaError.setId("tierFormulaError");
        formulaError.getStyleClass().add(Styles.DANGER);
        formulaError.setWrapText(true);
        HBox formulaBar = new HBox(8, new Label(I18n.get("tier.formula.label")), formula, save);
        formulaBar.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label(I18n.get("tier.formula.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(6, title, bonus, formulaBar, hint, formulaError);
    }

    private VBox createTeams() {
        Label title = new Label(I18n.get("tier.teams.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        teams.setId("tierTeams");
        teams.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        teams.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        teams.getColumns().add(column("tier.col.team", Completion::name, 120));
        teams.getColumns().add(column("tier.col.done", c -> c.done() + " / " + c.required(), DONE_WIDTH));
        teams.getColumns().add(progressColumn(Function.identity()));
        teams.setPlaceholder(new Label(I18n.get("tier.bonus.empty")));
        // Its columns' widths and a vertical scroll bar: nothing is cut off beside the bonus table.
        double width = teams.getColumns().stream().mapToDouble(TableColumn::getMinWidth).sum() + 24;
        teams.setPrefWidth(width);
        teams.setMinWidth(width);
        VBox.setVgrow(teams, Priority.ALWAYS);
        return new VBox(6, title, teams);
    }

    private <T> TableColumn<T, Completion> progressColumn(Function<T, Completion> of) {
        TableColumn<T, Completion> c = new TableColumn<>(I18n.get("tier.col.completion"));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(of.apply(f.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();
            private final Label text = new Label();
            private final HBox box = new HBox(6, bar, text);

            {
                bar.setPrefWidth(90);
                box.setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(Completion item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                bar.setProgress(item.ratio().isEmpty() ? 0 : Math.min(1, item.ratio().getAsDouble()));
                text.setText(InsightTexts.percent(item.ratio()));
                setGraphic(box);
            }
        });
        c.setPrefWidth(160);
        c.setMinWidth(160);
        return c;
    }

    /** A column never narrower than {@code width}: a narrow window scrolls rather than cut a header off. */
    private static <T> TableColumn<T, String> column(String key, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(I18n.get(key));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(width);
        return c;
    }

    private void reloadRules() {
        BackgroundTask.wrap(() -> context.tiers().rules())
                .onSuccess(list -> {
                    rules.getItems().setAll(list);
                    reloadFigures();
                })
                .onFailure(ErrorDialogs::show)
                .executeWith(context.executor());
    }

    private record Figures(List<BonusRow> bonus, List<Completion> teams, BonusFormula formula) {
    }

    private void reloadFigures() {
        Quarter q = quarter.getValue();
        var viewer = context.currentUser().asActor();
        BackgroundTask.wrap(() -> {
                    List<BonusRow> rows = context.tiers().bonusTable(viewer, q.year(), q.quarter());
                    List<Completion> reps = rows.stream().map(BonusRow::completion).toList();
                    return new Figures(rows, context.tiers().perTeam(reps), context.tiers().formula());
                })
                .onSuccess(f -> {
                    bonus.getItems().setAll(f.bonus());
                    teams.getItems().setAll(f.teams());
                    formula.setText(formulaText(f.formula()));
                })
                .onFailure(ErrorDialogs::show)
                .executeWith(context.executor());
    }

    /** "0:0.80, 60:1.00, 90:1.20": from each percent upwards the coefficient. */
    static String formulaText(BonusFormula f) {
        return f.bands().stream().map(b -> b.lowerPercent() + ":" + b.coefficient().toPlainString())
                .collect(Collectors.joining(", "));
    }

    /** The bands of a formula text, or null when it cannot be read. */
    static BonusFormula parseFormula(String text) {
        List<BonusBand> bands = new ArrayList<>();
        try {
            for (String part : text.split("[,，;；]")) {
                if (part.isBlank()) {
                    continue;
                }
                String[] pair = part.strip().replace('%', ' ').split("[:：]");
                if (pair.length != 2) {
                    return null;
                }
                bands.add(new BonusBand(Integer.parseInt(pair[0].strip()), new BigDecimal(pair[1].strip())));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return new BonusFormula(bands);
    }

    private void saveFormula() {
        BonusFormula parsed = parseFormula(formula.getText());
        if (parsed == null) {
            formulaError.setText(I18n.get("tier.formula.unreadable"));
            return;
        }
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.tiers().saveFormula(actor, parsed))
                .onSuccess(saved -> {
                    formulaError.setText("");
                    reloadFigures();
                })
                .onFailure(error -> formulaError.setText(InsightTexts.refusal(error)))
                .executeWith(context.executor());
    }

    private void edit(TierRule rule) {
        new TierRuleDialog(rule).showAndWait().ifPresent(changed -> {
            var actor = context.currentUser().asActor();
            BackgroundTask.wrap(() -> context.tiers().save(actor, changed))
                    .onSuccess(saved -> reloadRules())
                    .onFailure(TierRulesView::refused)
                    .executeWith(context.executor());
        });
    }

    private void delete(TierRule rule) {
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.tiers().delete(actor, rule))
                .onSuccess(v -> reloadRules())
                .onFailure(TierRulesView::refused)
                .executeWith(context.executor());
    }

    private static void refused(Throwable error) {
        if (!(error instanceof io.salesdesk.core.SalesDeskException)) {
            ErrorDialogs.show(error);
            return;
        }
        Alert alert = new Alert(Alert.AlertType.WARNING, InsightTexts.refusal(error), ButtonType.OK);
        alert.setHeaderText(I18n.get("tier.rules.refused"));
        Stylesheets.addTo(alert.getDialogPane());
        alert.show();
    }
}
