package io.salesdesk.app.ledgers;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.common.I18n;
import io.salesdesk.ledger.imports.ImportCounts;
import io.salesdesk.ledger.imports.ImportPreview;
import io.salesdesk.ledger.imports.ImportResult;

/**
 * Step ④: what will be written, in words, and the import button; afterwards the batch and its counts,
 * and the error report of the rows that were left out.
 */
final class CommitStep extends VBox {

    private final Label plan = new Label();
    private final Label hint = new Label();
    private final Button importButton = new Button(I18n.get("ledgers.import.commit"), new FontIcon(Feather.UPLOAD));
    private final Label result = new Label();
    private final Button errorReport = new Button(I18n.get("ledgers.report.export"), new FontIcon(Feather.FILE_TEXT));
    private final Button another = new Button(I18n.get("ledgers.commit.another"), new FontIcon(Feather.FOLDER));

    /**
     * @param onCommit      the user asked to import
     * @param onErrorReport the user asked for the error report of the rows left out
     * @param onAnother     the user wants to import another file
     */
    CommitStep(Runnable onCommit, Runnable onErrorReport, Runnable onAnother) {
        super(14);
        setId("ledgerStepCommit");
        plan.setId("ledgerPlan");
        plan.setWrapText(true);
        plan.getStyleClass().add(Styles.TITLE_4);
        hint.setId("ledgerCommitHint");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        importButton.setId("ledgerImport");
        importButton.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        importButton.setOnAction(e -> onCommit.run());
        importButton.setDisable(true);
        result.setId("ledgerResult");
        result.setWrapText(true);
        errorReport.setId("ledgerErrorReportAfterImport");
        errorReport.setOnAction(e -> onErrorReport.run());
        errorReport.setVisible(false);
        errorReport.setManaged(false);
        another.setId("ledgerAnother");
        another.getStyleClass().add(Styles.ACCENT);
        another.setOnAction(e -> onAnother.run());
        showButton(importButton);
        HBox buttons = new HBox(12, importButton, another, errorReport);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(plan, hint, buttons, result);
    }

    /** Says what committing this preview will do. */
    void show(ImportPreview preview, String entityLabel) {
        ImportCounts counts = preview.counts();
        plan.setText(I18n.get("ledgers.commit.plan", preview.file().getFileName().toString(), preview.sheetName(),
                entityLabel, counts.created(), counts.updated(), counts.skipped()));
        if (preview.blockedByErrors()) {
            hint.setText(I18n.get("ledgers.import.blockedHint"));
        } else if (counts.invalid() > 0) {
            hint.setText(I18n.get("ledgers.commit.skipping", counts.invalid()));
        } else {
            hint.setText(I18n.get("ledgers.commit.oneTransaction"));
        }
        showButton(importButton);
    }

    /** Focuses the import button, or {@code fallback} while it is disabled. */
    void focusAction(javafx.scene.Node fallback) {
        if (importButton.isVisible() && !importButton.isDisabled()) {
            importButton.requestFocus();
        } else if (another.isVisible()) {
            another.requestFocus();
        } else {
            fallback.requestFocus();
        }
    }

    void enableImport(boolean enabled) {
        importButton.setDisable(!enabled);
    }

    /** The import of an entity is done (or refused); offers the error report when rows were left out. */
    void showResult(ImportResult done, String text, String entityKey) {
        result.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING);
        result.getStyleClass().add(done.committed() ? Styles.SUCCESS : Styles.DANGER);
        result.setText(text);
        if (done.committed()) {
            plan.setText(I18n.get("ledgers.commit.doneTitle"));
            hint.setText(EntityTexts.get("ledgers.commit.doneHint", entityKey));
            showButton(another);
        }
        errorReport.setVisible(done.counts().invalid() > 0);
        errorReport.setManaged(errorReport.isVisible());
    }

    private void showButton(Button shown) {
        for (Button button : new Button[] {importButton, another}) {
            button.setVisible(button == shown);
            button.setManaged(button == shown);
        }
    }

    /** The import was cancelled or failed: nothing was written. */
    void showNotWritten(String text) {
        result.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING);
        result.getStyleClass().add(Styles.WARNING);
        result.setText(text);
    }

    /** Forgets the result of the last import, for a new file. */
    void clearResult() {
        result.setText("");
        errorReport.setVisible(false);
        errorReport.setManaged(false);
    }

    /** Back to "no preview"; a result shown stays until a new file is opened. */
    void clear() {
        plan.setText(I18n.get("ledgers.commit.nothing"));
        hint.setText("");
        importButton.setDisable(true);
        showButton(importButton);
    }
}
