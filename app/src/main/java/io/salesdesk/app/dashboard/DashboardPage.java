package io.salesdesk.app.dashboard;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Navigation;
import io.salesdesk.app.dashboard.charts.ChartExport;
import io.salesdesk.app.dashboard.charts.ChartTable;
import io.salesdesk.core.Actor;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.insight.kpi.KpiComparison;
import io.salesdesk.studio.dashboard.DashboardLayout;
import io.salesdesk.studio.field.CustomFieldService;
import io.salesdesk.insight.kpi.KpiFigure;
import io.salesdesk.insight.kpi.KpiGroupFigures;
import io.salesdesk.insight.kpi.KpiGrouping;
import io.salesdesk.insight.kpi.KpiKind;
import io.salesdesk.insight.kpi.KpiRecord;
import io.salesdesk.insight.kpi.KpiReport;
import io.salesdesk.insight.kpi.MonthlyAmount;
import io.salesdesk.insight.kpi.Period;
import io.salesdesk.insight.kpi.PeriodComparison;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * 仪表盘: tabs of insight views, the first (概览) the KPI tiles with their change against the
 * comparison period and six-month sparklines, and charts of signed amount per group and month,
 * lead response and conversion. A tile or a bar opens the records behind it; a record opens its
 * customer. Every chart saves as PNG and its data as .xlsx. Figures load on the injected executor.
 */
public final class DashboardPage extends BorderPane {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private final AppContext context;
    private final EventBus bus;
    private final Actor viewer;
    private final ComboBox<PeriodChoice> periodBox = new ComboBox<>();
    private final DatePicker fromPicker = new DatePicker();
    private final DatePicker pivotPicker = new DatePicker();
    private final DatePicker toPicker = new DatePicker();
    private final ComboBox<KpiGrouping> groupingBox = new ComboBox<>();
    private final Label periodLabel = new Label();
    private static final Logger LOG = LoggerFactory.getLogger(DashboardPage.class);
    private final Label problem = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Map<KpiKind, KpiTile> tiles = new EnumMap<>(KpiKind.class);
    private TilePane tilePane;
    private DashboardLayout layout;
    private DashboardWidgets widgets = DashboardWidgets.builtInOnly();
    private FieldChartsPane fieldCharts;
    private GridPane chartGrid;
    private final BarChart<String, Number> signedChart = barChart("signedChart", I18n.get("dashboard.chart.wan"));
    private final BarChart<String, Number> responseChart = barChart("responseChart", I18n.get("dashboard.chart.minutes"));
    private final BarChart<String, Number> conversionChart = barChart("conversionChart", "%");
    private final VBox drillPane = new VBox(8);
    private final Label drillTitle = new Label();
    private final TableView<KpiRecord> drillTable = new TableView<>();
    private HBox overviewControls;
    private KpiComparison shown;

    public DashboardPage(AppContext context, EventBus bus) {
        this.context = context;
        this.bus = bus;
        this.viewer = context.currentUser().asActor();
        getStyleClass().addAll("page", "dashboard");
        setTop(createHeader());
        setCenter(createTabs());
        reload();
    }

    /** The dashboard's tabs, 概览 first; further insight views are added here as tabs. */
    private TabPane createTabs() {
        TabPane tabs = new TabPane();
        tabs.setId("dashboardTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(Styles.TABS_FLOATING);
        Tab overview = new Tab(I18n.get("dashboard.tab.overview"), createOverview());
        overview.setId("overviewTab");
        overview.setGraphic(new FontIcon(Feather.ACTIVITY));
        // The period and grouping pickers drive 概览 only; the other tabs have their own.
        overviewControls.visibleProperty().bind(overview.selectedProperty());
        periodLabel.visibleProperty().bind(overview.selectedProperty());
        tabs.getTabs().add(overview);
        tabs.getTabs().addAll(
                lazyTab("funnelTab", "dashboard.tab.funnel", Feather.FILTER, () -> new FunnelView(context, bus)),
                lazyTab("tiersTab", "dashboard.tab.tiers", Feather.AWARD, () -> new TierRulesView(context, bus)),
                lazyTab("forecastTab", "dashboard.tab.forecast", Feather.TRENDING_UP, () -> new ForecastView(context, bus)),
                lazyTab("dailyReportTab", "dashboard.tab.dailyReport", Feather.FILE_TEXT,
                        () -> new DailyReportView(context, bus)));
        // A manager's coaching digest in the inbox opens the funnel tab.
        bus.subscribe(Navigation.ShowDashboardTab.class, e -> tabs.getTabs().stream()
                .filter(t -> e.tabId().equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t)));
        return tabs;
    }

