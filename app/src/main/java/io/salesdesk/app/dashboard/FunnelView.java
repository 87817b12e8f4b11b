package io.salesdesk.app.dashboard;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.crm.OpportunityStage;
import io.salesdesk.insight.funnel.Funnel;
import io.salesdesk.insight.funnel.FunnelFigures;
import io.salesdesk.insight.funnel.FunnelNode;
import io.salesdesk.insight.funnel.MeasureText;
import io.salesdesk.insight.funnel.MissedNode;
import io.salesdesk.insight.funnel.NodeConversion;
import io.salesdesk.insight.funnel.RepConversion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * 漏斗 on the dashboard: a funnel's nodes as a chart (deals that passed each node and every node
 * before it, with the node's own conversion), conversion per rep and node, and the deals that missed
 * a node with the data; managers edit the nodes and thresholds in a dialog.
 */
public final class FunnelView extends VBox {

    private final AppContext context;
    private final ComboBox<Funnel> picker = new ComboBox<>();
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final Label noData = new Label();
    private final TableView<RepRow> reps = new TableView<>();
    private final TableView<MissedNode> missed = new TableView<>();
    private List<OpportunityStage> stages = List.of();
    private MeasureText words;
    private FunnelFigures shown;

    public FunnelView(AppContext context, EventBus bus) {
        super(12);
        this.context = context;
        setId("funnelView");
        getStyleClass().add("funnel-view");
        words = InsightTexts.measureText(stages);
        noData.setId("funnelNoData");
        noData.getStyleClass().add(Styles.TEXT_MUTED);
        noData.setWrapText(true);
        noData.managedProperty().bind(noData.visibleProperty());
        chart.setId("funnelChart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(260);
        chart.getYAxis().setLabel(I18n.get("funnel.chart.axis"));
        SplitPane tables = new SplitPane(createReps(), createMissed());
        tables.setDividerPositions(0.4);
        VBox.setVgrow(tables, Priority.ALWAYS);
        getChildren().addAll(createBar(), noData, chart, tables);
        load(null);
    }

    private HBox createBar() {
        Label title = new Label(I18n.get("funnel.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        picker.setId("funnelPicker");
        picker.setCellFactory(l -> new FunnelCell());
        picker.setButtonCell(new FunnelCell());
        picker.setOnAction(e -> {
            if (picker.getValue() != null && (shown == null || !shown.funnel().id().equals(picker.getValue().id()))) {
                figures(picker.getValue().id());
            }
        });
        Button evaluate = new Button(I18n.get("funnel.evaluate"), new FontIcon(Feather.REFRESH_CW));
        evaluate.setId("funnelEvaluate");
        evaluate.setOnAction(e -> evaluate());
        Button edit = new Button(I18n.get("funnel.edit"), new FontIcon(Feather.EDIT_2));
        edit.setId("funnelEdit");
        edit.disableProperty().bind(picker.valueProperty().isNull());
        edit.setOnAction(e -> edit(picker.getValue()));
        Button add = new Button(I18n.get("funnel.new"), new FontIcon(Feather.PLUS));
        add.setId("funnelNew");
        add.setOnAction(e -> edit(null));
        boolean editor = context.currentUser().role() == io.salesdesk.core.Role.MANAGER
                || context.currentUser().role().seesEverything();
        edit.setVisible(editor);
        add.setVisible(editor);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, picker, spacer, evaluate, add, edit);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private VBox createReps() {
        Label title = new Label(I18n.get("funnel.reps.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        reps.setId("funnelReps");
        reps.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        reps.setPlaceholder(new Label(I18n.get("funnel.reps.empty")));
        VBox.setVgrow(reps, Priority.ALWAYS);
        return new VBox(6, title, reps);
    }

    private VBox createMissed() {
        Label title = new Label(I18n.get("funnel.missed.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        missed.setId("funnelMissed");
        missed.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        missed.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        missed.getColumns().add(column("funnel.col.deal", MissedNode::opportunityName, 180));
        missed.getColumns().add(column("funnel.col.customer", MissedNode::customerName, 150));
        missed.getColumns().add(column("funnel.col.rep", MissedNode::ownerName, 80));
        missed.getColumns().add(column("funnel.col.node", MissedNode::nodeName, 140));
        missed.getColumns().add(column("funnel.col.threshold", m -> words.threshold(m.measure()), 200));
        missed.getColumns().add(column("funnel.col.measured",
                m -> words.measured(m.measure(), m.measured(), m.evidenceAt()), 200));
        missed.getColumns().add(column("funnel.col.prompted", m -> m.promptedAt() == null ? ""
                : Formats.dateTime(m.promptedAt(), BusinessTime.ZONE), 110));
        missed.setPlaceholder(new Label(I18n.get("funnel.missed.empty")));
        VBox.setVgrow(missed, Priority.ALWAYS);
        return new VBox(6, title, missed);
    }

    private static <T> TableColumn<T, String> column(String key, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(I18n.get(key));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** Reads the funnels and shows {@code select} (or the first). */
    private void load(UUID select) {
        BackgroundTask.wrap(() -> new Loaded(context.funnels().funnels(), context.funnels().stages()))
                .onSuccess(loaded -> {
                    stages = loaded.stages();
                    words = InsightTexts.measureText(stages);
                    picker.getItems().setAll(loaded.funnels());
                    Funnel pick = loaded.funnels().stream().filter(f -> f.id().equals(select)).findFirst()
                            .orElse(loaded.funnels().isEmpty() ? null : loaded.funnels().get(0));
                    shown = null;
                    picker.setValue(pick);
                    if (pick == null) {
                        showNoFunnel();
                    } else {
                        figures(pick.id());
                    }
                })
                .onFailure(ErrorDialogs::show)
                .executeWith(context.executor());
    }

    private record Loaded(List<Funnel> funnels, List<OpportunityStage> stages) {
    }

    private void figures(UUID funnelId) {
        var viewer = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.funnels().figures(viewer, funnelId))
                .onSuccess(this::show)
                .onFailure(ErrorDialogs::show)
                .executeWith(context.executor());
    }

    private void evaluate() {
        UUID id = picker.getValue() == null ? null : picker.getValue().id();
        BackgroundTask.wrap(() -> context.funnels().evaluateNow())
                .onSuccess(report -> load(id))
                .onFailure(ErrorDialogs::show)
                .executeWith(context.executor());
    }

    private void showNoFunnel() {
        noData.setText(I18n.get("funnel.none"));
        noData.setVisible(true);
        chart.getData().clear();
        reps.getItems().clear();
        missed.getItems().clear();
    }

    private void show(FunnelFigures figures) {
        shown = figures;
        noData.setVisible(figures.empty());
        noData.setText(I18n.get("funnel.noData"));
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(I18n.get("funnel.chart.series"));
        for (NodeConversion n : figures.nodes()) {
            series.getData().add(new XYChart.Data<>(I18n.get("funnel.chart.node", n.order(), n.name(),
                    InsightTexts.percent(n.rate())), n.reachedAll()));
        }
        chart.getData().setAll(List.of(series));
        showReps(figures);
        missed.getItems().setAll(figures.missed());
    }

    /** One rep's row: passed and missed per node. */
    record RepRow(UUID ownerId, String name, Map<UUID, RepConversion> byNode) {
    }

    private void showReps(FunnelFigures figures) {
        Map<UUID, RepRow> rows = new LinkedHashMap<>();
        for (RepConversion r : figures.reps()) {
            rows.computeIfAbsent(r.ownerId(), id -> new RepRow(id, r.ownerName(), new LinkedHashMap<>()))
                    .byNode().put(r.nodeId(), r);
        }
        List<TableColumn<RepRow, String>> columns = new ArrayList<>();
        columns.add(column("funnel.col.rep", RepRow::name, 90));
        for (FunnelNode node : figures.funnel().nodes()) {
            TableColumn<RepRow, String> c = new TableColumn<>(node.order() + ". " + node.name());
            c.setCellValueFactory(f -> {
                RepConversion r = f.getValue().byNode().get(node.id());
                return new ReadOnlyObjectWrapper<>(r == null || r.passed() + r.missed() == 0 ? I18n.get("insight.noRatio")
                        : I18n.get("funnel.reps.cell", r.passed(), r.passed() + r.missed(), InsightTexts.percent(r.rate())));
            });
            c.setPrefWidth(120);
            columns.add(c);
        }
        reps.getColumns().setAll(columns);
        reps.setItems(FXCollections.observableArrayList(rows.values()));
    }

    private void edit(Funnel funnel) {
        new FunnelEditDialog(funnel, stages, words).showAndWait().ifPresent(changed -> {
            var actor = context.currentUser().asActor();
            BackgroundTask.wrap(() -> context.funnels().save(actor, changed))
                    .onSuccess(saved -> load(saved.id()))
                    .onFailure(error -> FunnelEditDialog.refused(error))
                    .executeWith(context.executor());
        });
    }

    /** What the view shows now; for tests. */
    FunnelFigures shown() {
        return shown;
    }

    private static final class FunnelCell extends ListCell<Funnel> {
        @Override
        protected void updateItem(Funnel item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.name());
        }
    }
}
