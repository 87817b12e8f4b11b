package io.salesdesk.app.ledgers;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.ledger.convert.CellProblem;
import io.salesdesk.ledger.crm.CustomerExport;
import io.salesdesk.ledger.crm.CustomerImportTarget;
import io.salesdesk.ledger.imports.DuplicateDecision;
import io.salesdesk.ledger.imports.ImportBatch;
import io.salesdesk.ledger.imports.ImportCounts;
import io.salesdesk.ledger.imports.ImportHistory;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.imports.ImportPhase;
import io.salesdesk.ledger.imports.ImportPreview;
import io.salesdesk.ledger.imports.ImportRequest;
import io.salesdesk.ledger.imports.ImportResult;
import io.salesdesk.ledger.imports.ImportTarget;
import io.salesdesk.ledger.imports.LedgerImport;
import io.salesdesk.ledger.imports.UndoResult;
import io.salesdesk.ledger.map.MappedColumn;
import io.salesdesk.ledger.map.UnmappedColumn;
import io.salesdesk.ledger.model.LedgerEntity;

/**
 * 台账导入导出: import a customer ledger (preview, options, commit), the import history with undo,
 * and the export of the customers the user can see. All work runs through the injected executor.
 */
public final class LedgersPage extends ScrollPane {

    private static final String ENTITY = "customers";
    private static final int HISTORY_SHOWN = 50;
    private static final int PROGRESS_STEP = 500;

    private final AppContext context;
    private final LedgerImport ledgerImport;
    private final ImportHistory history;
    private final CustomerExport export;

    private final Label fileLabel = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Label summary = new Label();
    private final Label mapping = new Label();
    private final TableView<CellProblem> problems = new TableView<>();
    private final ComboBox<DuplicateDecision> onDuplicate;
    private final CheckBox skipInvalid = new CheckBox(I18n.get("ledgers.import.skipInvalid"));
    private final Button importButton = new Button(I18n.get("ledgers.import.commit"), new FontIcon(Feather.UPLOAD));
    private final Label importResult = new Label();
    private final TableView<ImportBatch> batches = new TableView<>();
    private final Button undoButton = new Button(I18n.get("ledgers.history.undo"), new FontIcon(Feather.ROTATE_CCW));
    private final Label historyResult = new Label();
    private final Label exportResult = new Label();

    private Path file;
    private ImportPreview preview;
    private boolean busy;

    public LedgersPage(AppContext context) {
        this.context = context;
        List<ImportTarget> targets = List.of(
                new CustomerImportTarget(context.database(), context.clock(), context.regions(), context.users()));
        this.ledgerImport = new LedgerImport(context.database(), context.clock(), targets);
        this.history = new ImportHistory(context.database(), context.clock(), targets);
        this.export = new CustomerExport(context.database(), context.clock(), context.regions());
        this.onDuplicate = Pickers.of(List.of(DuplicateDecision.values()),
                d -> I18n.label("ledgers.onDuplicate", d), I18n.get("ledgers.import.onDuplicate"));
        setId("ledgersPage");
        setFitToWidth(true);
        getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        VBox body = new VBox(16, createHeader(), createImportCard(), createHistoryCard());
        body.getStyleClass().add("page");
        setContent(body);
        updateState();
        reloadHistory();
    }

