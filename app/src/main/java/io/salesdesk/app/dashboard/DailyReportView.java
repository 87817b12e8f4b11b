package io.salesdesk.app.dashboard;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.Folders;
import io.salesdesk.app.common.I18n;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.User;
import io.salesdesk.insight.report.DailyReport;
import io.salesdesk.insight.report.DailyReportRun;
import io.salesdesk.insight.report.DailyReportService;
import io.salesdesk.insight.report.ReportException;
import io.salesdesk.insight.report.ReportPeriod;
import io.salesdesk.insight.report.ReportSchedule;
import io.salesdesk.insight.report.ReportScope;
import io.salesdesk.insight.report.ReportSection;
import io.salesdesk.insight.report.ReportSections;
import io.salesdesk.insight.report.ReportTexts;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;

/**
 * The daily report (日报) on screen: pick a day and a team, read its sections, save it as .xlsx or
 * PDF; the schedule that makes it by itself every working day; and the reports made so far.
 * Computing and writing run on the context's executor, never on the FX thread.
 */
public final class DailyReportView extends BorderPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AppContext context;
    private final DailyReportService reports;
    private final DatePicker date = new DatePicker();
    private final ComboBox<ReportScope> team = new ComboBox<>();
    private final Label summary = new Label();
    private final Label status = new Label();
    private final VBox sections = new VBox(8);
    private final CheckBox enabled = new CheckBox(I18n.get("report.schedule.enabled"));
    private final TextField time = new TextField();
    private final CheckComboBox<User> recipients = new CheckComboBox<>();
    private final CheckBox channels = new CheckBox(I18n.get("report.schedule.channels"));
    private final CheckBox perTeam = new CheckBox(I18n.get("report.schedule.perTeam"));
    private final Label scheduleStatus = new Label();
    private final TableView<DailyReportRun> runs = new TableView<>();
    private DailyReport shown;

    public DailyReportView(AppContext context, EventBus bus) {
        this.context = context;
        this.reports = context.dailyReports();
        getStyleClass().add("daily-report-view");
        setPadding(new Insets(12));
        TabPane tabs = new TabPane(new Tab(I18n.get("report.tab.report"), createReport()),
                new Tab(I18n.get("report.tab.schedule"), createSchedule()),
                new Tab(I18n.get("report.tab.runs"), createRuns()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        load();
    }

    private Actor actor() {
        return context.currentUser().asActor();
    }

    private BorderPane createReport() {
        date.setId("reportDate");
        team.setId("reportTeam");
        team.setConverter(new StringConverter<>() {
            @Override
            public String toString(ReportScope s) {
                return s == null ? "" : s.name();
            }

            @Override
            public ReportScope fromString(String text) {
                return null;
            }
        });
        Button show = new Button(I18n.get("report.show"));
        show.setId("reportShow");
        show.getStyleClass().add(Styles.ACCENT);
        show.setOnAction(e -> refresh());
        Button xlsx = new Button(I18n.get("report.saveXlsx"));
        xlsx.setId("reportSaveXlsx");
        xlsx.setOnAction(e -> choose(".xlsx"));
        Button pdf = new Button(I18n.get("report.savePdf"));
        pdf.setId("reportSavePdf");
        pdf.setOnAction(e -> choose(".pdf"));
        HBox bar = new HBox(8, new Label(I18n.get("report.date")), date, new Label(I18n.get("report.team")), team, show,
                xlsx, pdf, status);
        bar.setPadding(new Insets(0, 0, 8, 0));
        summary.setId("reportSummary");
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        status.setId("reportStatus");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        VBox body = new VBox(8, summary, sections);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        BorderPane pane = new BorderPane(scroll);
        pane.setTop(bar);
        return pane;
    }

    private VBox createSchedule() {
        time.setId("scheduleTime");
        time.setPromptText("08:30");
        time.setPrefColumnCount(6);
        enabled.setId("scheduleEnabled");
        recipients.setId("scheduleRecipients");
        recipients.setConverter(new StringConverter<>() {
            @Override
            public String toString(User u) {
                return u == null ? "" : u.displayName() + "（" + u.orgUnitName() + "）";
            }

            @Override
            public User fromString(String s) {
                return null;
            }
        });
        Button save = new Button(I18n.get("report.schedule.save"));
        save.setId("scheduleSave");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> saveSchedule());
        scheduleStatus.setId("scheduleStatus");
        scheduleStatus.setWrapText(true);
        Label hint = new Label(I18n.get("report.schedule.hint", reports.reportsDir().toString(), DailyReportService.MESSAGE_KIND));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(10, enabled, new HBox(8, new Label(I18n.get("report.schedule.time")), time),
                new HBox(8, new Label(I18n.get("report.schedule.recipients")), recipients), channels, perTeam, hint,
                new HBox(8, save), scheduleStatus);
        box.setPadding(new Insets(12));
        return box;
    }

    private BorderPane createRuns() {
        runs.setId("reportRuns");
        runs.getColumns().add(column(I18n.get("report.runs.period"), r -> r.firstDay().equals(r.lastDay())
                ? r.lastDay().toString() : r.firstDay() + " – " + r.lastDay()));
        runs.getColumns().add(column(I18n.get("report.runs.scope"), DailyReportRun::scopeName));
        runs.getColumns().add(column(I18n.get("report.runs.generated"),
                r -> r.generatedAt().atZoneSameInstant(io.salesdesk.core.BusinessTime.ZONE).format(TIME)));
        runs.getColumns().add(column(I18n.get("report.runs.trigger"), r -> I18n.get("report.trigger." + r.trigger())));
        runs.getColumns().add(column(I18n.get("report.runs.status"), r -> I18n.get("report.status." + r.status())
                + (r.error() == null ? "" : "：" + r.error())));
        runs.getColumns().add(column(I18n.get("report.runs.summary"), r -> r.summary() == null ? "" : r.summary()));
        runs.setPlaceholder(new Label(I18n.get("report.runs.none")));
        Button openXlsx = new Button(I18n.get("report.runs.openXlsx"));
        openXlsx.setOnAction(e -> openSelected(DailyReportRun::xlsxPath));
        Button openPdf = new Button(I18n.get("report.runs.openPdf"));
        openPdf.setOnAction(e -> openSelected(DailyReportRun::pdfPath));
        Button generate = new Button(I18n.get("report.runs.generate"));
        generate.setId("reportGenerate");
        generate.setOnAction(e -> generateNow());
        BorderPane pane = new BorderPane(runs);
        HBox bar = new HBox(8, generate, openXlsx, openPdf);
        bar.setPadding(new Insets(0, 0, 8, 0));
        pane.setTop(bar);
        return pane;
    }

    private static TableColumn<DailyReportRun, String> column(String title,
                                                              java.util.function.Function<DailyReportRun, String> value) {
        TableColumn<DailyReportRun, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(140);
        return c;
    }

    /** Scopes, the default day, the schedule and the log, then the report itself. */
    private void load() {
        BackgroundTask.wrap(() -> new Loaded(reports.scopes(actor()), reports.defaultPeriod(), reports.schedule(),
                        context.users().all(), reports.runs(100)))
                .onSuccess(l -> {
                    team.setItems(FXCollections.observableArrayList(l.scopes()));
                    if (!l.scopes().isEmpty()) {
                        team.getSelectionModel().select(0);
                    }
                    date.setValue(l.period().lastDay());
                    showSchedule(l.schedule(), l.users());
                    runs.setItems(FXCollections.observableArrayList(l.runs()));
                    refresh();
                })
                .onFailure(this::fail)
                .executeWith(context.executor());
    }

    private record Loaded(List<ReportScope> scopes, ReportPeriod period, ReportSchedule schedule, List<User> users,
                          List<DailyReportRun> runs) {
    }

    /** Computes the report for the chosen day and team and shows its sections. */
    public void refresh() {
        ReportScope scope = team.getValue();
        LocalDate day = date.getValue();
        if (scope == null || day == null) {
            status.setText(I18n.get("report.pick"));
            return;
        }
        status.setText(I18n.get("report.computing"));
        BackgroundTask.wrap(() -> reports.compute(actor(), ReportPeriod.day(day), scope))
                .onSuccess(this::show)
                .onFailure(this::fail)
                .executeWith(context.executor());
    }

    private void show(DailyReport report) {
        shown = report;
        ReportSections layout = new ReportSections(new ReportTexts(I18n.locale()));
        summary.setText(layout.summaryLine(report) + "\n" + layout.leadTotalsLine(report.leadTotals()));
        sections.getChildren().clear();
        for (ReportSection section : layout.of(report)) {
            TitledPane pane = new TitledPane(section.title() + "（" + section.rows().size() + "）", table(section));
            pane.setId("section-" + section.key());
            sections.getChildren().add(pane);
        }
        status.setText("");
    }

    private static TableView<List<Object>> table(ReportSection section) {
        TableView<List<Object>> table = new TableView<>(FXCollections.observableArrayList(section.rows()));
        for (int i = 0; i < section.columns().size(); i++) {
            ReportSection.Column column = section.columns().get(i);
            int index = i;
            TableColumn<List<Object>, String> c = new TableColumn<>(column.header());
            c.setCellValueFactory(d -> new ReadOnlyStringWrapper(SectionCells.format(d.getValue().get(index), column.kind())));
            c.setPrefWidth(Math.max(70, column.width() * 7));
            if (column.kind() == ReportSection.Kind.COUNT || column.kind() == ReportSection.Kind.MONEY) {
                c.setStyle("-fx-alignment: CENTER-RIGHT;");
            }
            table.getColumns().add(c);
        }
        table.setPlaceholder(new Label(section.emptyReason()));
        table.setFixedCellSize(26);
        table.setPrefHeight(Math.min(12, Math.max(2, section.rows().size() + 1)) * 26 + 30);
        return table;
    }

    private void choose(String extension) {
        if (shown == null) {
            status.setText(I18n.get("report.pick"));
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(I18n.get("report.fileName", shown.scope().name(), shown.period().lastDay().toString())
                + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension, "*" + extension));
        File chosen = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            saveTo(chosen.toPath());
        }
    }

    /** Writes the report shown to {@code file} (.xlsx or .pdf); the save dialog's way in, and the tests'. */
    public void saveTo(Path file) {
        DailyReport report = shown;
        status.setText(I18n.get("report.saving"));
        BackgroundTask.wrap(() -> reports.write(report, file, I18n.locale()))
                .onSuccess(p -> status.setText(I18n.get("report.saved", p.getFileName().toString())))
                .onFailure(this::fail)
                .executeWith(context.executor());
    }

    private void showSchedule(ReportSchedule schedule, List<User> users) {
        enabled.setSelected(schedule.enabled());
        time.setText(schedule.at().toString());
        recipients.getItems().setAll(users);
        for (User u : users) {
            if (schedule.recipients().contains(u.id())) {
                recipients.getCheckModel().check(u);
            }
        }
        channels.setSelected(schedule.toChannels());
        perTeam.setSelected(schedule.perTeam());
    }

    /** Saves the schedule as the form shows it. */
    public void saveSchedule() {
        ReportSchedule schedule;
        try {
            schedule = new ReportSchedule(enabled.isSelected(), DailyReportService.parseTime(time.getText()),
                    recipients.getCheckModel().getCheckedItems().stream().map(User::id).collect(Collectors.toList()),
                    channels.isSelected(), perTeam.isSelected());
        } catch (ReportException e) {
            fail(e);
            return;
        }
        BackgroundTask.wrap(() -> reports.saveSchedule(actor(), schedule))
                .onSuccess(s -> {
                    scheduleStatus.getStyleClass().removeAll(Styles.DANGER);
                    scheduleStatus.setText(I18n.get(s.enabled() ? "report.schedule.savedOn" : "report.schedule.savedOff",
                            s.at().toString()));
                })
                .onFailure(this::fail)
                .executeWith(context.executor());
    }

    private void generateNow() {
        ReportScope scope = team.getValue();
        LocalDate day = date.getValue();
        if (scope == null || day == null) {
            return;
        }
        BackgroundTask.wrap(() -> {
                    reports.generate(actor(), ReportPeriod.day(day), scope, DailyReportRun.Trigger.MANUAL);
                    return reports.runs(100);
                })
                .onSuccess(list -> runs.setItems(FXCollections.observableArrayList(list)))
                .onFailure(this::fail)
                .executeWith(context.executor());
    }

    private void openSelected(java.util.function.Function<DailyReportRun, String> path) {
        DailyReportRun run = runs.getSelectionModel().getSelectedItem();
        if (run == null || path.apply(run) == null) {
            return;
        }
        try {
            Folders.open(Path.of(path.apply(run)));
        } catch (IOException e) {
            fail(e);
        }
    }

    private void fail(Throwable error) {
        String message = error instanceof ReportException r ? r.message(I18n.locale()) : I18n.message(error);
        status.setText(message);
        scheduleStatus.setText(message);
        scheduleStatus.getStyleClass().add(Styles.DANGER);
    }

    /** Cell text of the on-screen tables, as in the PDF. */
    static final class SectionCells {
        private SectionCells() {
        }

        static String format(Object value, ReportSection.Kind kind) {
            if (value == null) {
                return "";
            }
            return switch (kind) {
                case MONEY -> String.format(java.util.Locale.ROOT, "%,.2f", (java.math.BigDecimal) value);
                case TIME -> ((java.time.OffsetDateTime) value).atZoneSameInstant(io.salesdesk.core.BusinessTime.ZONE)
                        .format(TIME);
                default -> value.toString();
            };
        }
    }
}
