package io.salesdesk.app.ledgers;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.Folders;
import io.salesdesk.app.common.I18n;
import io.salesdesk.core.Actor;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.ledger.imports.DuplicateDecision;
import io.salesdesk.ledger.imports.ImportCancelledException;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.imports.ImportPreview;
import io.salesdesk.ledger.imports.ImportRequest;
import io.salesdesk.ledger.imports.ImportResult;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.imports.LedgerImport;
import io.salesdesk.ledger.imports.LedgerImportException;
import io.salesdesk.ledger.imports.MappingSource;
import io.salesdesk.ledger.imports.MatchKind;
import io.salesdesk.ledger.map.HeaderRow;
import io.salesdesk.ledger.model.LedgerEntity;
import io.salesdesk.ledger.read.LedgerRow;
import io.salesdesk.ledger.report.ErrorReport;

/**
 * The import wizard: ① 选择文件/工作表 → ② 列映射 → ③ 预览与问题 → ④ 导入. It keeps the state of one import
 * (file, sheet, mapping edits, per-row decisions, the preview) and runs every read, validation and
 * commit on the injected executor with a progress bar that can cancel it.
 */
final class ImportWizard extends VBox {

    private static final Logger LOG = LoggerFactory.getLogger(ImportWizard.class);
    private static final String[] STEP_KEYS = {"ledgers.step.sheet", "ledgers.step.mapping", "ledgers.step.preview",
        "ledgers.step.commit"};

    private final AppContext context;
    private final LedgerImport ledgerImport;
    private final Runnable onImported;

    private final Button[] stepButtons = new Button[STEP_KEYS.length];
    private final SheetStep sheetStep;
    private final MappingStep mappingStep = new MappingStep(this::applyMapping, this::updateState);
    private final PreviewStep previewStep = new PreviewStep(this::defaultsChanged, this::decide,
            this::chooseErrorReport);
    private final CommitStep commitStep = new CommitStep(this::commit, this::chooseErrorReport, this::chooseFile);
    private final Node[] steps;
    private final StackPane content = new StackPane();
    private final Button back = new Button(I18n.get("ledgers.nav.back"), new FontIcon(Feather.CHEVRON_LEFT));
    private final Button next = new Button(I18n.get("ledgers.nav.next"), new FontIcon(Feather.CHEVRON_RIGHT));
    private final ImportProgress progress = new ImportProgress();
    private final Label status = new Label();
    private final Hyperlink openFolder = new Hyperlink(I18n.get("ledgers.report.openFolder"));

    private Path file;
    private SheetSample sample;
    private ImportPreview preview;
    /** The last preview with problems, for the error report after its import. */
    private ImportPreview reportSource;
    /** The user's decisions by row number; they outlive a re-run preview of the same sheet. */
    private final Map<Integer, DuplicateDecision> decisions = new HashMap<>();
    /** The user's mapping (header → field key), or {@code null} for the automatic or saved one. */
    private Map<String, String> mappingOverride;
    private int step;
    private boolean busy;

    /**
     * @param entityKeys the entities the user may import into, in the order the chooser lists them
     */
    ImportWizard(AppContext context, LedgerImport ledgerImport, List<String> entityKeys, Runnable onImported) {
        super(14);
        this.context = context;
        this.ledgerImport = ledgerImport;
        this.onImported = onImported;
        setId("ledgerWizard");
        getStyleClass().add("settings-section");
        sheetStep = new SheetStep(List.copyOf(entityKeys), ledgerImport::entity, this::chooseFile,
                key -> reloadSheet(sample == null ? null : sample.sheetName()), this::reloadSheet);
        steps = new Node[] {sheetStep, mappingStep, previewStep, commitStep};
        content.getChildren().setAll(steps);
        // Every step stays managed (only the shown one visible), so the wizard is as tall as its
        // tallest step on every step: the navigation and the history below do not jump.
        VBox.setVgrow(content, Priority.ALWAYS);
        getChildren().setAll(createStepper(), content, createStatusLine(), createNavigation());
        commitStep.clear();
        showStep(0);
    }

