package io.salesdesk.app.dashboard;

import io.salesdesk.app.dashboard.charts.ChartExport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;


import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.insight.forecast.AccuracyFigure;
import io.salesdesk.insight.forecast.ForecastEntry;
import io.salesdesk.insight.forecast.ForecastLevel;
import io.salesdesk.insight.forecast.ForecastMethod;
import io.salesdesk.insight.forecast.ForecastPeriod;
import io.salesdesk.insight.forecast.ForecastRow;
import io.salesdesk.insight.forecast.ForecastService;
import io.salesdesk.insight.forecast.ProcurementLine;

/**
 * 销售预测: the forecast of a month or quarter per rep, team or region — weighted pipeline, run-rate,
 * commit, adjusted and actual — where a rep enters their commit on their own row and a manager
 * adjusts a row with a note (the history of both beside the table); the accuracy of the forecasts
 * frozen for the last closed quarters (MAPE and bias per level and method, as a chart that can be
 * exported as PNG with its data as .xlsx); and the procurement table with the suggested orders.
 */
public final class ForecastView extends BorderPane {

    /** Published after a commit, an adjustment or a freeze, so other views can refresh. */
    public record ForecastChanged(ForecastPeriod period) {
    }

    private static final int ACCURACY_QUARTERS = 3;

    private final AppContext context;
    private final EventBus bus;
    private final ForecastService forecasts;
    private final ToggleGroup kindGroup = new ToggleGroup();
    private final ComboBox<ForecastPeriod> periods = new ComboBox<>();
    private final ToggleGroup levelGroup = new ToggleGroup();
    private final TableView<ForecastRow> table = new TableView<>();
    private final ListView<ForecastEntry> history = new ListView<>();
    private final TextField amount = new TextField();
    private final TextField note = new TextField();
    private final Button commit = new Button(I18n.get("forecast.commit"), new FontIcon(Feather.CHECK));
    private final Button adjust = new Button(I18n.get("forecast.adjust"), new FontIcon(Feather.EDIT_2));
    private final Button freeze = new Button(I18n.get("forecast.freeze"), new FontIcon(Feather.LOCK));
    private final Label message = new Label();
    private final Label frozenLabel = new Label();
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final TableView<AccuracyFigure> accuracyTable = new TableView<>();
    private final Label accuracyPeriods = new Label();
    private final TableView<ProcurementLine> procurement = new TableView<>();
    /** The global safety stock as last read; before the first read a save of it is checked against 0. */
    private BigDecimal defaultSafetyAsRead = BigDecimal.ZERO;
    private List<AccuracyFigure> accuracy = List.of();