    private HBox createHeader() {
        Label title = new Label(I18n.get("ledgers.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button exportButton = new Button(I18n.get("ledgers.export"), new FontIcon(Feather.DOWNLOAD));
        exportButton.setId("ledgerExport");
        exportButton.setOnAction(e -> chooseExportFile());
        exportResult.setId("ledgerExportResult");
        exportResult.getStyleClass().add(Styles.TEXT_MUTED);
        HBox header = new HBox(12, title, spacer, exportResult, exportButton);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("page-header");
        return header;
    }

    private VBox createImportCard() {
        Label title = new Label(I18n.get("ledgers.import.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        Button choose = new Button(I18n.get("ledgers.import.choose"), new FontIcon(Feather.FOLDER));
        choose.setId("ledgerChoose");
        choose.setOnAction(e -> chooseImportFile());
        fileLabel.setId("ledgerFile");
        fileLabel.setText(I18n.get("ledgers.import.noFile"));
        fileLabel.getStyleClass().add(Styles.TEXT_MUTED);
        progress.setId("ledgerProgress");
        progress.setPrefWidth(200);
        progress.setVisible(false);
        HBox chooseRow = new HBox(12, choose, fileLabel, progress);
        chooseRow.setAlignment(Pos.CENTER_LEFT);

        onDuplicate.setId("ledgerOnDuplicate");
        onDuplicate.setValue(DuplicateDecision.SKIP);
        onDuplicate.valueProperty().addListener((obs, old, now) -> rerunPreview());
        skipInvalid.setId("ledgerSkipInvalid");
        skipInvalid.selectedProperty().addListener((obs, old, now) -> rerunPreview());
        Label onDuplicateLabel = new Label(I18n.get("ledgers.import.onDuplicate"));
        importButton.setId("ledgerImport");
        importButton.getStyleClass().add(Styles.ACCENT);
        importButton.setOnAction(e -> commit());
        HBox options = new HBox(12, onDuplicateLabel, onDuplicate, skipInvalid, importButton);
        options.setAlignment(Pos.CENTER_LEFT);

        summary.setId("ledgerSummary");
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        mapping.setId("ledgerMapping");
        mapping.setWrapText(true);
        mapping.getStyleClass().add(Styles.TEXT_MUTED);
        importResult.setId("ledgerResult");
        importResult.setWrapText(true);

        problems.setId("ledgerProblems");
        problems.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        problems.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        problems.setPrefHeight(220);
        // Until a file is previewed, an empty table would wrongly read as "no problems".
        problems.setPlaceholder(new Label(I18n.get("ledgers.problems.noFile")));
        problems.getColumns().setAll(List.of(
                column("ledgers.problems.row", p -> String.valueOf(p.rowNumber()), 50),
                column("ledgers.problems.column", p -> columnName(p.column()), 50),
                column("ledgers.problems.header", p -> nullToEmpty(p.header()), 120),
                column("ledgers.problems.value", p -> nullToEmpty(p.value()), 140),
                column("ledgers.problems.reason", p -> I18n.get(p.messageKey(), p.args().toArray()), 320)));

        VBox card = new VBox(10, title, chooseRow, options, summary, mapping, problems, importResult);
        card.setId("ledgerImportCard");
        card.getStyleClass().add("settings-section");
        return card;
    }

    private VBox createHistoryCard() {
        Label title = new Label(I18n.get("ledgers.history.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        batches.setId("ledgerHistory");
        batches.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        batches.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        batches.setPrefHeight(220);
        batches.setPlaceholder(new Label(I18n.get("ledgers.history.none")));
        batches.getColumns().setAll(List.of(
                column("ledgers.history.time",
                        (ImportBatch b) -> Formats.dateTime(b.importedAt(), context.clock().getZone()), 120),
                column("ledgers.history.file", ImportBatch::fileName, 200),
                column("ledgers.history.counts", b -> countsText(b.counts()), 260),
                column("ledgers.history.by", b -> nullToEmpty(b.importedByName()), 80),
                column("ledgers.history.status", b -> I18n.label("ledgers.status", b.status()), 70)));
        undoButton.setId("ledgerUndo");
        undoButton.setDisable(true);
        undoButton.setOnAction(e -> undoSelected());
        batches.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> updateState());
        historyResult.setId("ledgerHistoryResult");
        historyResult.setWrapText(true);
        HBox actions = new HBox(12, undoButton, historyResult);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(10, title, batches, actions);
        card.setId("ledgerHistoryCard");
        card.getStyleClass().add("settings-section");
        return card;
    }

    // --- import -----------------------------------------------------------------------------------

    private void chooseImportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.get("ledgers.import.choose"));
        chooser.getExtensionFilters().add(
                new FileChooser.ExtensionFilter(I18n.get("ledgers.fileType.ledger"), "*.xlsx", "*.xls", "*.csv"));
        File chosen = chooser.showOpenDialog(window());
        if (chosen != null) {
            previewFile(chosen.toPath());
        }
    }

    /** Previews a ledger file with the options shown; the file chooser's way in, and the tests'. */
    void previewFile(Path ledger) {
        this.file = ledger;
        fileLabel.setText(ledger.getFileName().toString());
        importResult.setText("");
        runPreview();
    }

    private void rerunPreview() {
        if (file != null && !busy) {
            runPreview();
        }
    }

    private void runPreview() {
        Path ledger = file;
        ImportRequest request = ImportRequest.of(ENTITY)
                .withOnDuplicate(onDuplicate.getValue() == null ? DuplicateDecision.SKIP : onDuplicate.getValue())
                .withSkipInvalid(skipInvalid.isSelected());
        Actor actor = context.currentUser().asActor();
        ImportMonitor monitor = monitor();
        preview = null;
        setBusy(true);
        BackgroundTask.wrap(() -> ledgerImport.preview(ledger, request, actor, monitor))
                .onSuccess(this::showPreview)
                .onFailure(e -> {
                    clearPreview();
                    ErrorDialogs.show(e);
                })
                .onFinished(() -> setBusy(false))
                .executeWith(context.executor());
    }

    private void showPreview(ImportPreview result) {
        preview = result;
        summary.setText(countsText(result.counts()));
        LedgerEntity fields = ledgerImport.entity(result.request().entityKey());
        String mapped = result.mapping().columns().stream()
                .map(c -> I18n.get("ledgers.mapping.column", c.header(), fieldLabel(fields, c)))
                .collect(Collectors.joining("；"));
        String text = I18n.get("ledgers.mapping.title", mapped);
        if (!result.mapping().unmapped().isEmpty()) {
            text += "\n" + I18n.get("ledgers.mapping.unmapped", result.mapping().unmapped().stream()
                    .map(UnmappedColumn::header).collect(Collectors.joining("、")));
        }
        mapping.setText(text);
        problems.setPlaceholder(new Label(I18n.get("ledgers.problems.none")));
        problems.getItems().setAll(result.problems());
        importResult.setText(result.blockedByErrors() ? I18n.get("ledgers.import.blockedHint") : "");
        updateState();
    }

    private void clearPreview() {
        preview = null;
        summary.setText("");
        mapping.setText("");
        problems.setPlaceholder(new Label(I18n.get("ledgers.problems.noFile")));
        problems.getItems().clear();
        updateState();
    }

    private void commit() {
        ImportPreview toCommit = preview;
        if (toCommit == null) {
            return;
        }
        Actor actor = context.currentUser().asActor();
        ImportMonitor monitor = monitor();
        setBusy(true);
        BackgroundTask.wrap(() -> {
            ImportResult result = ledgerImport.commit(toCommit, actor, monitor);
            if (result.committed()) {
                context.customers().reloadList(); // the in-memory list must see the imported rows
            }
            return result;
        }).onSuccess(this::showResult)
                .onFinished(() -> setBusy(false))
                .executeWith(context.executor());
    }

    private void showResult(ImportResult result) {
        if (result.committed()) {
            importResult.setText(I18n.get("ledgers.import.done", countsText(result.counts()),
                    result.batchId().toString()));
            clearPreview();
            file = null;
            fileLabel.setText(I18n.get("ledgers.import.noFile"));
            reloadHistory();
        } else {
            importResult.setText(I18n.get("ledgers.import.blocked", result.counts().invalid()));
        }
    }

    // --- history ----------------------------------------------------------------------------------

    private void reloadHistory() {
        BackgroundTask.wrap(() -> history.latest(HISTORY_SHOWN))
                .onSuccess(list -> {
                    batches.getItems().setAll(list);
                    updateState();
                })
                .executeWith(context.executor());
    }

    private void undoSelected() {
        ImportBatch batch = batches.getSelectionModel().getSelectedItem();
        if (batch == null || batch.status() != ImportBatch.Status.COMMITTED) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                I18n.get("ledgers.history.undoConfirm", batch.fileName(), countsText(batch.counts())),
                ButtonType.OK, ButtonType.CANCEL);
        confirm.setTitle(I18n.get("app.title"));
        confirm.setHeaderText(I18n.get("ledgers.history.undoHeader"));
        Stylesheets.addTo(confirm.getDialogPane());
        Optional<ButtonType> answer = confirm.showAndWait();
        if (answer.isEmpty() || answer.get() != ButtonType.OK) {
            return;
        }
        Actor actor = context.currentUser().asActor();
        setBusy(true);
        BackgroundTask.wrap(() -> {
            UndoResult result = history.undo(batch.id(), actor);
            context.customers().reloadList(); // the in-memory list must lose the removed rows
            return result;
        }).onSuccess(result -> {
            historyResult.setText(I18n.get("ledgers.history.undone", result.removed(), result.restored(),
                    result.conflicts().size()));
            reloadHistory();
        }).onFinished(() -> setBusy(false))
                .executeWith(context.executor());
    }

    // --- export -----------------------------------------------------------------------------------

    private void chooseExportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.get("ledgers.export"));
        chooser.setInitialFileName(I18n.get("ledgers.export.fileName"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.get("ledgers.fileType.xlsx"), "*.xlsx"));
        File chosen = chooser.showSaveDialog(window());
        if (chosen != null) {
            exportTo(chosen.toPath());
        }
    }

