package io.salesdesk.app.ledgers;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
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
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
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
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.core.Actor;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.ledger.imports.ImportBatch;
import io.salesdesk.ledger.imports.ImportCounts;
import io.salesdesk.ledger.imports.ImportHistory;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.imports.LedgerEntities;
import io.salesdesk.ledger.imports.LedgerImport;
import io.salesdesk.ledger.imports.LedgerImportException;
import io.salesdesk.ledger.imports.UndoResult;

/**
 * 台账导入导出: the import wizard ({@link ImportWizard}) into any entity of the registry the user may import
 * (the team roster only for an administrator), the import history with undo, and the export of any
 * entity the user may export, of the records they can see. All work runs through the injected executor.
 */
public final class LedgersPage extends ScrollPane {

    private static final int HISTORY_SHOWN = 50;

    private final AppContext context;
    private final LedgerImport ledgerImport;
    private final ImportHistory history;
    private final LedgerEntities entities;

    private final ImportWizard wizard;
    private final TableView<ImportBatch> batches = new TableView<>();
    private final Button undoButton = new Button(I18n.get("ledgers.history.undo"), new FontIcon(Feather.ROTATE_CCW));
    private final Label historyResult = new Label();
    private final Label exportResult = new Label();
    private final ComboBox<String> exportEntity;
    private final Button exportButton = new Button(I18n.get("ledgers.export"), new FontIcon(Feather.DOWNLOAD));

    private boolean busy;
    /** Where the last export went; the save dialog opens there (else in the home folder). */
    private File exportFolder;

    public LedgersPage(AppContext context) {
        this.context = context;
        this.entities = WorkspaceLedgers.of(context);
        this.ledgerImport = new LedgerImport(context.database(), context.clock(), entities.importTargets());
        this.history = new ImportHistory(context.database(), context.clock(), entities.importTargets());
        Actor actor = context.currentUser().asActor();
        this.wizard = new ImportWizard(context, ledgerImport, entities.importKeys(actor), this::reloadHistory);
        List<String> exportable = entities.exportKeys(actor);
        this.exportEntity = Pickers.of(exportable, key -> EntityTexts.label(entities.exportEntity(key)),
                I18n.get("ledgers.export.entity"));
        exportEntity.setValue(exportable.isEmpty() ? null : exportable.get(0));
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
        exportEntity.setId("ledgerExportEntity");
        exportEntity.setPrefWidth(130);
        exportEntity.valueProperty().addListener((obs, old, now) -> exportResult.setText(""));
        exportButton.setId("ledgerExport");
        exportButton.setTooltip(new Tooltip(I18n.get("ledgers.export.hint")));
        exportButton.setOnAction(e -> chooseExportFile());
        exportResult.setId("ledgerExportResult");
        exportResult.getStyleClass().add(Styles.TEXT_MUTED);
        exportEntity.setTooltip(new Tooltip(I18n.get("ledgers.export.entity")));
        HBox exportBox = new HBox(8, exportEntity, exportButton);
        exportBox.setAlignment(Pos.CENTER_LEFT);
        HBox header = new HBox(12, title, spacer, exportResult, exportBox);
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
                column("ledgers.history.entity", (ImportBatch b) -> entityLabel(b.entityKey()), 80),
                column("ledgers.history.file", ImportBatch::fileName, 200),
                column("ledgers.history.counts", b -> countsText(b.counts()), 240),
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
                EntityTexts.get("ledgers.history.undoConfirm", batch.entityKey(), batch.fileName(),
                        countsText(batch.counts())),
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
            historyResult.setText(EntityTexts.get("ledgers.history.undone", batch.entityKey(), result.removed(),
                    result.restored(), result.conflicts().size()));
            reloadHistory();
        }).onFinished(() -> setBusy(false))
                .executeWith(context.executor());
    }

    // --- export -----------------------------------------------------------------------------------

    private void chooseExportFile() {
        String entityKey = exportEntity.getValue();
        if (entityKey == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.get("ledgers.export.title", EntityTexts.label(entities.exportEntity(entityKey))));
        chooser.setInitialFileName(defaultExportFileName());
        File folder = exportFolder != null ? exportFolder : new File(System.getProperty("user.home"));
        if (folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.get("ledgers.fileType.xlsx"), "*.xlsx"));
        File chosen = chooser.showSaveDialog(window());
        if (chosen != null) {
            exportFolder = chosen.getParentFile();
            exportTo(chosen.toPath());
        }
    }

    /** The file name the save dialog suggests for the chosen entity: 客户台账-2026-11-27.xlsx. */
    String defaultExportFileName() {
        return EntityTexts.get("ledgers.export.fileName", exportEntity.getValue(),
                LocalDate.now(context.clock()).toString());
    }

    /** The entity the export section is set to; for tests. */
    ComboBox<String> exportEntity() {
        return exportEntity;
    }

    /**
     * Exports the chosen entity, the records the user can see (contacts and follow-ups of the customers
     * they see); the file chooser's way in, and the tests'.
     */
    void exportTo(Path out) {
        String entityKey = exportEntity.getValue();
        if (entityKey == null || busy) {
            return;
        }
        Actor actor = context.currentUser().asActor();
        exportResult.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        exportResult.setText(I18n.get("ledgers.export.running"));
        setBusy(true);
        BackgroundTask.wrap(() -> entities.exportTarget(entityKey).export(actor, CustomerQuery.all(), out,
                        ImportMonitor.NONE))
                .onSuccess(rows -> exportResult.setText(EntityTexts.get("ledgers.export.done", entityKey,
                        Formats.count(rows), out.getFileName().toString())))
                .onFailure(e -> {
                    exportResult.getStyleClass().add(Styles.DANGER);
                    exportResult.setText(I18n.get("ledgers.export.failed", I18n.message(e)));
                    if (!(e instanceof SalesDeskException)) {
                        ErrorDialogs.show(e);
                    }
                })
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
        exportButton.setDisable(busy || exportEntity.getValue() == null);
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private String entityLabel(String entityKey) {
        try {
            return EntityTexts.label(entities.entity(entityKey));
        } catch (LedgerImportException unknown) {
            return entityKey;
        }
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