    public ForecastView(AppContext context, EventBus bus) {
        this.context = context;
        this.bus = bus;
        this.forecasts = context.forecasts();
        setId("forecastView");
        TabPane tabs = new TabPane(
                tab("forecast.tab.table", "forecastTableTab", createForecastPane()),
                tab("forecast.tab.accuracy", "forecastAccuracyTab", createAccuracyPane()),
                tab("forecast.tab.procurement", "forecastProcurementTab", createProcurementPane()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setTop(createHeader());
        setCenter(tabs);
        setPadding(new Insets(12));
        BorderPane.setMargin(tabs, new Insets(8, 0, 0, 0));
        refresh();
        loadAccuracy();
    }

    private static Tab tab(String key, String id, Node content) {
        Tab tab = new Tab(I18n.get(key), content);
        tab.setId(id);
        return tab;
    }

    private Actor actor() {
        return context.currentUser().asActor();
    }

    private Node createHeader() {
        ToggleButton month = new ToggleButton(I18n.get("forecast.kind.MONTH"));
        ToggleButton quarter = new ToggleButton(I18n.get("forecast.kind.QUARTER"));
        month.setUserData(ForecastPeriod.Kind.MONTH);
        quarter.setUserData(ForecastPeriod.Kind.QUARTER);
        month.setId("forecastMonth");
        quarter.setId("forecastQuarter");
        month.getStyleClass().add(Styles.LEFT_PILL);
        quarter.getStyleClass().add(Styles.RIGHT_PILL);
        month.setToggleGroup(kindGroup);
        quarter.setToggleGroup(kindGroup);
        quarter.setSelected(true);
        kindGroup.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                fillPeriods();
            }
        });
        periods.setId("forecastPeriod");
        periods.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ForecastPeriod p) {
                return p == null ? "" : p.label();
            }

            @Override
            public ForecastPeriod fromString(String s) {
                return null;
            }
        });
        fillPeriods();
        periods.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                refresh();
            }
        });
        HBox levels = new HBox();
        List<ForecastLevel> available = forecasts.levels(actor());
        for (int i = 0; i < available.size(); i++) {
            ForecastLevel level = available.get(i);
            ToggleButton b = new ToggleButton(I18n.label("forecast.level", level));
            b.setId("forecastLevel" + level.name());
            b.setUserData(level);
            b.setToggleGroup(levelGroup);
            if (available.size() > 1) {
                b.getStyleClass().add(i == 0 ? Styles.LEFT_PILL
                        : i == available.size() - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            }
            levels.getChildren().add(b);
            b.setSelected(i == 0);
        }
        levelGroup.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                refresh();
            }
        });
        freeze.setId("forecastFreeze");
        freeze.setVisible(mayManage());
        freeze.setManaged(mayManage());
        freeze.setOnAction(e -> freeze());
        frozenLabel.setId("forecastFrozen");
        frozenLabel.getStyleClass().add(Styles.TEXT_MUTED);
        Label title = new Label(I18n.get("forecast.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, new HBox(month, quarter), periods, levels, spacer, frozenLabel, freeze);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private boolean mayManage() {
        Role role = actor().role();
        return role == Role.MANAGER || role.seesEverything();
    }

    private void fillPeriods() {
        ForecastPeriod.Kind kind = (ForecastPeriod.Kind) kindGroup.getSelectedToggle().getUserData();
        ForecastPeriod current = ForecastPeriod.containing(kind, forecasts.today());
        List<ForecastPeriod> list = new ArrayList<>();
        for (int i = 3; i >= -1; i--) {
            list.add(current.minus(i));
        }
        periods.setItems(FXCollections.observableList(list));
        periods.setValue(current);
    }

    private ForecastPeriod period() {
        return periods.getValue();
    }

    private ForecastLevel level() {
        return (ForecastLevel) levelGroup.getSelectedToggle().getUserData();
    }

    // ------------------------------------------------------------------ forecast table

    private Node createForecastPane() {
        table.setId("forecastTable");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().setAll(List.of(
                text("forecast.col.name", ForecastRow::subjectName, 140),
                money("forecast.col.weighted", ForecastRow::weighted),
                money("forecast.col.runRate", ForecastRow::runRate),
                money("forecast.col.commit", ForecastRow::commit),
                money("forecast.col.adjusted", ForecastRow::adjusted),
                money("forecast.col.actual", ForecastRow::actual)));
        table.setPlaceholder(new Label(I18n.get("forecast.noRows")));
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> selected(now));

        amount.setId("forecastAmount");
        amount.setPromptText(I18n.get("forecast.amount.prompt"));
        note.setId("forecastNote");
        note.setPromptText(I18n.get("forecast.note.prompt"));
        HBox.setHgrow(note, Priority.ALWAYS);
        commit.setId("forecastCommit");
        commit.getStyleClass().add(Styles.ACCENT);
        commit.setOnAction(e -> commit());
        adjust.setId("forecastAdjust");
        adjust.setOnAction(e -> adjust());
        commit.setDisable(true);
        adjust.setDisable(true);
        message.setId("forecastMessage");
        message.setWrapText(true);
        HBox editor = new HBox(8, amount, note, commit, adjust);
        editor.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(8, table, editor, message);
        VBox.setVgrow(table, Priority.ALWAYS);

        history.setId("forecastHistory");
        history.setPlaceholder(new Label(I18n.get("forecast.history.empty")));
        history.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ForecastEntry e, boolean empty) {
                super.updateItem(e, empty);
                setWrapText(true);
                setText(empty || e == null ? null : I18n.get("forecast.history.entry",
                        I18n.label("forecast.entry", e.kind()), e.byName(),
                        Formats.dateTime(e.at(), io.salesdesk.core.BusinessTime.ZONE),
                        e.oldAmount() == null ? "—" : Formats.money(e.oldAmount()), Formats.money(e.amount()),
                        e.note() == null ? "" : e.note()));
            }
        });
        Label historyTitle = new Label(I18n.get("forecast.history.title"));
        historyTitle.getStyleClass().add(Styles.TITLE_4);
        VBox right = new VBox(8, historyTitle, history);
        VBox.setVgrow(history, Priority.ALWAYS);
        right.setPrefWidth(340);
        HBox body = new HBox(16, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        body.setPadding(new Insets(8, 0, 0, 0));
        return body;
    }

    private static <T> TableColumn<T, String> text(String key, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(I18n.get(key));
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static <T> TableColumn<T, BigDecimal> money(String key, Function<T, BigDecimal> value) {
        TableColumn<T, BigDecimal> c = new TableColumn<>(I18n.get(key));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(BigDecimal item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "—" : Formats.money(item));
            }
        });
        c.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        c.setPrefWidth(110);
        return c;
    }

    private void selected(ForecastRow row) {
        boolean own = row != null && row.level() == ForecastLevel.REP
                && row.subjectId().equals(context.currentUser().id());
        commit.setDisable(!own);
        adjust.setDisable(row == null || !mayManage());
        if (row == null) {
            history.getItems().clear();
            return;
        }
        ForecastPeriod period = period();
        ForecastLevel level = level();
        Actor actor = actor();
        BackgroundTask.wrap(() -> forecasts.history(actor, period, level, row.subjectId()))
                .onSuccess(list -> history.setItems(FXCollections.observableList(list)))
                .executeWith(context.executor());
    }

    /** Reloads the table (and the procurement lines) for the chosen period and level. */
    void refresh() {
        if (period() == null || levelGroup.getSelectedToggle() == null) {
            return;
        }
        ForecastPeriod period = period();
        ForecastLevel level = level();
        Actor actor = actor();
        BackgroundTask.wrap(() -> new Loaded(forecasts.forecast(actor, period, level), forecasts.isFrozen(period),
                        context.procurement().lines(actor, period), context.procurement().defaultSafetyStock()))
                .onSuccess(loaded -> {
                    var selectedId = table.getSelectionModel().getSelectedItem() == null ? null
                            : table.getSelectionModel().getSelectedItem().subjectId();
                    table.setItems(FXCollections.observableList(loaded.rows()));
                    loaded.rows().stream().filter(r -> r.subjectId().equals(selectedId)).findFirst()
                            .ifPresent(r -> table.getSelectionModel().select(r));
                    frozenLabel.setText(loaded.frozen() ? I18n.get("forecast.frozen") : I18n.get("forecast.notFrozen"));
                    procurement.setItems(FXCollections.observableList(loaded.procurement()));
                    defaultSafetyAsRead = loaded.defaultSafety();
                })
                .executeWith(context.executor());
    }

    private record Loaded(List<ForecastRow> rows, boolean frozen, List<ProcurementLine> procurement,
                          BigDecimal defaultSafety) {
    }

    /** The amount typed: "580000", "580,000", "58万"; null with a message when it is not a number. */
    private BigDecimal typedAmount() {
        String text = amount.getText() == null ? "" : amount.getText().strip().replace(",", "").replace("，", "")
                .replace("¥", "").replace("￥", "");
        BigDecimal factor = BigDecimal.ONE;
        if (text.endsWith("万")) {
            factor = BigDecimal.valueOf(10_000);
            text = text.substring(0, text.length() - 1).strip();
        }
        try {
            BigDecimal value = new BigDecimal(text).multiply(factor);
            if (value.signum() >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        showError(I18n.get("forecast.error.amountFormat", amount.getText()));
        return null;
    }

    private void commit() {
        BigDecimal value = typedAmount();
        if (value == null) {
            return;
        }
        ForecastPeriod period = period();
        Actor actor = actor();
        String why = note.getText();
        BackgroundTask.wrap(() -> forecasts.commit(actor, period, value, why))
                .onSuccess(e -> changed(I18n.get("forecast.committed", Formats.money(e.amount()), period.label())))
                .onFailure(error -> showError(I18n.message(error)))
                .executeWith(context.executor());
    }

    private void adjust() {
        ForecastRow row = table.getSelectionModel().getSelectedItem();
        BigDecimal value = typedAmount();
        if (row == null || value == null) {
            return;
        }
        ForecastPeriod period = period();
        ForecastLevel level = level();
        Actor actor = actor();
        String why = note.getText();
        BackgroundTask.wrap(() -> forecasts.adjust(actor, period, level, row.subjectId(), value, why))
                .onSuccess(e -> changed(I18n.get("forecast.adjusted", row.subjectName(), Formats.money(e.amount()))))
                .onFailure(error -> showError(I18n.message(error)))
                .executeWith(context.executor());
    }

    private void freeze() {
        ForecastPeriod period = period();
        Actor actor = actor();
        BackgroundTask.wrap(() -> forecasts.freeze(actor, period))
                .onSuccess(n -> changed(n == 0 ? I18n.get("forecast.freeze.nothing", period.label())
                        : I18n.get("forecast.freeze.done", n, period.label())))
                .onFailure(error -> showError(I18n.message(error)))
                .executeWith(context.executor());
    }

    private void changed(String text) {
        message.getStyleClass().remove(Styles.DANGER);
        message.getStyleClass().add(Styles.SUCCESS);
        message.setText(text);
        amount.clear();
        note.clear();
        bus.publish(new ForecastChanged(period()));
        refresh();
        selected(table.getSelectionModel().getSelectedItem());
    }

    private void showError(String text) {
        message.getStyleClass().remove(Styles.SUCCESS);
        message.getStyleClass().add(Styles.DANGER);
        message.setText(text);
    }

    // ------------------------------------------------------------------ accuracy

    private Node createAccuracyPane() {
        chart.setId("accuracyChart");
        chart.setAnimated(false);
        chart.setTitle(I18n.get("forecast.accuracy.chartTitle"));
        chart.getYAxis().setLabel(I18n.get("forecast.accuracy.mapeAxis"));
        accuracyTable.setId("accuracyTable");
        accuracyTable.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        accuracyTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        accuracyTable.getColumns().setAll(List.of(
                text("forecast.col.level", (AccuracyFigure a) -> I18n.label("forecast.level", a.level()), 70),
                text("forecast.col.method", (AccuracyFigure a) -> I18n.label("forecast.method", a.method()), 90),
                text("forecast.col.mape", (AccuracyFigure a) -> percent(a.mape()), 80),
                text("forecast.col.bias", (AccuracyFigure a) -> signedPercent(a.bias()), 80),
                text("forecast.col.cells", (AccuracyFigure a) -> Integer.toString(a.measuredCells()), 60),
                text("forecast.col.remark", ForecastView::remark, 260)));
        Button png = new Button(I18n.get("forecast.export.png"), new FontIcon(Feather.IMAGE));
        png.setId("exportAccuracyPng");
        png.setOnAction(e -> choose("forecast.export.pngName", "*.png").ifPresent(this::exportChartPng));
        Button xlsx = new Button(I18n.get("forecast.export.xlsx"), new FontIcon(Feather.DOWNLOAD));
        xlsx.setId("exportAccuracyXlsx");
        xlsx.setOnAction(e -> choose("forecast.export.xlsxName", "*.xlsx").ifPresent(this::exportAccuracyXlsx));
        accuracyPeriods.setId("accuracyPeriods");
        accuracyPeriods.getStyleClass().add(Styles.TEXT_MUTED);
        Label explain = new Label(I18n.get("forecast.accuracy.explain"));
        explain.setWrapText(true);
        explain.getStyleClass().add(Styles.TEXT_SMALL);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, accuracyPeriods, spacer, png, xlsx);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, head, chart, accuracyTable, explain);
        VBox.setVgrow(chart, Priority.ALWAYS);
        accuracyTable.setPrefHeight(260);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private static String remark(AccuracyFigure a) {
        if (a.noDataReason() != null) {
            return I18n.get(a.noDataReason());
        }
        return I18n.get("forecast.accuracy.remark", a.zeroActualCells(), a.missingForecastCells());
    }

    private static String percent(BigDecimal ratio) {
        return ratio == null ? I18n.get("forecast.noData") : ratio.movePointRight(2).setScale(1, RoundingMode.HALF_UP) + "%";
    }

    private static String signedPercent(BigDecimal ratio) {
        return ratio == null ? I18n.get("forecast.noData") : (ratio.signum() > 0 ? "+" : "") + percent(ratio);
    }

    private void loadAccuracy() {
        Actor actor = actor();
        BackgroundTask.wrap(() -> forecasts.accuracy(actor, ForecastPeriod.Kind.QUARTER, ACCURACY_QUARTERS))
                .onSuccess(report -> {
                    accuracy = report.figures();
                    accuracyPeriods.setText(I18n.get("forecast.accuracy.periods", report.periods().get(0).label(),
                            report.periods().get(report.periods().size() - 1).label()));
                    accuracyTable.setItems(FXCollections.observableList(report.figures()));
                    chart.getData().clear();
                    for (ForecastLevel level : forecasts.levels(actor)) {
                        XYChart.Series<String, Number> series = new XYChart.Series<>();
                        series.setName(I18n.label("forecast.level", level));
                        for (AccuracyFigure a : report.figures()) {
                            if (a.level() == level && a.mape() != null) {
                                series.getData().add(new XYChart.Data<>(I18n.label("forecast.method", a.method()),
                                        a.mape().movePointRight(2).doubleValue()));
                            }
                        }
                        chart.getData().add(series);
                    }
                })
                .executeWith(context.executor());
    }

    /** The accuracy shown now, for tests and the export. */
    List<AccuracyFigure> accuracy() {
        return accuracy;
    }

    private java.util.Optional<Path> choose(String nameKey, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(I18n.get(nameKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern, pattern));
        var file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return java.util.Optional.ofNullable(file).map(java.io.File::toPath);
    }

    /** Writes the accuracy chart as a PNG image. */
    void exportChartPng(Path out) {
        try {
            ChartExport.writePng(chart, out);
            message.setText(I18n.get("forecast.export.done", out.getFileName()));
        } catch (IOException e) {
            showError(I18n.get("forecast.export.failed", out, e.getMessage()));
        }
    }

    /** Writes the chart's data (MAPE, bias per level and method) as an .xlsx sheet. */
    void exportAccuracyXlsx(Path out) {
        List<AccuracyFigure> figures = accuracy;
        BackgroundTask.wrap(() -> writeXlsx(figures, out))
                .onSuccess(v -> message.setText(I18n.get("forecast.export.done", out.getFileName())))
                .onFailure(e -> showError(I18n.get("forecast.export.failed", out, e.getMessage())))
                .executeWith(context.executor());
    }

    private static void writeXlsx(List<AccuracyFigure> figures, Path out) {
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream stream = Files.newOutputStream(out)) {
            Sheet sheet = book.createSheet(I18n.get("forecast.tab.accuracy"));
            String[] head = {I18n.get("forecast.col.level"), I18n.get("forecast.col.method"),
                I18n.get("forecast.col.mape"), I18n.get("forecast.col.bias"), I18n.get("forecast.col.cells"),
                I18n.get("forecast.col.remark")};
            Row first = sheet.createRow(0);
            for (int i = 0; i < head.length; i++) {
                first.createCell(i).setCellValue(head[i]);
            }
            int r = 1;
            for (AccuracyFigure a : figures) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(I18n.label("forecast.level", a.level()));
                row.createCell(1).setCellValue(I18n.label("forecast.method", a.method()));
                if (a.mape() != null) {
                    row.createCell(2).setCellValue(a.mape().doubleValue());
                }
                if (a.bias() != null) {
                    row.createCell(3).setCellValue(a.bias().doubleValue());
                }
                row.createCell(4).setCellValue(a.measuredCells());
                row.createCell(5).setCellValue(remark(a));
            }
            book.write(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ procurement

    private Node createProcurementPane() {
        procurement.setId("procurementTable");
        procurement.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        procurement.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        procurement.getColumns().setAll(List.of(
                text("forecast.proc.sku", ProcurementLine::sku, 90),
                text("forecast.proc.product", ProcurementLine::productName, 160),
                text("forecast.proc.region", l -> l.regionName() == null ? I18n.get("forecast.proc.noRegion")
                        : l.regionName(), 90),
                quantity("forecast.proc.forecast", ProcurementLine::forecast),
                quantity("forecast.proc.available", ProcurementLine::available),
                quantity("forecast.proc.inbound", ProcurementLine::inbound),
                quantity("forecast.proc.safety", ProcurementLine::safetyStock),
                quantity("forecast.proc.order", ProcurementLine::suggestedOrder),
                text("forecast.proc.unit", ProcurementLine::unit, 50)));
        procurement.setPlaceholder(new Label(I18n.get("forecast.proc.none")));
        Label explain = new Label(I18n.get("forecast.proc.explain"));
        explain.setWrapText(true);
        explain.getStyleClass().add(Styles.TEXT_SMALL);
        VBox box = new VBox(8, procurement, createSafetyEditor(), explain);
        VBox.setVgrow(procurement, Priority.ALWAYS);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    /** Safety stock: the selected SKU's own, or the global one for SKUs without their own. */
    private Node createSafetyEditor() {
        TextField quantity = new TextField();
        quantity.setId("safetyQuantity");
        quantity.setPromptText(I18n.get("forecast.safety.prompt"));
        Button forSku = new Button(I18n.get("forecast.safety.sku"));
        forSku.setId("safetyForSku");
        forSku.disableProperty().bind(procurement.getSelectionModel().selectedItemProperty().isNull());
        Button global = new Button(I18n.get("forecast.safety.global"));
        global.setId("safetyGlobal");
        Label result = new Label();
        result.setId("safetyMessage");
        forSku.setOnAction(e -> setSafety(quantity, procurement.getSelectionModel().getSelectedItem(), result));
        global.setOnAction(e -> setSafety(quantity, null, result));
        // A refused save explains itself in a sentence or two: let it wrap rather than be cut off.
        result.setWrapText(true);
        result.setMaxWidth(Double.MAX_VALUE);
        HBox editor = new HBox(8, quantity, forSku, global, result);
        HBox.setHgrow(result, javafx.scene.layout.Priority.ALWAYS);
        editor.setAlignment(Pos.CENTER_LEFT);
        editor.setVisible(mayManage());
        editor.setManaged(mayManage());
        return editor;
    }

    private void setSafety(TextField field, ProcurementLine line, Label result) {
        BigDecimal value;
        try {
            value = new BigDecimal(field.getText().strip());
        } catch (NumberFormatException e) {
            result.setText(I18n.get("forecast.safety.format", field.getText()));
            return;
        }
        Actor actor = actor();
        // What the table showed is what the save is based on: a colleague's change meanwhile is refused.
        BigDecimal asRead = line == null ? defaultSafetyAsRead : line.safetyStock();
        BackgroundTask.wrap(() -> {
            if (line == null) {
                context.procurement().setDefaultSafetyStock(actor, asRead, value);
            } else {
                context.procurement().setSafetyStock(actor, line.productId(), asRead, value);
            }
        }).onSuccess(v -> {
            result.setText(I18n.get("forecast.safety.saved"));
            field.clear();
            refresh();
        }).onFailure(error -> {
            result.setText(I18n.message(error));
            if (error instanceof SalesDeskException e && e.messageKey().startsWith("forecast.safety.stale")) {
                refresh();
            }
        }).executeWith(context.executor());
    }

    private static TableColumn<ProcurementLine, String> quantity(String key,
                                                                 Function<ProcurementLine, BigDecimal> value) {
        TableColumn<ProcurementLine, String> c = text(key,
                l -> value.apply(l) == null ? "" : value.apply(l).stripTrailingZeros().toPlainString(), 80);
        c.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        return c;
    }
}