    private HBox createStepper() {
        HBox stepper = new HBox(6);
        stepper.setId("ledgerStepper");
        stepper.setAlignment(Pos.CENTER_LEFT);
        for (int i = 0; i < STEP_KEYS.length; i++) {
            int index = i;
            Button button = new Button(I18n.get(STEP_KEYS[i]));
            button.setId("ledgerStep" + (i + 1));
            button.getStyleClass().addAll(Styles.FLAT, "wizard-step");
            button.setOnAction(e -> showStep(index));
            stepButtons[i] = button;
            if (i > 0) {
                FontIcon arrow = new FontIcon(Feather.CHEVRON_RIGHT);
                arrow.getStyleClass().add("wizard-step-arrow");
                stepper.getChildren().add(arrow);
            }
            stepper.getChildren().add(button);
        }
        return stepper;
    }

    private HBox createStatusLine() {
        status.setId("ledgerStatus");
        status.setWrapText(true);
        openFolder.setId("ledgerOpenFolder");
        openFolder.setVisible(false);
        HBox line = new HBox(8, status, openFolder);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private HBox createNavigation() {
        back.setId("ledgerBack");
        back.setOnAction(e -> showStep(step - 1));
        next.setId("ledgerNext");
        next.getStyleClass().add(Styles.ACCENT);
        next.setContentDisplay(ContentDisplay.RIGHT);
        next.setOnAction(e -> goNext());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox navigation = new HBox(12, progress, spacer, back, next);
        navigation.setAlignment(Pos.CENTER_LEFT);
        navigation.getStyleClass().add("wizard-navigation");
        return navigation;
    }

    // --- steps ------------------------------------------------------------------------------------

    private void showStep(int index) {
        step = Math.max(0, Math.min(index, steps.length - 1));
        for (int i = 0; i < steps.length; i++) {
            steps[i].setVisible(i == step);
        }
        boolean nextHadFocus = next.isFocused();
        updateState();
        if (nextHadFocus && step == steps.length - 1) {
            // "Next" is gone on the last step; focus would fall to the history below and scroll there.
            commitStep.focusAction(back);
        }
    }

    private boolean reachable(int index) {
        switch (index) {
            case 0:
                return true;
            case 1:
                return sample != null && sample.header().isPresent();
            case 2:
                return preview != null;
            default:
                return preview != null || step == 3;
        }
    }

    private void goNext() {
        if (step == 1 && mappingStep.dirty()) {
            applyMapping(); // goes on to the preview once it is made
            return;
        }
        if (reachable(step + 1)) {
            showStep(step + 1);
        }
    }

    private void updateState() {
        content.setDisable(busy);
        for (int i = 0; i < stepButtons.length; i++) {
            Button button = stepButtons[i];
            button.setDisable(busy || !reachable(i));
            button.getStyleClass().remove("wizard-step-current");
            if (i == step) {
                button.getStyleClass().add("wizard-step-current");
            }
        }
        back.setDisable(busy || step == 0 || !reachable(step - 1));
        boolean last = step == steps.length - 1;
        next.setVisible(!last);
        next.setManaged(!last);
        next.setDisable(busy || last || !(reachable(step + 1) || step == 1 && mappingStep.dirty()
                && mappingStep.complete()));
        commitStep.enableImport(!busy && preview != null && !preview.blockedByErrors()
                && preview.counts().written() > 0);
    }

    private void setBusy(boolean now) {
        busy = now;
        updateState();
        if (!now) {
            if (progress.cancelFocused()) {
                // The cancel button is about to go: focus would fall to the history below and scroll
                // the page there. It moves on to the step's next action instead.
                focusStepAction();
            }
            progress.hide();
        }
    }

    private void focusStepAction() {
        if (step == steps.length - 1) {
            commitStep.focusAction(back);
        } else if (!next.isDisabled()) {
            next.requestFocus();
        } else if (!back.isDisabled()) {
            back.requestFocus();
        } else {
            sheetStep.focusChoose();
        }
    }

    private void say(String text, String style) {
        status.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING, Styles.TEXT_MUTED);
        status.getStyleClass().add(style);
        status.setText(text);
        openFolder.setVisible(false);
    }