    /** Exports every customer the user can see; the file chooser's way in, and the tests'. */
    void exportTo(Path out) {
        Actor actor = context.currentUser().asActor();
        setBusy(true);
        BackgroundTask.wrap(() -> export.export(actor, CustomerQuery.all(), out, ImportMonitor.NONE))
                .onSuccess(rows -> exportResult.setText(
                        I18n.get("ledgers.export.done", Formats.count(rows), out.getFileName().toString())))
                .onFinished(() -> setBusy(false))
                .executeWith(context.executor());
    }

    // --- helpers ----------------------------------------------------------------------------------

    private void setBusy(boolean now) {
        busy = now;
        progress.setVisible(now);
        progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        updateState();
    }

    private void updateState() {
        importButton.setDisable(busy || preview == null || preview.blockedByErrors()
                || preview.counts().written() == 0);
        ImportBatch selected = batches.getSelectionModel().getSelectedItem();
        undoButton.setDisable(busy || selected == null || selected.status() != ImportBatch.Status.COMMITTED);
    }

    /** Progress from the worker thread, shown on the FX thread now and then. */
    private ImportMonitor monitor() {
        return new ImportMonitor() {
            @Override
            public void progress(ImportPhase phase, long done, long total) {
                if (done % PROGRESS_STEP == 0 || done == total) {
                    double value = total > 0 ? (double) done / total : ProgressBar.INDETERMINATE_PROGRESS;
                    Platform.runLater(() -> {
                        if (busy) {
                            progress.setProgress(value);
                        }
                    });
                }
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private static String countsText(ImportCounts counts) {
        return I18n.get("ledgers.counts", counts.created(), counts.updated(), counts.skipped(), counts.invalid(),
                counts.conflicts());
    }

    private static String fieldLabel(LedgerEntity fields, MappedColumn column) {
        return fields.field(column.fieldKey()).map(f -> I18n.isChinese() ? f.labelZh() : f.labelEn())
                .orElse(column.fieldKey());
    }

    /** Excel's column letters: 0 → A, 26 → AA; "-" for a problem of the whole row. */
    static String columnName(int column) {
        if (column < 0) {
            return "-";
        }
        StringBuilder name = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static <S> TableColumn<S, String> column(String key, Function<S, String> value, double width) {
        TableColumn<S, String> column = new TableColumn<>(I18n.get(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }
}