    /** A tab whose view is made (and loads its data) the first time it is selected. */
    private static Tab lazyTab(String id, String titleKey, Feather icon, Supplier<Node> view) {
        Tab tab = new Tab(I18n.get(titleKey));
        tab.setId(id);
        tab.setGraphic(new FontIcon(icon));
        tab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected && tab.getContent() == null) {
                tab.setContent(view.get());
            }
        });
        return tab;
    }

    // ------------------------------------------------------------------ header

    private VBox createHeader() {
        Label title = new Label(I18n.get("nav.DASHBOARD"));
        title.getStyleClass().add(Styles.TITLE_2);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        periodBox.setId("periodChoice");
        periodBox.getItems().setAll(PeriodChoice.values());
        periodBox.setConverter(labels(c -> I18n.get("dashboard.period." + c.name())));
        periodBox.setValue(PeriodChoice.THIS_QUARTER);
        LocalDate today = BusinessTime.today(context.clock());
        fromPicker.setId("periodFrom");
        fromPicker.setValue(today.withDayOfMonth(1).minusMonths(2));
        pivotPicker.setId("periodPivot");
        pivotPicker.setValue(today.withDayOfMonth(1).minusMonths(1));
        toPicker.setId("periodTo");
        toPicker.setValue(today);
        for (DatePicker p : List.of(fromPicker, pivotPicker, toPicker)) {
            p.setPrefWidth(130);
            p.managedProperty().bind(p.visibleProperty());
        }
        pivotPicker.setPromptText(I18n.get("dashboard.period.pivot"));
        groupingBox.setId("groupingChoice");
        groupingBox.getItems().setAll(KpiGrouping.REP, KpiGrouping.TEAM, KpiGrouping.REGION);
        groupingBox.setConverter(labels(g -> I18n.get("dashboard.grouping." + g.name())));
        groupingBox.setValue(KpiGrouping.REP);
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("dashboardRefresh");
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON);
        refresh.setOnAction(e -> reload());
        busy.setPrefSize(18, 18);
        busy.setVisible(false);
        periodBox.setOnAction(e -> {
            showPickers();
            reload();
        });
        groupingBox.setOnAction(e -> reload());
        for (DatePicker p : List.of(fromPicker, pivotPicker, toPicker)) {
            p.setOnAction(e -> reload());
        }
        showPickers();
        Button compose = new Button(null, new FontIcon(Feather.LAYOUT));
        compose.setId("dashboardCompose");
        compose.getStyleClass().addAll(Styles.BUTTON_ICON);
        compose.setTooltip(new javafx.scene.control.Tooltip(I18n.get("dashboard.composer.title")));
        compose.setOnAction(e -> compose());
        HBox controls = new HBox(8, busy, label("dashboard.period"), periodBox, fromPicker, pivotPicker, toPicker,
                label("dashboard.grouping"), groupingBox, refresh, compose);
        controls.setAlignment(Pos.CENTER_RIGHT);
        overviewControls = controls;
        HBox top = new HBox(12, title, spacer, controls);
        top.setAlignment(Pos.CENTER_LEFT);
        periodLabel.setId("periodLabel");
        periodLabel.getStyleClass().add(Styles.TEXT_MUTED);
        problem.setId("dashboardProblem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setVisible(false);
        VBox header = new VBox(4, top, periodLabel, problem);
        header.setPadding(new Insets(0, 0, 12, 0));
        return header;
    }

    private void showPickers() {
        PeriodChoice c = periodBox.getValue();
        boolean dates = c == PeriodChoice.CUSTOM || c == PeriodChoice.BEFORE_AFTER;
        fromPicker.setVisible(dates);
        toPicker.setVisible(dates);
        pivotPicker.setVisible(c == PeriodChoice.BEFORE_AFTER);
    }

    // ------------------------------------------------------------------ overview

    private ScrollPane createOverview() {
        tilePane = new TilePane(12, 12);
        tilePane.setId("kpiTiles");
        tilePane.setPrefColumns(4);
        tilePane.setPrefTileWidth(250);
        for (KpiKind kind : KpiKind.values()) {
            KpiTile tile = new KpiTile(kind, () -> drill(kind, null, null));
            tiles.put(kind, tile);
            tilePane.getChildren().add(tile);
        }
        GridPane charts = new GridPane();
        charts.setHgap(12);
        charts.setVgap(12);
        charts.add(chartCard("signedChart", "dashboard.chart.signed", signedChart), 0, 0, 2, 1);
        charts.add(chartCard("responseChart", "dashboard.chart.response", responseChart), 0, 1);
        charts.add(chartCard("conversionChart", "dashboard.chart.conversion", conversionChart), 1, 1);
        for (Node n : charts.getChildren()) {
            GridPane.setHgrow(n, Priority.ALWAYS);
            n.managedProperty().bind(n.visibleProperty());
        }
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        charts.getColumnConstraints().setAll(half, half);
        chartGrid = charts;
        fieldCharts = new FieldChartsPane(context);
        VBox content = new VBox(16, tilePane, createDrillPane(), charts, fieldCharts);
        loadLayout();
        content.setPadding(new Insets(12, 4, 12, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId("overviewScroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        return scroll;
    }

    // ------------------------------------------------------------------ composer

    /** Shows the tiles and charts of the user's layout, in its order; the others are left out. */
    void applyLayout(DashboardLayout layout) {
        this.layout = layout;
        List<Node> ordered = new java.util.ArrayList<>();
        for (String widget : layout.widgets()) {
            if (widget.startsWith(DashboardWidgets.KPI)) {
                ordered.add(tiles.get(KpiKind.valueOf(widget.substring(DashboardWidgets.KPI.length()))));
            }
        }
        tilePane.getChildren().setAll(ordered);
        tilePane.setVisible(!ordered.isEmpty());
        tilePane.setManaged(!ordered.isEmpty());
        for (String chart : DashboardWidgets.CHARTS) {
            chartGrid.lookup("#" + chart + "ChartCard").setVisible(layout.widgets().contains(DashboardWidgets.CHART + chart));
        }
        fieldCharts.show(widgets, layout.widgets());
    }

    /** The layout with the widgets to choose from: the built-in ones and the custom fields' charts. */
    private record WidgetLayout(DashboardWidgets widgets, DashboardLayout layout) {
    }

    private WidgetLayout loadWidgetLayout(io.salesdesk.core.Actor actor) {
        List<io.salesdesk.studio.field.CustomField> fields = new java.util.ArrayList<>();
        DashboardWidgets.COUNTED.forEach(e -> fields.addAll(context.customFields().fields(e)));
        DashboardWidgets known = new DashboardWidgets(fields);
        return new WidgetLayout(known, context.dashboardLayouts().layoutFor(actor, DashboardWidgets.builtIn(), known.known()));
    }

    private void showWidgetLayout(WidgetLayout loaded) {
        widgets = loaded.widgets();
        applyLayout(loaded.layout());
    }

    private void loadLayout() {
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> loadWidgetLayout(actor))
                .onSuccess(this::showWidgetLayout)
                .onFailure(ErrorDialogs::show)
                .executeWith(context.executor());
    }

    private void compose() {
        var actor = context.currentUser().asActor();
        DashboardLayout current = layout != null ? layout
                : new DashboardLayout(DashboardWidgets.builtIn(), DashboardLayout.Source.BUILT_IN);
        new DashboardComposer(current, widgets, CustomFieldService.mayConfigure(actor)).showAndWait().ifPresent(choice ->
                BackgroundTask.wrap(() -> {
                    switch (choice.action()) {
                        case SAVE_OWN -> context.dashboardLayouts().saveOwn(actor, choice.widgets());
                        case SAVE_TEAM -> context.dashboardLayouts().saveTeamDefault(actor, choice.widgets());
                        case RESET -> context.dashboardLayouts().resetOwn(actor);
                    }
                    return loadWidgetLayout(actor);
                }).onSuccess(this::showWidgetLayout).onFailure(ErrorDialogs::show).executeWith(context.executor()));
    }

    private VBox chartCard(String id, String titleKey, BarChart<String, Number> chart) {
        Label title = new Label(I18n.get(titleKey));
        title.getStyleClass().add(Styles.TITLE_4);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, spacer, ChartExport.buttons(id, chart,
                () -> ChartTable.of(I18n.get(titleKey), groupingBox.getConverter().toString(groupingBox.getValue()), chart),
                () -> I18n.get(titleKey) + " " + (shown == null ? "" : shown.current().period().from() + "_"
                        + shown.current().period().to())));
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(4, bar, chart);
        card.setId(id + "Card");
        card.getStyleClass().add("chart-card");
        return card;
    }

    private static BarChart<String, Number> barChart(String id, String unit) {
        NumberAxis values = new NumberAxis();
        values.setLabel(unit);
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), values);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setPrefHeight(280);
        chart.setMinHeight(240);
        chart.setCategoryGap(14);
        chart.setBarGap(2);
        return chart;
    }

    private VBox createDrillPane() {
        drillTitle.setId("drillTitle");
        drillTitle.getStyleClass().add(Styles.TITLE_4);
        Button close = new Button(null, new FontIcon(Feather.X));
        close.setId("drillClose");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        close.setOnAction(e -> drillPane.setVisible(false));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label(I18n.get("dashboard.drill.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox bar = new HBox(8, drillTitle, hint, spacer, ChartExport.buttons("drill", drillTable, this::drillData,
                () -> drillTitle.getText()), close);
        bar.setAlignment(Pos.CENTER_LEFT);
        drillTable.setId("drillTable");
        drillTable.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        drillTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        drillTable.getColumns().add(column("dashboard.drill.col.record", KpiRecord::title, 300));
        drillTable.getColumns().add(column("dashboard.drill.col.owner", r -> r.ownerName() == null ? "" : r.ownerName(), 100));
        drillTable.getColumns().add(column("dashboard.drill.col.day", r -> Formats.date(r.day()), 110));
        drillTable.getColumns().add(column("dashboard.drill.col.value", r -> r.value() == null ? ""
                : r.value().stripTrailingZeros().toPlainString(), 110));
        drillTable.getColumns().add(column("dashboard.drill.col.detail", r -> r.detail() == null ? ""
                : I18n.has("kpi.detail." + r.detail()) ? I18n.get("kpi.detail." + r.detail()) : r.detail(), 160));
        drillTable.setPlaceholder(new Label(I18n.get("dashboard.drill.empty")));
        drillTable.setPrefHeight(300);
        drillTable.setRowFactory(t -> {
            TableRow<KpiRecord> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem());
                }
            });
            return row;
        });
        drillPane.setId("drillPane");
        drillPane.getStyleClass().add("chart-card");
        drillPane.getChildren().setAll(bar, drillTable);
        drillPane.managedProperty().bind(drillPane.visibleProperty());
        drillPane.setVisible(false);
        return drillPane;
    }

    private static TableColumn<KpiRecord, String> column(String key, Function<KpiRecord, String> text, double width) {
        TableColumn<KpiRecord, String> c = new TableColumn<>(I18n.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private ChartTable drillData() {
        List<List<Object>> rows = new ArrayList<>();
        for (KpiRecord r : drillTable.getItems()) {
            rows.add(List.of(r.title(), r.ownerName() == null ? "" : r.ownerName(),
                    r.day() == null ? "" : r.day().toString(), r.value() == null ? "" : r.value(),
                    r.detail() == null ? "" : r.detail()));
        }
        List<String> headers = drillTable.getColumns().stream().map(TableColumn::getText).toList();
        return new ChartTable(I18n.get("dashboard.drill.sheet"), headers, rows);
    }

    /** Opens the record a drill-down row is about: the contract, the lead, else the customer it belongs to. */
    private void open(KpiRecord record) {
        Object event = DrillTargets.eventFor(record);
        if (event != null) {
            bus.publish(event);
        }
    }

    // ------------------------------------------------------------------ loading

    private record Loaded(KpiComparison comparison, List<MonthlyAmount> monthly) {
    }

    /** Loads the figures of the picked period and grouping in the background. */
    public void reload() {
        PeriodComparison periods;
        try {
            periods = periodBox.getValue().periods(BusinessTime.today(context.clock()), fromPicker.getValue(),
                    pivotPicker.getValue(), toPicker.getValue());
        } catch (RuntimeException e) {
            problem.setText(I18n.get(periodBox.getValue() == PeriodChoice.BEFORE_AFTER ? "dashboard.period.badPivot"
                    : "dashboard.period.bad"));
            problem.setVisible(true);
            return;
        }
        problem.setVisible(false);
        if (fieldCharts != null) {
            fieldCharts.refresh();
        }
        KpiGrouping grouping = groupingBox.getValue();
        busy.setVisible(true);
        // First paint: the tiles, the whole scope of both periods; the per-group charts and the
        // sparklines follow, so the figures a director reads first do not wait for them.
        BackgroundTask.wrap(() -> context.kpis().compare(viewer, periods, KpiGrouping.ALL))
                .onSuccess(totals -> {
                    showTiles(totals);
                    loadGroups(totals, grouping);
                })
                .onFailure(this::showLoadFailure)
                .executeWith(context.executor());
    }

    /** Says the figures could not be read, and why, above the tiles; the next refresh tries again. */
    private void showLoadFailure(Throwable error) {
        busy.setVisible(false);
        LOG.warn("The dashboard's figures could not be read", error);
        problem.setText(I18n.get("dashboard.loadFailed", I18n.message(error)));
        problem.setVisible(true);
    }

    /** The per-group figures of the current period and the monthly bars, behind the charts. */
    private void loadGroups(KpiComparison totals, KpiGrouping grouping) {
        Period current = totals.periods().current();
        BackgroundTask.wrap(() -> new Loaded(new KpiComparison(totals.periods(),
                        context.kpis().report(viewer, current, grouping), totals.baseline()),
                        context.kpis().signedByMonth(viewer, current, grouping)))
                .onSuccess(loaded -> {
                    show(loaded);
                    loadTrend(YearMonth.from(current.to()));
                })
                .onFinished(() -> busy.setVisible(false))
                .onFailure(this::showLoadFailure)
                .executeWith(context.executor());
    }

    /** The sparklines, after the figures: six more months must not hold up the first paint. */
    private void loadTrend(YearMonth last) {
        BackgroundTask.wrap(() -> context.kpis().monthlyTrend(viewer, last, 6))
                .onSuccess(months -> tiles.values().forEach(t -> t.showTrend(months)))
                .onFailure(this::showLoadFailure)
                .executeWith(context.executor());
    }

    private void showTiles(KpiComparison totals) {
        shown = totals;
        PeriodComparison p = totals.periods();
        periodLabel.setText(I18n.get(p.isBeforeAfter() ? "dashboard.period.label.beforeAfter"
                : "dashboard.period.label", Formats.date(p.current().from()), Formats.date(p.current().to()),
                Formats.date(p.baseline().from()), Formats.date(p.baseline().to())));
        tiles.values().forEach(t -> t.show(totals));
    }

    private void show(Loaded loaded) {
        showTiles(loaded.comparison());
        showSignedChart(loaded.monthly());
        showGroupChart(responseChart, List.of(KpiKind.RESPONSE_MEDIAN, KpiKind.RESPONSE_P90));
        showGroupChart(conversionChart, List.of(KpiKind.LEAD_CONVERSION));
    }

    private void showSignedChart(List<MonthlyAmount> monthly) {
        Map<YearMonth, XYChart.Series<String, Number>> byMonth = new LinkedHashMap<>();
        for (MonthlyAmount m : monthly) {
            XYChart.Series<String, Number> series = byMonth.computeIfAbsent(m.month(), k -> {
                XYChart.Series<String, Number> s = new XYChart.Series<>();
                s.setName(k.toString());
                return s;
            });
            XYChart.Data<String, Number> bar = new XYChart.Data<>(groupLabel(m.groupName()),
                    m.amount().divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP));
            clickable(bar, KpiKind.SIGNED_AMOUNT, m.groupId(), m.groupName());
            series.getData().add(bar);
        }
        signedChart.getData().setAll(byMonth.values());
    }

    private void showGroupChart(BarChart<String, Number> chart, List<KpiKind> kinds) {
        List<XYChart.Series<String, Number>> all = new ArrayList<>();
        for (KpiKind kind : kinds) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(KpiText.label(kind));
            for (KpiGroupFigures g : shown.current().groups()) {
                KpiFigure f = g.figure(kind);
                if (f.hasValue()) {
                    XYChart.Data<String, Number> bar = new XYChart.Data<>(groupLabel(g.groupName()), f.value());
                    clickable(bar, kind, g.groupId(), g.groupName());
                    series.getData().add(bar);
                }
            }
            all.add(series);
        }
        chart.getData().setAll(all);
    }

    private void clickable(XYChart.Data<String, Number> bar, KpiKind kind, UUID groupId, String groupName) {
        bar.nodeProperty().addListener((o, old, node) -> {
            if (node != null) {
                node.setOnMouseClicked(e -> drill(kind, groupId, groupName));
                node.setCursor(javafx.scene.Cursor.HAND);
                javafx.scene.control.Tooltip.install(node, new javafx.scene.control.Tooltip(groupLabel(groupName)
                        + " · " + KpiText.number(kind, kind == KpiKind.SIGNED_AMOUNT
                        ? bar.getYValue() instanceof BigDecimal b ? b.multiply(TEN_THOUSAND) : BigDecimal.ZERO
                        : new BigDecimal(bar.getYValue().toString()))));
            }
        });
    }

    private static String groupLabel(String name) {
        return name == null ? I18n.get("dashboard.unassigned") : name;
    }

    /** Shows the records behind {@code kind}'s figure, of one group or (null) of the whole scope. */
    private void drill(KpiKind kind, UUID groupId, String groupName) {
        if (shown == null) {
            return;
        }
        KpiReport current = shown.current();
        KpiGrouping grouping = groupName == null && groupId == null ? KpiGrouping.ALL : current.grouping();
        BackgroundTask.wrap(() -> context.kpis().drillDown(viewer, kind, current.period(), grouping, groupId))
                .onSuccess(records -> {
                    drillTable.getItems().setAll(records);
                    BigDecimal sum = records.stream().map(KpiRecord::value).filter(v -> v != null)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    drillTitle.setText(I18n.get("dashboard.drill.title", KpiText.label(kind),
                            grouping == KpiGrouping.ALL ? I18n.get("dashboard.drill.all") : groupLabel(groupName),
                            records.size(), sum.stripTrailingZeros().toPlainString()));
                    drillPane.setVisible(true);
                })
                .executeWith(context.executor());
    }

    private Label label(String key) {
        Label l = new Label(I18n.get(key));
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private static <T> StringConverter<T> labels(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }
}