    // --- ① file and sheet -------------------------------------------------------------------------

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.get("ledgers.import.choose"));
        chooser.getExtensionFilters().add(
                new FileChooser.ExtensionFilter(I18n.get("ledgers.fileType.ledger"), "*.xlsx", "*.xls", "*.csv"));
        if (file != null && file.getParent() != null) {
            chooser.setInitialDirectory(file.getParent().toFile());
        }
        File chosen = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            open(chosen.toPath());
        }
    }

    /** Starts over with a ledger file: its sheets, the first visible one read and previewed. */
    void open(Path ledger) {
        file = ledger;
        sample = null;
        reportSource = null;
        clearPreview();
        mappingStep.clear();
        commitStep.clearResult();
        sheetStep.showFile(ledger);
        say("", Styles.TEXT_MUTED);
        showStep(0);
        loadSheet(null);
    }

    /** Another sheet or entity: the mapping edits and decisions were for the old one. */
    private void reloadSheet(String sheetName) {
        if (file != null && !busy) {
            clearPreview();
            loadSheet(sheetName);
        }
    }

    private void loadSheet(String sheetName) {
        Path ledger = file;
        LedgerEntity entity = entity();
        ImportMonitor monitor = progress.start("ledgers.progress.opening");
        setBusy(true);
        BackgroundTask.wrap(() -> SheetSample.read(ledger, sheetName, entity, monitor))
                .onSuccess(read -> {
                    sample = read;
                    sheetStep.showSample(read);
                    read.header().ifPresentOrElse(
                            h -> mappingStep.show(entity, h, read.automatic(), MappingSource.AUTOMATIC, firstDataRow(h)),
                            mappingStep::clear);
                    updateState();
                    if (read.sheetName() != null) {
                        runPreview(false);
                    }
                })
                .onFailure(this::failed)
                .onFinished(() -> setBusy(false))
                .executeWith(context.executor());
    }

    // --- ② mapping --------------------------------------------------------------------------------

    private void applyMapping() {
        if (!mappingStep.complete()) {
            return;
        }
        mappingOverride = mappingStep.chosen();
        runPreview(true);
    }

    // --- ③ preview --------------------------------------------------------------------------------

    private void runPreview(boolean thenShowIt) {
        Path ledger = file;
        ImportRequest request = ImportRequest.of(entityKey())
                .withSheet(sample.sheetName())
                .withMapping(mappingOverride)
                .withOnDuplicate(previewStep.defaultDecision())
                .withSkipInvalid(previewStep.skipInvalid());
        Actor actor = context.currentUser().asActor();
        ImportMonitor monitor = progress.start("ledgers.progress.reading");
        preview = null;
        setBusy(true);
        BackgroundTask.wrap(() -> ledgerImport.preview(ledger, request, actor, monitor))
                .onSuccess(result -> {
                    showPreview(result);
                    if (thenShowIt) {
                        showStep(2);
                    }
                })
                .onFailure(this::failed)
                .onFinished(() -> setBusy(false))
                .executeWith(context.executor());
    }

    private void showPreview(ImportPreview result) {
        for (ImportRow row : result.rows()) {
            DuplicateDecision chosen = decisions.get(row.rowNumber());
            if (chosen != null && decidable(row)) {
                row.decide(chosen);
            }
        }
        preview = result;
        LedgerEntity entity = entity();
        mappingStep.show(entity, result.header(), result.mapping(), result.mappingSource(),
                firstDataRow(result.header()));
        previewStep.show(result, entity);
        commitStep.show(result, EntityTexts.label(entity));
        say(I18n.get("ledgers.preview.ready", LedgersPage.countsText(result.counts())), Styles.TEXT_MUTED);
        updateState();
    }

    /** The default or "skip invalid" changed: applied to the rows in memory, no need to read again. */
    private void defaultsChanged() {
        if (preview == null || busy) {
            return;
        }
        DuplicateDecision fallback = previewStep.defaultDecision();
        for (ImportRow row : preview.rows()) {
            if (decidable(row)) {
                row.decide(decisions.getOrDefault(row.rowNumber(), fallback));
            }
        }
        ImportRequest request = preview.request().withOnDuplicate(fallback)
                .withSkipInvalid(previewStep.skipInvalid());
        preview = new ImportPreview(preview.file(), preview.sha256(), preview.sheetName(), preview.header(),
                preview.mapping(), preview.mappingSource(), request, preview.rows());
        previewStep.refreshCounts(preview);
        commitStep.show(preview, EntityTexts.label(entity()));
        updateState();
    }

    /** One row's decision, as the user changed it in the duplicates table. */
    void decide(ImportRow row, DuplicateDecision decision) {
        if (preview == null || busy || !decidable(row)) {
            return;
        }
        decisions.put(row.rowNumber(), decision);
        row.decide(decision);
        previewStep.refreshCounts(preview);
        commitStep.show(preview, EntityTexts.label(entity()));
        updateState();
    }

    /** A row matched by the hidden id of an exported ledger is decided by the importer, not the user. */
    private static boolean decidable(ImportRow row) {
        return row.match() != null && row.match().kind() != MatchKind.ID;
    }

    private void clearPreview() {
        preview = null;
        decisions.clear();
        mappingOverride = null;
        previewStep.clear();
        commitStep.clear();
        updateState();
    }

    // --- ④ commit ---------------------------------------------------------------------------------

    private void commit() {
        ImportPreview toCommit = preview;
        if (toCommit == null || busy) {
            return;
        }
        Actor actor = context.currentUser().asActor();
        ImportMonitor monitor = progress.start("ledgers.progress.committing");
        setBusy(true);
        String entityKey = entityKey();
        BackgroundTask.wrap(() -> {
            ImportResult result = ledgerImport.commit(toCommit, actor, monitor);
            if (result.committed()) {
                context.customers().reloadList(); // the in-memory list must see the imported rows
            }
            return new Committed(result, ImportedLeads.dispatch(context.dispatch(), actor, entityKey, result));
        }).onSuccess(done -> imported(toCommit, done.result(), done.dispatched()))
                .onFailure(e -> {
                    // Nothing was written; the rows' plans were used up, so they are prepared again.
                    commitStep.showNotWritten(cancelled(e) ? I18n.get("ledgers.cancelled")
                            : I18n.get("ledgers.commit.failed", I18n.message(e)));
                    failed(e);
                    if (file != null && sample != null) {
                        runPreview(false);
                    }
                })
                .onFinished(() -> setBusy(false))
                .executeWith(context.executor());
    }

    /** A written batch and, after a lead import, what dispatch did in words. */
    private record Committed(ImportResult result, String dispatched) {
    }

    private void imported(ImportPreview committed, ImportResult result, String dispatched) {
        if (!result.committed()) {
            String text = I18n.get("ledgers.import.blocked", result.counts().invalid());
            commitStep.showResult(result, text, entityKey());
            say(text, Styles.DANGER);
            return;
        }
        String done = I18n.get("ledgers.import.done", LedgersPage.countsText(result.counts()),
                result.batchId().toString());
        String text = dispatched.isEmpty() ? done : done + "\n" + dispatched;
        String importedKey = entityKey();
        reportSource = committed.problems().isEmpty() ? null : committed;
        file = null;
        sample = null;
        clearPreview();
        mappingStep.clear();
        sheetStep.clear();
        commitStep.showResult(result, text, importedKey);
        say("", Styles.TEXT_MUTED);
        onImported.run();
    }

    // --- error report -----------------------------------------------------------------------------

    private Optional<ImportPreview> reportable() {
        if (preview != null && !preview.problems().isEmpty()) {
            return Optional.of(preview);
        }
        return Optional.ofNullable(reportSource);
    }

    private void chooseErrorReport() {
        reportable().ifPresent(source -> {
            Path suggested = ErrorReport.defaultPath(source.file());
            FileChooser chooser = new FileChooser();
            chooser.setTitle(I18n.get("ledgers.report.export"));
            if (suggested.getParent() != null) {
                chooser.setInitialDirectory(suggested.getParent().toFile());
            }
            chooser.setInitialFileName(suggested.getFileName().toString());
            chooser.getExtensionFilters().add(
                    new FileChooser.ExtensionFilter(I18n.get("ledgers.fileType.xlsx"), "*.xlsx"));
            File chosen = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
            if (chosen != null) {
                writeErrorReport(chosen.toPath());
            }
        });
    }

    /** Writes the error report of the preview (or of the last import with problems); the tests' way in. */
    void writeErrorReport(Path out) {
        Optional<ImportPreview> source = reportable();
        if (source.isEmpty() || busy) {
            return;
        }
        ImportPreview report = source.get();
        progress.start("ledgers.progress.report", false);
        setBusy(true);
        BackgroundTask.wrap(() -> ErrorReport.write(report.file(), report.sheetName(), report.request().limits(),
                report.header(), report.problems(), p -> I18n.get(p.messageKey(), p.args().toArray()), out,
                ErrorReport.Scope.WHOLE_SHEET))
                .onSuccess(done -> {
                    say(I18n.get("ledgers.report.saved", report.problems().size(), out.toString()), Styles.SUCCESS);
                    openFolder.setOnAction(e -> reveal(out));
                    openFolder.setVisible(true);
                })
                .onFinished(() -> setBusy(false))
                .executeWith(context.executor());
    }

    private void reveal(Path out) {
        BackgroundTask.wrap(() -> {
            Folders.reveal(out);
            return out;
        }).onFailure(e -> {
            LOG.warn("Could not open the folder of {}", out, e);
            say(I18n.get("ledgers.report.cannotOpen", out.toAbsolutePath().getParent().toString()), Styles.WARNING);
        }).executeWith(context.executor());
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** Cancelled work says so; a refused file or mapping says why, where the user can fix it. */
    private void failed(Throwable e) {
        if (cancelled(e)) {
            say(I18n.get("ledgers.cancelled"), Styles.WARNING);
            return;
        }
        if (e instanceof LedgerImportException refusal
                && (LedgerImportException.MISSING_REQUIRED.equals(refusal.messageKey())
                || LedgerImportException.UNKNOWN_FIELD.equals(refusal.messageKey()))
                && sample != null && sample.header().isPresent()) {
            mappingStep.showRefusal();
            say(I18n.get("ledgers.mapping.refused"), Styles.DANGER);
            showStep(1);
            return;
        }
        if (e instanceof SalesDeskException) {
            say(I18n.message(e), Styles.DANGER);
            LOG.warn("Refused: {}", e.getMessage());
            return;
        }
        say(I18n.message(e), Styles.DANGER);
        ErrorDialogs.show(e);
    }

    private static boolean cancelled(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ImportCancelledException) {
                return true;
            }
        }
        return false;
    }

    private LedgerRow firstDataRow(HeaderRow header) {
        if (sample == null) {
            return null;
        }
        return sample.rows().stream().filter(r -> r.rowNumber() > header.lastRowNumber()).findFirst().orElse(null);
    }

    private String entityKey() {
        return sheetStep.entityKey();
    }

    private LedgerEntity entity() {
        return ledgerImport.entity(entityKey());
    }

    /** The preview on screen, or {@code null}; for tests. */
    ImportPreview preview() {
        return preview;
    }
}
