package io.salesdesk.app.ledgers;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
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
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.ledger.crm.CustomerExport;
import io.salesdesk.ledger.crm.CustomerImportTarget;
import io.salesdesk.ledger.imports.ImportBatch;
import io.salesdesk.ledger.imports.ImportCounts;
import io.salesdesk.ledger.imports.ImportHistory;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.imports.ImportTarget;
import io.salesdesk.ledger.imports.LedgerImport;
import io.salesdesk.ledger.imports.UndoResult;

/**
 * 台账导入导出: the import wizard ({@link ImportWizard}), the import history with undo, and the export of
 * the customers the user can see. All work runs through the injected executor.
 */
public final class LedgersPage extends ScrollPane {

    private static final int HISTORY_SHOWN = 50;

    private final AppContext context;
    private final LedgerImport ledgerImport;
    private final ImportHistory history;
    private final CustomerExport export;

    private final ImportWizard wizard;
    private final TableView<ImportBatch> batches = new TableView<>();
    private final Button undoButton = new Button(I18n.get("ledgers.history.undo"), new FontIcon(Feather.ROTATE_CCW));
    private final Label historyResult = new Label();
    private final Label exportResult = new Label();

    private boolean busy;

    public LedgersPage(AppContext context) {
        this.context = context;
        List<ImportTarget> targets = List.of(
                new CustomerImportTarget(context.database(), context.clock(), context.regions(), context.users()));
        this.ledgerImport = new LedgerImport(context.database(), context.clock(), targets);
        this.history = new ImportHistory(context.database(), context.clock(), targets);
        this.export = new CustomerExport(context.database(), context.clock(), context.regions());
        this.wizard = new ImportWizard(context, ledgerImport, this::reloadHistory);
        setId("ledgersPage");
        setFitToWidth(true);
        getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        VBox body = new VBox(16, createHeader(), wizard, createHistoryCard());
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

    /** Starts the wizard on a ledger file, as the file chooser does; for tests. */
    void previewFile(Path ledger) {
        wizard.open(ledger);
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
        updateState();
    }

    private void updateState() {
        ImportBatch selected = batches.getSelectionModel().getSelectedItem();
        undoButton.setDisable(busy || selected == null || selected.status() != ImportBatch.Status.COMMITTED);
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    static String countsText(ImportCounts counts) {
        return I18n.get("ledgers.counts", counts.created(), counts.updated(), counts.skipped(), counts.invalid(),
                counts.conflicts());
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
